import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetInterview, apiListCandidateInterviews } from "@/lib/data/api-v1";
import { addInterview } from "@/lib/data/loops";

export const GET = v1<typeof ops.listCandidateInterviews, { id: string }>(
  ops.listCandidateInterviews,
  async ({ user, params, query }) => apiListCandidateInterviews(user, params.id, query),
);
export const POST = v1<typeof ops.planInterview, { id: string }>(ops.planInterview, async ({ user, params, body }) =>
  apiGetInterview((await addInterview(user, params.id, body)).id),
);
