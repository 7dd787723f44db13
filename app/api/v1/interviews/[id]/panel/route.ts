import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { interviewCandidateFor } from "@/lib/data/api-v1";
import { listPanelScorecards } from "@/lib/data/interviews";

export const GET = v1<typeof ops.getPanel, { id: string }>(ops.getPanel, async ({ user, params }) => {
  const panel = await listPanelScorecards(user.id, await interviewCandidateFor(user, params.id));
  return {
    unlocked: panel.unlocked,
    scorecards: panel.scorecards.map((s) => ({
      id: s.id,
      interviewer: s.author.name,
      exercise: s.interview.exercise?.title ?? null,
      submittedAt: s.submittedAt,
      recommendation: s.recommendation,
      keyTakeaways: s.keyTakeaways,
      ratings: s.ratings.map((r) => ({
        dimensionId: r.dimensionId,
        rating: r.notAssessed ? null : r.rating,
        notAssessed: r.notAssessed,
        evidence: r.evidence,
      })),
    })),
  };
});
