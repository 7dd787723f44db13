import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetOpening, apiListOpenings } from "@/lib/data/api-v1";
import { createOpening } from "@/lib/data/openings";

export const GET = v1(ops.listOpenings, async ({ user, query }) => apiListOpenings(user, query));
export const POST = v1(ops.createOpening, async ({ user, body }) =>
  apiGetOpening(user, (await createOpening(user, body)).id),
);
