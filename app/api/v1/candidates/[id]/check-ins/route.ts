import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { submitCheckIn } from "@/lib/data/check-ins";

export const POST = v1<typeof ops.submitCheckIn, { id: string }>(ops.submitCheckIn, async ({ user, params, body }) =>
  submitCheckIn(user, params.id, body),
);
