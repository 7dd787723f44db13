// The comparison's numbers (docs/decisions/005, 012), computed once for the page (in the browser,
// as what-if weights move) and for the JSON API: the ranking on the scores asked for, raw or
// calibrated, and beside each candidate the other score.
import { calibrateScorecards, type Offsets, type RecommendOn } from "./calibration";
import { scoreTally, tallyScorecards, type CandidateScore, type CandidateTally, type Recommendation } from "./scoring";
import type { ScoringScorecard, ScoringTemplate } from "./scoring";
import { rankCandidates, type Ranked } from "./sensitivity";

export type CompareOptions = {
  /** rank on calibrated scores (each interviewer's leniency removed) instead of the ratings as given */
  calibrated: boolean;
  /** the scores the role's recommendation uses, whichever the ranking is on */
  recommendOn: RecommendOn;
  /** each interviewer's offset, to calibrate candidates given as scorecards */
  offsets: Offsets;
  /** the other score is computed for the first `shown` candidates, ranked then apart (all if omitted) */
  shown?: number;
};

/**
 * A candidate to compare: their scorecards, or their tallies raw and calibrated (the page's and
 * the API's, from the stored sums: docs/decisions/061-comparison-from-dimension-sums.md).
 */
export type ComparedInput = { id: string; label: string } & (
  { scorecards: ScoringScorecard[] } | { raw: CandidateTally; calibrated: CandidateTally }
);

/**
 * Ranks candidates on raw or calibrated scores. Candidates with
 * Insufficient evidence are apart, not ranked; candidates whose feedback is withheld from the
 * viewer are the caller's to leave out (docs/product.md "Visibility and independence").
 */
export function compareCandidates(template: ScoringTemplate, candidates: readonly ComparedInput[], o: CompareOptions) {
  const tallies = new Map(
    candidates.map((c) => [
      c.id,
      "raw" in c
        ? { raw: c.raw, calibrated: c.calibrated }
        : {
            raw: tallyScorecards(template, c.scorecards),
            calibrated: tallyScorecards(template, calibrateScorecards(c.scorecards, o.offsets)),
          },
    ]),
  );
  /** the tallies the ranking is on (also what the sensitivity of the ranking is measured on) */
  const inputs = candidates.map((c) => {
    const t = tallies.get(c.id)!;
    return { id: c.id, label: c.label, tally: o.calibrated ? t.calibrated : t.raw };
  });
  const { ranked, apart } = rankCandidates(template, inputs);
  const other = new Map<string, CandidateScore>(
    [...ranked, ...apart].slice(0, o.shown).map((r) => {
      const t = tallies.get(r.id)!;
      return [r.id, scoreTally(template, o.calibrated ? t.raw : t.calibrated)];
    }),
  );
  /** the recommendation always comes from the scores the role recommends on */
  const recommendationOf = (r: Ranked): Recommendation =>
    ((o.recommendOn === "calibrated") === o.calibrated ? r.score : other.get(r.id)!).recommendation;
  /** a candidate's raw and calibrated scores, whichever the ranking is on */
  const bothScores = (r: Ranked) => {
    const theOther = other.get(r.id)!;
    return o.calibrated ? { raw: theOther, calibrated: r.score } : { raw: r.score, calibrated: theOther };
  };
  return { inputs, ranked, apart, other, recommendationOf, bothScores };
}

export type Comparison = ReturnType<typeof compareCandidates>;
