import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetCandidate, apiListCandidates } from "@/lib/data/api-v1";
import { addCandidate } from "@/lib/data/openings";

export const GET = v1<typeof ops.listCandidates, { id: string }>(ops.listCandidates, async ({ user, params, query }) =>
  apiListCandidates(user, params.id, query),
);
export const POST = v1<typeof ops.createCandidate, { id: string }>(
  ops.createCandidate,
  async ({ user, params, body }) => apiGetCandidate(user, (await addCandidate(user, params.id, body)).id),
);
