import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { drillView, submitDrillAttempt } from "@/lib/data/drills";

export const POST = v1<typeof ops.submitDrill, { id: string }>(ops.submitDrill, async ({ user, params, body }) =>
  drillView(await submitDrillAttempt(user, params.id, body)),
);
