import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetCandidate } from "@/lib/data/api-v1";
import { setCandidateStage } from "@/lib/data/openings";

export const GET = v1<typeof ops.getCandidate, { id: string }>(ops.getCandidate, async ({ user, params }) =>
  apiGetCandidate(user, params.id),
);
export const PATCH = v1<typeof ops.updateCandidate, { id: string }>(
  ops.updateCandidate,
  async ({ user, params, body }) => {
    await setCandidateStage(user, params.id, body);
    return apiGetCandidate(user, params.id);
  },
);
