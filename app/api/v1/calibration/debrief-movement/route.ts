import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { getDebriefMovement } from "@/lib/data/debriefs";

export const GET = v1(ops.getDebriefMovement, async ({ user, query }) =>
  getDebriefMovement(user, {
    roleSlug: query.role,
    sinceDays: query.period === "all" ? undefined : Number(query.period),
  }),
);
