import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetOpening } from "@/lib/data/api-v1";

export const GET = v1<typeof ops.getOpening, { id: string }>(ops.getOpening, async ({ user, params }) =>
  apiGetOpening(user, params.id),
);
