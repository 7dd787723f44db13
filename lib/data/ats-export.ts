import "server-only";
import { db, type DbTx } from "../db";
import { toAtsFormat, type AtsFormat, type ExportScorecard } from "../domain/ats-export";
import type { Viewer } from "../domain/permissions";
import { countsAsRating } from "../domain/rating-rows";
import type { OverallRecommendation, Rating } from "../domain/vocabulary";
import { NotFoundError } from "../errors";
import { assertFeedbackVisible } from "./independence";
import { recordCandidateView } from "./privacy";
import { openingWhere } from "./scope";

// A candidate's submitted scorecards in an ATS's shape (docs/decisions/068-ats-shaped-exports.md),
// read under the candidate summary's rules: the opening's visibility (lib/data/scope.ts; anything
// outside it is "not found") and independent ratings first (lib/data/independence.ts: while the
// viewer owes their own scorecard on the candidate, 403 feedback_withheld, as getCandidateSummary
// answers). Drafts are never read: only submitted scorecards are selected.

const exportSelect = {
  id: true,
  candidateId: true,
  interviewId: true,
  author: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  recommendation: true,
  keyTakeaways: true,
  interview: { select: { scheduledAt: true, exercise: { select: { id: true, title: true } } } },
  ratings: {
    select: {
      dimensionId: true,
      rating: true,
      notAssessed: true,
      evidence: true,
      dimension: { select: { name: true, position: true } },
    },
  },
} as const;

/** The candidate's submitted scorecards, oldest submission first, as the pure mapping takes them. */
export async function readExportScorecards(
  viewer: Viewer,
  candidateId: string,
  client: DbTx = db,
): Promise<ExportScorecard[]> {
  const scope = openingWhere(viewer);
  const candidate = scope
    ? await client.candidate.findFirst({ where: { id: candidateId, opening: scope }, select: { id: true } })
    : null;
  if (!candidate) throw new NotFoundError("Candidate not found.");
  await assertFeedbackVisible(viewer, candidateId, client);
  const rows = await client.scorecard.findMany({
    where: { candidateId, status: "submitted" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: exportSelect,
  });
  return rows.map((s) => ({
    id: s.id,
    candidateId: s.candidateId,
    interviewId: s.interviewId,
    interviewer: s.author,
    exercise: s.interview.exercise,
    interviewedAt: s.interview.scheduledAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    // selected by status "submitted", which always has its time (lib/data/scorecards.ts)
    submittedAt: s.submittedAt ?? s.updatedAt,
    recommendation: s.recommendation as OverallRecommendation | null,
    keyTakeaways: s.keyTakeaways,
    // a row with neither a number nor Not assessed is not a rating (lib/domain/rating-rows.ts)
    ratings: s.ratings
      .filter(countsAsRating)
      .sort((a, b) => a.dimension.position - b.dimension.position)
      .map((r) => ({
        dimensionId: r.dimensionId,
        dimension: r.dimension.name,
        rating: r.notAssessed ? null : (r.rating as Rating),
        notAssessed: r.notAssessed,
        evidence: r.evidence,
      })),
  }));
}

/** GET /api/v1/candidates/{id}/scorecards?format=…: the export, recorded as a view of the candidate. */
export async function apiExportScorecards(viewer: Viewer, candidateId: string, format: AtsFormat) {
  const cards = await readExportScorecards(viewer, candidateId);
  await recordCandidateView(viewer, candidateId, "api");
  return toAtsFormat(format, cards);
}
