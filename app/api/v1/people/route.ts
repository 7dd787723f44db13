import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { canSetUpHiring } from "@/lib/domain/permissions";
import { ForbiddenError } from "@/lib/errors";
import { listPeople } from "@/lib/data/openings";

export const GET = v1(ops.listPeople, async ({ user, query }) => {
  if (!canSetUpHiring(user.roles)) throw new ForbiddenError("Only recruiters and admins list people to assign.");
  return { data: await listPeople(query.role) };
});
