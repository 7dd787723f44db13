import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiListRoles } from "@/lib/data/api-v1";

export const GET = v1(ops.listRoles, async ({ query }) => apiListRoles(query));
