import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiListInterviews } from "@/lib/data/api-v1";

export const GET = v1(ops.listInterviews, async ({ user, query }) =>
  apiListInterviews(user, query.interviewerId, query),
);
