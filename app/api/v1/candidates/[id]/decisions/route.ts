import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetCandidate, toDecision } from "@/lib/data/api-v1";
import { listDecisions, recordDecision } from "@/lib/data/decisions";

export const GET = v1<typeof ops.listDecisions, { id: string }>(ops.listDecisions, async ({ user, params }) => {
  await apiGetCandidate(user, params.id);
  return { data: (await listDecisions(user, params.id)).map(toDecision) };
});
export const POST = v1<typeof ops.recordDecision, { id: string }>(ops.recordDecision, async ({ user, params, body }) =>
  toDecision(await recordDecision(user, params.id, body)),
);
