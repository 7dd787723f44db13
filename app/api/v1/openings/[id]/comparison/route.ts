import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiComparison } from "@/lib/data/comparison";

export const GET = v1<typeof ops.getComparison, { id: string }>(ops.getComparison, async ({ user, params, query }) =>
  apiComparison(user, params.id, query.blind === "1"),
);
