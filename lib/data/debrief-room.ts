import "server-only";
import { db, type DbTx } from "../db";
import { revealStep, suggestedRevealOrder } from "../domain/debrief";
import { canSetUpHiring, type Viewer } from "../domain/permissions";
import { engineRating } from "../domain/rating-rows";
import type { OverallRecommendation } from "../domain/vocabulary";
import { getCandidateView, type CandidateSummary } from "./candidate-summary";
import { loadDebrief } from "./debriefs";
import { scoringVersion } from "./scoring-version";

// The debrief page's data (docs/decisions/078-debrief-mode.md): the summary (which decides who may
// see what), and each interviewer's scorecard as it stood when the debrief started, in the reveal
// order, up to the step the facilitator has reached. Before a debrief: the suggested order.

type RoomCard = {
  interviewerId: string;
  interviewerName: string;
  exercise: string | null;
  senior: boolean;
  hiringManager: boolean;
  /** the pre-debrief content */
  recommendation: OverallRecommendation | null;
  keyTakeaways: string;
  ratings: { dimensionId: string; name: string; rating: number | null; notAssessed: boolean; evidence: string }[];
  redFlags: { text: string; note: string }[];
  /** the same scorecard now, against the snapshot */
  scorecard: CandidateSummary["scorecards"][number];
};

export async function getDebriefRoom(viewer: Viewer, candidateId: string, shown: number | null, client: DbTx = db) {
  const view = await getCandidateView(viewer, candidateId, new Date(), client);
  if (view.feedbackWithheld) return { view, room: null } as const;
  const { openingHiringManagerId, templateVersionId } = await client.candidate
    .findUniqueOrThrow({
      where: { id: candidateId },
      select: { opening: { select: { hiringManagerId: true, templateVersionId: true } } },
    })
    .then((c) => ({
      openingHiringManagerId: c.opening.hiringManagerId,
      templateVersionId: c.opening.templateVersionId,
    }));
  const canFacilitate = openingHiringManagerId === viewer.id || canSetUpHiring(viewer.roles);
  const panel = view.scorecards.map((s) => ({
    interviewerId: s.interviewerId,
    interviewerName: s.interviewerName,
    submittedAt: s.submittedAt,
  }));
  const names = new Map(panel.map((m) => [m.interviewerId, m.interviewerName]));
  const base = { view, canFacilitate, hiringManagerId: openingHiringManagerId };
  const debrief = view.debrief ? await loadDebrief(client, candidateId) : null;
  if (!debrief) {
    const suggested = suggestedRevealOrder(panel, { hiringManagerId: openingHiringManagerId, seniorIds: [] });
    return {
      ...base,
      room: {
        started: false as const,
        panel: suggested.map((id) => ({
          interviewerId: id,
          name: names.get(id)!,
          hiringManager: id === openingHiringManagerId,
        })),
      },
    };
  }
  const version = await scoringVersion(client, templateVersionId);
  const dimensionName = new Map(version.dimensions.map((d) => [d.id, d.name]));
  const flagText = new Map(version.redFlags.map((f) => [f.id, f.text]));
  const senior = new Set(debrief.seniorIds);
  const byScorecard = new Map(view.scorecards.map((s) => [s.id, s]));
  const cards: RoomCard[] = debrief.snapshots.flatMap((snap) => {
    const scorecard = byScorecard.get(snap.scorecardId);
    if (!scorecard) return [];
    const c = snap.content;
    return [
      {
        interviewerId: snap.authorId,
        interviewerName: scorecard.interviewerName,
        exercise: scorecard.exercise,
        senior: senior.has(snap.authorId),
        hiringManager: snap.authorId === openingHiringManagerId,
        recommendation: c.recommendation as OverallRecommendation | null,
        keyTakeaways: c.keyTakeaways,
        // in the template's order, the dimensions the interviewer touched
        ratings: version.dimensions.flatMap((d) => {
          const r = c.ratings.find((x) => x.dimensionId === d.id);
          if (!r || (r.rating === null && !r.notAssessed)) return [];
          return [
            {
              dimensionId: d.id,
              name: dimensionName.get(d.id)!,
              rating: engineRating(r),
              notAssessed: r.notAssessed,
              evidence: r.evidence,
            },
          ];
        }),
        redFlags: c.redFlags.map((f) => ({
          text: flagText.get(f.redFlagId) ?? "A red flag of an earlier version",
          note: f.note,
        })),
        scorecard,
      },
    ];
  });
  // an interviewer with two interviews speaks once, with both scorecards
  const order = debrief.revealOrder.filter((id) => cards.some((c) => c.interviewerId === id));
  const groups = order.map((id) => ({
    interviewerId: id,
    name: names.get(id) ?? cards.find((c) => c.interviewerId === id)!.interviewerName,
    senior: senior.has(id),
    hiringManager: id === openingHiringManagerId,
    cards: cards.filter((c) => c.interviewerId === id),
  }));
  const step = revealStep(groups, debrief.revealMode, shown);
  const snapshotIds = new Set(debrief.snapshots.map((s) => s.scorecardId));
  return {
    ...base,
    room: {
      started: true as const,
      revealMode: debrief.revealMode,
      step,
      total: groups.length,
      late: view.scorecards.filter((s) => !snapshotIds.has(s.id)),
    },
  };
}
export type DebriefRoom = Awaited<ReturnType<typeof getDebriefRoom>>;
