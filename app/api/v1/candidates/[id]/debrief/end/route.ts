import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { endDebrief } from "@/lib/data/debriefs";

export const POST = v1<typeof ops.endDebrief, { id: string }>(ops.endDebrief, async ({ user, params }) =>
  endDebrief(user, params.id),
);
