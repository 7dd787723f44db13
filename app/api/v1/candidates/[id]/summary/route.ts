import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { getCandidateView } from "@/lib/data/candidate-summary";
import { recordCandidateView } from "@/lib/data/privacy";

export const GET = v1<typeof ops.getSummary, { id: string }>(ops.getSummary, async ({ user, params }) => {
  const summary = await getCandidateView(user, params.id);
  await recordCandidateView(user, summary.candidate.id, "api");
  return summary;
});
