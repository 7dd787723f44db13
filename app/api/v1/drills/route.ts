import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { listDrillsForRater } from "@/lib/data/drills";

export const GET = v1(ops.listDrills, async ({ user }) => ({ data: await listDrillsForRater(user) }));
