// The unit-weight check (docs/decisions/074-unit-weight-check.md): the same candidate's score with
// every counted dimension weighted equally (Dawes 1979; Bobko, Roth & Buster 2007), and whether
// the recommendation band, or the order of two adjacent candidates, would be different. A
// sensitivity check beside the weighted score: it never changes the recommendation. Pure, and
// computed from a CandidateScore the engine already made (raw or calibrated, whichever the caller
// shows), so it reuses the same dimension means, red flags and thresholds.
import { fractionText, roundHalfUp } from "./exact";
import { exactScore } from "./exact-score";
import { decide } from "./recommendation";
import { formatScore } from "./score-format";
import {
  compareForRanking,
  RECOMMENDATION_LABELS,
  type CandidateScore,
  type DimensionResult,
  type Recommendation,
} from "./scoring";

export type UnitWeightCheck = {
  /** false when the weighted result is Insufficient evidence: there is no band to compare */
  applies: boolean;
  /** dimensions with a positive weight: each weighs the same here */
  counted: number;
  /** of those, how many have at least one 1–5 rating */
  rated: number;
  /** the unweighted mean of the rated counted dimensions' means, 1–5; null when none is rated */
  score: number | null;
  scoreText: string;
  /** exact "numerator/denominator" on raw (integer) ratings; null when calibrated or unrated */
  scoreExact: string | null;
  /** the band the role's own thresholds give the equal-weight score; null when the check does not apply */
  recommendation: Recommendation | null;
  /** the band the role's weights give (the recommendation, unchanged) */
  weightedRecommendation: Recommendation;
  /** the equal-weight band differs from the weighted one: the role's weights decide the outcome */
  bandFlips: boolean;
  /** one line for people */
  text: string;
};

/** Each dimension's ratings as sums; the sum is recovered exactly from the mean when the ratings are integers. */
function sums(d: DimensionResult, whole: boolean) {
  const sum = d.ratings.length ? d.ratings.reduce((a, b) => a + b, 0) : d.mean! * d.count;
  return { weight: 1, count: d.count, sum: whole ? Math.round(sum) : sum, whole };
}

/**
 * The candidate's score under equal weights. Counted: every dimension of the template with a
 * positive weight (a 0-weight dimension is one the role says does not count). Not assessed and
 * unrated dimensions drop out exactly as in the weighted score; the coverage gate stays the role's
 * weighted one (a sensitivity check of the score, not of the evidence rule), and the red-flag cap
 * holds under any weights.
 */
export function unitWeightCheck(s: CandidateScore): UnitWeightCheck {
  const counted = s.dimensions.filter((d) => d.weight > 0);
  const rated = counted.filter((d) => d.count > 0 && d.mean !== null);
  const whole = s.scoreExact !== null;
  const score = rated.length ? rated.reduce((a, d) => a + d.mean!, 0) / rated.length : null;
  const exact = whole && rated.length ? exactScore(rated.map((d) => sums(d, true))) : null;
  const scoreText = exact ? roundHalfUp(exact.score) : formatScore(score);
  const base = {
    counted: counted.length,
    rated: rated.length,
    score,
    scoreText,
    scoreExact: exact ? fractionText(exact.score) : null,
    weightedRecommendation: s.recommendation,
  };
  if (s.recommendation === "insufficient-evidence" || score === null)
    return {
      ...base,
      applies: false,
      recommendation: null,
      bandFlips: false,
      text: "No equal-weight check: too little is rated for a recommendation.",
    };
  // the gate already passed on the role's weights: coverage 100% here, so only the score and the red flags decide
  const { recommendation } = decide({
    coverage: 1,
    score,
    redFlags: s.redFlags,
    thresholds: s.thresholds,
    exact: exact ? { score: exact.score, ratedWeight: { n: 100n, d: 1n } } : null,
  });
  const bandFlips = recommendation !== s.recommendation;
  const label = RECOMMENDATION_LABELS[recommendation];
  const text =
    recommendation === "no-hire-red-flag"
      ? `Equal weights: ${scoreText}; the red flag caps the recommendation under any weights.`
      : bandFlips
        ? `The role's weights decide this: with every dimension weighted equally the score is ${scoreText}, ${label}, not ${RECOMMENDATION_LABELS[s.recommendation]}.`
        : `Equal weights: ${scoreText}, ${label} too.`;
  return { ...base, applies: true, recommendation, bandFlips, text };
}

type Rankable = { id: string; label: string; score: CandidateScore };

export type UnitWeightPair = { upperId: string; lowerId: string; flips: boolean; text: string };

/** The equal-weight check's ordering key: its score, exact when it has one; ties by the weighted coverage. */
const key = (c: UnitWeightCheck, s: CandidateScore) => ({
  score: c.score,
  scoreExact: c.scoreExact,
  coverage: s.coverage,
});

/**
 * The comparison's check: each ranked candidate's equal-weight result, the ranking under equal
 * weights (same tie rules as the weighted one; still equal keeps the weighted order), and for each
 * adjacent pair of the weighted ranking whether equal weights put the lower one strictly ahead.
 * `ranked`: the weighted ranking, best first (Insufficient evidence already apart).
 */
export function unitWeightRanking(ranked: readonly Rankable[]) {
  const checks = new Map(ranked.map((r) => [r.id, unitWeightCheck(r.score)]));
  const keyOf = (r: Rankable) => key(checks.get(r.id)!, r.score);
  const order = ranked
    .map((r, weightedRank) => ({ r, weightedRank }))
    .sort((a, b) => compareForRanking(keyOf(a.r), keyOf(b.r)));
  const ranking = order.map(({ r, weightedRank }, i) => ({
    id: r.id,
    label: r.label,
    rank: i + 1,
    weightedRank: weightedRank + 1,
    check: checks.get(r.id)!,
  }));
  const pairs: UnitWeightPair[] = ranked.slice(0, -1).map((upper, i) => {
    const lower = ranked[i + 1];
    const flips = compareForRanking(keyOf(upper), keyOf(lower)) > 0;
    const who = `#${i + 1} ${upper.label} and #${i + 2} ${lower.label}`;
    return {
      upperId: upper.id,
      lowerId: lower.id,
      flips,
      text: flips
        ? `${who} swap under equal weights (${checks.get(lower.id)!.scoreText} ahead of ${checks.get(upper.id)!.scoreText}): the role's weights decide their order.`
        : `${who} keep their order under equal weights.`,
    };
  });
  const flippedPairs = pairs.filter((p) => p.flips).length;
  const flippedBands = [...checks.values()].filter((c) => c.bandFlips).length;
  const text =
    flippedPairs + flippedBands === 0
      ? "Equal weights give the same order and the same bands."
      : `The role's weights decide part of this: under equal weights ${[
          flippedPairs ? `${flippedPairs} adjacent pair${flippedPairs > 1 ? "s swap" : " swaps"}` : "",
          flippedBands ? `${flippedBands} recommendation band${flippedBands > 1 ? "s change" : " changes"}` : "",
        ]
          .filter(Boolean)
          .join(" and ")}.`;
  return { ranking, pairs, checks, flips: flippedPairs + flippedBands > 0, text };
}

export type UnitWeightRanking = ReturnType<typeof unitWeightRanking>;
