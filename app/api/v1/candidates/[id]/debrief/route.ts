import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { startDebrief } from "@/lib/data/debriefs";

export const POST = v1<typeof ops.startDebrief, { id: string }>(ops.startDebrief, async ({ user, params, body }) =>
  startDebrief(user, params.id, body),
);
