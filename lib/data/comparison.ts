import "server-only";
import { db, type DbTx } from "../db";
import { calibrateScorecards, type Offsets } from "../domain/calibration";
import { compareCandidates } from "../domain/comparison";
import { feedbackWithheldMessage, type Viewer } from "../domain/permissions";
import { groupBy } from "../domain/group-by";
import { tallyFromSums } from "../domain/score-sums";
import { tallyScorecards, type CandidateTally, type ScoringTemplate } from "../domain/scoring";
import type { Ranked } from "../domain/sensitivity";
import { unitWeightRanking } from "../domain/unit-weight";
import type { OverallRecommendation } from "../domain/vocabulary";
import { loadOpening } from "./candidate-list";
import { display } from "./candidate-summary";
import { withheldFeedback } from "./independence";
import { getRaterOffsets } from "./rater-offsets";
import { loadScoringScorecards } from "./score-cache";
import { sql } from "./sql";

/** A candidate's tallies and the authors of their submitted scorecards, oldest submission first. */
type Tallies = { raw: CandidateTally; calibrated: CandidateTally; interviewers: string[] };

/**
 * Every candidate's tallies, raw and calibrated, from the stored sums (docs/decisions/061): the
 * per-dimension sums kept with every write (CandidateDimensionScore, docs/decisions/060), each
 * dimension's Not assessed count, the submitted scorecards' authors and overall recommendations,
 * and the raised red flags, never every rating. The calibrated tally needs the ratings themselves
 * (an offset moves each rating, clamped to 1–5): they are read only for the candidates an
 * adjusted interviewer rated; for everyone else it is the raw tally.
 */
export async function openingTallies(
  client: DbTx,
  openingId: string,
  template: ScoringTemplate,
  offsets: Offsets,
): Promise<Map<string, Tallies>> {
  const inOpening = sql`JOIN "Candidate" c ON c."id" = s."candidateId" WHERE c."openingId" = ${openingId} AND s."status" = 'submitted'`;
  const [dims, notAssessed, cards, flags] = await Promise.all([
    client.candidateDimensionScore.findMany({
      where: { candidate: { openingId } },
      select: { candidateId: true, dimensionId: true, ratings: true, sum: true, min: true, max: true },
    }),
    client.$queryRaw<{ candidateId: string; dimensionId: string; n: unknown }[]>(sql`
      SELECT s."candidateId", r."dimensionId", COUNT(*) AS "n"
      FROM "DimensionRating" r JOIN "Scorecard" s ON s."id" = r."scorecardId" ${inOpening} AND r."notAssessed" = ${true}
      GROUP BY s."candidateId", r."dimensionId"`),
    client.$queryRaw<
      { id: string; candidateId: string; authorId: string; authorName: string; recommendation: string | null }[]
    >(sql`
      SELECT s."id", s."candidateId", s."authorId", u."name" AS "authorName", s."recommendation"
      FROM "Scorecard" s JOIN "User" u ON u."id" = s."authorId" ${inOpening}
      ORDER BY s."submittedAt" ASC, s."id" ASC`),
    client.$queryRaw<{ scorecardId: string; redFlagId: string; note: string }[]>(sql`
      SELECT f."scorecardId", f."redFlagId", f."note"
      FROM "RedFlagObservation" f JOIN "Scorecard" s ON s."id" = f."scorecardId" ${inOpening}`),
  ]);
  const dimsOf = groupBy(dims, (d) => d.candidateId);
  const naOf = new Map(notAssessed.map((r) => [`${r.candidateId}\u0000${r.dimensionId}`, Number(r.n)]));
  const cardsOf = groupBy(cards, (c) => c.candidateId);
  const flagsOf = groupBy(flags, (f) => f.scorecardId);
  const adjusted = (id: string) => {
    const o = offsets.get(id)?.offset ?? null;
    return o !== null && o !== 0;
  };
  const out = new Map<string, Tallies>();
  const recalibrate: string[] = [];
  for (const [candidateId, own] of cardsOf) {
    const stored = new Map((dimsOf.get(candidateId) ?? []).map((d) => [d.dimensionId, d]));
    const raw = tallyFromSums({
      dimensions: template.dimensions.map((d) => ({
        dimensionId: d.id,
        ratings: stored.get(d.id)?.ratings ?? 0,
        sum: stored.get(d.id)?.sum ?? 0,
        min: stored.get(d.id)?.min ?? 0,
        max: stored.get(d.id)?.max ?? 0,
        notAssessed: naOf.get(`${candidateId}\u0000${d.id}`) ?? 0,
      })),
      cards: own.map((c) => ({
        interviewerName: c.authorName,
        recommendation: c.recommendation as OverallRecommendation | null,
      })),
      flags: own.flatMap((c) =>
        (flagsOf.get(c.id) ?? []).map((f) => ({
          redFlagId: f.redFlagId,
          scorecardId: c.id,
          interviewerId: c.authorId,
          interviewerName: c.authorName,
          note: f.note,
        })),
      ),
    });
    out.set(candidateId, { raw, calibrated: raw, interviewers: own.map((c) => c.authorId) });
    if (own.some((c) => adjusted(c.authorId))) recalibrate.push(candidateId);
  }
  if (recalibrate.length) {
    const scorecardsOf = await loadScoringScorecards(client, openingId, recalibrate);
    for (const id of recalibrate)
      out.get(id)!.calibrated = tallyScorecards(template, calibrateScorecards(scorecardsOf(id), offsets));
  }
  return out;
}

/** No submitted scorecard: nothing rated, nothing raised. */
const emptyTally = (): CandidateTally => tallyFromSums({ dimensions: [], cards: [], flags: [] });

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
    loadOpening(viewer, openingId, now, client),
    getRaterOffsets(client),
    withheldFeedback(client, viewer.id, { openingId }),
  ]);
  const tallies = await openingTallies(client, openingId, template, offsets.leniency);
  // independent ratings first: a candidate the viewer owes a scorecard on travels without tallies or decision
  const candidates = all.map((c) => {
    const t = withheld.has(c.id) ? undefined : tallies.get(c.id);
    const none = emptyTally();
    return withheld.has(c.id)
      ? { ...c, raw: none, calibrated: none, interviewers: [], decision: null, withheld: withheld.get(c.id)! }
      : {
          ...c,
          raw: t?.raw ?? none,
          calibrated: t?.calibrated ?? none,
          interviewers: t?.interviewers ?? [],
          withheld: null,
        };
  });
  // each interviewer of this opening's scorecards: the offset the calibrated view removes (null: too few shared ratings)
  const calibrationOffsets: Record<string, { offset: number | null; shared: number }> = {};
  for (const c of candidates) {
    for (const id of c.interviewers) {
      const l = offsets.leniency.get(id);
      calibrationOffsets[id] ??= { offset: l?.offset ?? null, shared: l?.shared ?? 0 };
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
      // sums, not ratings (docs/decisions/061); who raised a red flag only to count them
      raw: c.raw,
      calibrated: c.calibrated,
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
  // the unit-weight check on the scores the ranking is on (docs/decisions/074-unit-weight-check.md)
  const uw = unitWeightRanking(ranked);
  const publicId = (id: string) => (blind ? null : id);
  const unitWeight = {
    flips: uw.flips,
    text: uw.text,
    ranking: uw.ranking.map((r) => ({
      candidateId: publicId(r.id),
      label: r.label,
      rank: r.rank,
      weightedRank: r.weightedRank,
      check: r.check,
    })),
    pairs: uw.pairs.map((p, i) => ({ upperRank: i + 1, lowerRank: i + 2, flips: p.flips, text: p.text })),
  };
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
    unitWeight,
    feedbackWithheld,
  };
}
