import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { drillView, getDrillForRater } from "@/lib/data/drills";

export const GET = v1<typeof ops.getDrill, { id: string }>(ops.getDrill, async ({ user, params }) =>
  drillView(await getDrillForRater(user, params.id)),
);
