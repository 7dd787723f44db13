import "server-only";
import { db, type DbTx } from "../db";
import { compareCandidates } from "../domain/comparison";
import { feedbackWithheldMessage, type Viewer } from "../domain/permissions";
import type { Ranked } from "../domain/sensitivity";
import { loadOpening } from "./candidate-list";
import { display } from "./candidate-summary";
import { withheldFeedback } from "./independence";
import { getRaterOffsets } from "./rater-offsets";
import { loadScoringScorecards } from "./score-cache";

/** An opening with every candidate's scoring inputs (the comparison runs the engine on them). */
async function loadOpeningScoring(viewer: Viewer, openingId: string, now: Date, client: DbTx) {
  const base = await loadOpening(viewer, openingId, now, client);
  const scorecardsOf = await loadScoringScorecards(client, openingId);
  return { ...base, candidates: base.candidates.map((c) => ({ ...c, scorecards: scorecardsOf(c.id) })) };
}

/**
 * The comparison view's inputs (docs/decisions/005-comparison-and-decisions.md): the template and
 * every candidate's scoring inputs, for the engine to rank in the browser as weights change. Blind:
 * names and e-mail addresses never leave the server; candidates are "Candidate A", "B", … in the
 * order they were added.
 */
export async function getOpeningComparison(
  viewer: Viewer,
  openingId: string,
  opts: { blind: boolean },
  now = new Date(),
  client: DbTx = db,
) {
  const [{ opening, template, recommendOn, candidates: all }, offsets, withheld] = await Promise.all([
    loadOpeningScoring(viewer, openingId, now, client),
    getRaterOffsets(client),
    withheldFeedback(client, viewer.id, { openingId }),
  ]);
  // independent ratings first: a candidate the viewer owes a scorecard on travels without scorecards or decision
  const candidates = all.map((c) =>
    withheld.has(c.id)
      ? { ...c, scorecards: [], decision: null, withheld: withheld.get(c.id)! }
      : { ...c, withheld: null },
  );
  // each interviewer of this opening's scorecards: the offset the calibrated view removes (null: too few shared ratings)
  const calibrationOffsets: Record<string, { offset: number | null; shared: number }> = {};
  for (const c of candidates) {
    for (const s of c.scorecards) {
      const l = offsets.leniency.get(s.interviewerId);
      calibrationOffsets[s.interviewerId] ??= { offset: l?.offset ?? null, shared: l?.shared ?? 0 };
    }
  }
  return {
    opening,
    template,
    calibration: { recommendOn, offsets: calibrationOffsets },
    blind: opts.blind,
    canDecide: opening.hiringManagerId === viewer.id,
    candidates: candidates.map((c, i) => ({
      id: c.id,
      label: opts.blind ? `Candidate ${blindLetter(i)}` : c.name,
      stage: c.stage,
      loop: c.loop,
      decision: c.decision,
      /** set when the viewer owes their own scorecard on this candidate: nothing of the panel's is here (blind: without the interview) */
      withheld: c.withheld ? { interviewId: opts.blind ? null : c.withheld.interviewId } : null,
      // the engine needs who raised a red flag only to say so; interviewer names are not the candidate's details
      scorecards: c.scorecards,
    })),
  };
}

export type OpeningComparison = Awaited<ReturnType<typeof getOpeningComparison>>;

/** A, B, …, Z, AA, AB, … */
export function blindLetter(i: number): string {
  return i < 26
    ? String.fromCharCode(65 + i)
    : blindLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}

/** The comparison as the JSON API gives it (docs/api.md): ranked on the server, in the documented shape. */
export async function apiComparison(viewer: Viewer, id: string, blind: boolean) {
  const c = await getOpeningComparison(viewer, id, { blind });
  // ranked on the scores the role recommends on (raw unless it says calibrated); both are given.
  // Independent ratings first: candidates the viewer owes a scorecard on are neither ranked nor
  // scored, only listed with why
  const { ranked, apart, bothScores } = compareCandidates(
    c.template,
    c.candidates.filter((x) => !x.withheld),
    {
      calibrated: c.calibration.recommendOn === "calibrated",
      recommendOn: c.calibration.recommendOn,
      offsets: new Map(Object.entries(c.calibration.offsets)),
    },
  );
  const row = (r: Ranked) => ({
    candidateId: blind ? null : r.id,
    label: r.label,
    display: display(r.score),
    score: r.score.score,
    coverage: r.score.coverage,
    recommendation: r.score.recommendation,
    redFlag: r.score.redFlags.length > 0,
    split: r.score.split.isSplit,
    rawScore: bothScores(r).raw.score,
    calibratedScore: bothScores(r).calibrated.score,
  });
  const feedbackWithheld = c.candidates.flatMap((x) =>
    x.withheld
      ? [
          {
            candidateId: blind ? null : x.id,
            label: x.label,
            reason: "own-scorecard-not-submitted" as const,
            message: feedbackWithheldMessage(x.label),
            interviewId: x.withheld.interviewId,
          },
        ]
      : [],
  );
  return {
    opening: { id: c.opening.id, title: c.opening.title },
    blind,
    recommendOn: c.calibration.recommendOn,
    ranked: ranked.map((r, i) => ({ rank: i + 1, ...row(r) })),
    insufficientEvidence: apart.map(row),
    feedbackWithheld,
  };
}
