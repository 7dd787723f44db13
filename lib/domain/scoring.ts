// The scoring engine (docs/product.md "Recommendation rules"; docs/decisions/004).
// Pure: a template version and a candidate's scorecards in, the numbers and the words out, with
// the working. No database, no framework. Drafts given to it are ignored: only submitted
// scorecards count.
import { compareFractions, fractionText, parseFraction, roundHalfUp } from "./exact";
import { formatScore } from "./score-format";
import { exactScore } from "./exact-score";
import { decide } from "./recommendation";
import { flagCaps } from "./red-flag-cap";
import { DEFAULT_THRESHOLDS as RULE_DEFAULTS, type OverallRecommendation } from "./vocabulary";

export type Thresholds = {
  /** coverage below this → Insufficient evidence (default 0.6) */
  minCoverage: number;
  strongHireMin: number;
  hireMin: number;
  leanNoHireMin: number;
  /** a dimension whose ratings differ by this much or more splits the panel (default 3) */
  splitSpreadMin: number;
  /** a red flag caps the recommendation when raised by at least this many interviewers (default 1: docs/decisions/058) */
  redFlagMinInterviewers: number;
};

/** The defaults of docs/product.md "Recommendation rules", as written once in vocabulary.ts. */
export const DEFAULT_THRESHOLDS: Thresholds = { ...RULE_DEFAULTS };

export type ScoringTemplate = {
  dimensions: { id: string; name: string; weight: number; weightOrigin: string }[];
  exercises: { id: string; title: string; dimensionIds: string[] }[];
  redFlags: { id: string; text: string }[];
  thresholds: Thresholds;
};

export type ScoringScorecard = {
  id: string;
  status: string;
  interviewerId: string;
  interviewerName: string;
  recommendation: OverallRecommendation | null;
  /** rating 1–5, or null for Not assessed (never a low score) */
  ratings: { dimensionId: string; rating: number | null }[];
  redFlags: { redFlagId: string; note: string }[];
};

export const RECOMMENDATIONS = [
  "insufficient-evidence",
  "no-hire-red-flag",
  "no-hire",
  "lean-no-hire",
  "hire",
  "strong-hire",
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  "insufficient-evidence": "Insufficient evidence",
  "no-hire-red-flag": "No hire (red flag)",
  "no-hire": "No hire",
  "lean-no-hire": "Lean no hire",
  hire: "Hire",
  "strong-hire": "Strong hire",
};

export type DimensionResult = {
  id: string;
  name: string;
  weight: number;
  weightOrigin: string;
  /** the 1–5 ratings given, in scorecard order; empty when scored from sums (the comparison: docs/decisions/061) */
  ratings: number[];
  count: number;
  notAssessedCount: number;
  /** null when nobody rated it 1–5 */
  mean: number | null;
  /** highest minus lowest rating; null when unrated */
  spread: number | null;
  /** w·mean / Σw over rated dimensions: the contributions of the rated dimensions add up to the score */
  contribution: number | null;
};

export type SplitCause =
  | { kind: "dimension"; dimensionId: string; name: string; min: number; max: number; spread: number }
  | { kind: "overall"; strongYes: string[]; strongNo: string[] };

export type RedFlagResult = {
  redFlagId: string;
  text: string;
  raisedBy: { scorecardId: string; interviewerId: string; interviewerName: string; note: string }[];
  /** whether it caps the recommendation: raised by enough interviewers (docs/decisions/058) */
  caps: boolean;
};

export type CandidateScore = {
  scorecardCount: number;
  dimensions: DimensionResult[];
  /** Σ weight of rated dimensions / 100, 0–1 */
  coverage: number;
  /** weighted mean over rated dimensions, 1–5, unrounded; null when nothing is rated */
  score: number | null;
  /** the score to two decimals as shown, half up on the exact value ("—" when nothing is rated) */
  scoreText: string;
  /** the exact score "numerator/denominator" on raw (integer) ratings; null when unrated or calibrated */
  scoreExact: string | null;
  redFlags: RedFlagResult[];
  recommendation: Recommendation;
  /** which rule decided, in words, with the numbers it compared */
  rule: { id: "coverage" | "red-flag" | "strong-hire" | "hire" | "lean-no-hire" | "no-hire"; text: string };
  split: { isSplit: boolean; causes: SplitCause[] };
  missing: { dimensionId: string; name: string; weight: number; exercises: { id: string; title: string }[] }[];
  overall: Record<OverallRecommendation, string[]>;
  thresholds: Thresholds;
};

/**
 * One dimension's submitted 1–5 ratings in sums: all the score needs of them (docs/decisions/061).
 * `whole`: every rating an integer (raw), so the score has an exact fraction.
 */
export type DimensionTally = {
  count: number;
  sum: number;
  min: number;
  max: number;
  notAssessed: number;
  whole: boolean;
  /** the ratings themselves, in scorecard order, when scored from scorecards (the summary shows them) */
  ratings?: number[];
};

/**
 * What the score of a candidate needs of their submitted scorecards, in sums
 * (docs/decisions/061-comparison-from-dimension-sums.md): per dimension the ratings' count, sum,
 * min and max; who raised each red flag; the overall recommendations. Weights are not in it, so
 * one tally is re-scored under any what-if weights.
 */
export type CandidateTally = {
  scorecardCount: number;
  /** by dimension id; a dimension without a rating or Not assessed has none */
  dimensions: Readonly<Record<string, DimensionTally>>;
  /** by red flag id, in scorecard order */
  redFlags: Readonly<Record<string, RedFlagResult["raisedBy"]>>;
  overall: Record<OverallRecommendation, string[]>;
};

export const emptyOverall = (): Record<OverallRecommendation, string[]> => ({
  "strong-no": [],
  no: [],
  yes: [],
  "strong-yes": [],
  "no-decision": [],
});

/** The tally of a candidate's scorecards: submitted ones only, ratings of the template's dimensions only. */
export function tallyScorecards(template: ScoringTemplate, allScorecards: readonly ScoringScorecard[]): CandidateTally {
  const scorecards = allScorecards.filter((s) => s.status === "submitted");
  const known = new Set(template.dimensions.map((d) => d.id));
  const dimensions: Record<string, DimensionTally & { ratings: number[] }> = {};
  const redFlags: Record<string, RedFlagResult["raisedBy"]> = {};
  const overall = emptyOverall();
  for (const sc of scorecards) {
    for (const r of sc.ratings) {
      if (!known.has(r.dimensionId)) continue;
      const t = (dimensions[r.dimensionId] ??= {
        count: 0,
        sum: 0,
        min: Infinity,
        max: -Infinity,
        notAssessed: 0,
        whole: true,
        ratings: [],
      });
      if (r.rating === null) {
        t.notAssessed += 1;
        continue;
      }
      t.ratings.push(r.rating);
      t.count += 1;
      t.sum += r.rating;
      t.min = Math.min(t.min, r.rating);
      t.max = Math.max(t.max, r.rating);
      t.whole &&= Number.isInteger(r.rating);
    }
    for (const f of sc.redFlags)
      (redFlags[f.redFlagId] ??= []).push({
        scorecardId: sc.id,
        interviewerId: sc.interviewerId,
        interviewerName: sc.interviewerName,
        note: f.note,
      });
    if (sc.recommendation) overall[sc.recommendation].push(sc.interviewerName);
  }
  return { scorecardCount: scorecards.length, dimensions, redFlags, overall };
}

export function scoreCandidate(template: ScoringTemplate, allScorecards: readonly ScoringScorecard[]): CandidateScore {
  return scoreTally(template, tallyScorecards(template, allScorecards));
}

/**
 * The score from a tally: the recommendation rules (docs/product.md "Recommendation rules") on the
 * sums, exactly as on the scorecards they sum. The comparison re-scores tallies as weights move.
 */
export function scoreTally(template: ScoringTemplate, tally: CandidateTally): CandidateScore {
  const t = template.thresholds;
  const tallyOf = (id: string) => {
    const d = tally.dimensions[id];
    return d && (d.count > 0 || d.notAssessed > 0) ? d : undefined;
  };
  const rated = (id: string) => (tallyOf(id)?.count ?? 0) > 0;

  const ratedWeight = template.dimensions.filter((d) => rated(d.id)).reduce((sum, d) => sum + d.weight, 0);
  const dimensions: DimensionResult[] = template.dimensions.map((d) => {
    const x = tallyOf(d.id);
    const count = x?.count ?? 0;
    const mean = count ? x!.sum / count : null;
    return {
      id: d.id,
      name: d.name,
      weight: d.weight,
      weightOrigin: d.weightOrigin,
      ratings: x?.ratings ?? [],
      count,
      notAssessedCount: x?.notAssessed ?? 0,
      mean,
      spread: count ? x!.max - x!.min : null,
      contribution: mean === null ? null : (d.weight * mean) / ratedWeight,
    };
  });

  const coverage = ratedWeight / 100;
  const score =
    ratedWeight > 0
      ? dimensions.reduce((sum, d) => sum + (d.mean === null ? 0 : d.weight * d.mean), 0) / ratedWeight
      : null;
  const exact = exactScore(
    template.dimensions.flatMap((d) => {
      const x = tallyOf(d.id);
      return x && x.count ? [{ weight: d.weight, count: x.count, sum: x.sum, whole: x.whole }] : [];
    }),
  );
  const scoreText = exact ? roundHalfUp(exact.score) : formatScore(score);

  const redFlags: RedFlagResult[] = template.redFlags
    .map((f) => {
      const raisedBy = tally.redFlags[f.id] ?? [];
      return { redFlagId: f.id, text: f.text, raisedBy, caps: flagCaps({ raisedBy }, t.redFlagMinInterviewers) };
    })
    .filter((f) => f.raisedBy.length > 0);

  const overall = tally.overall;

  const causes: SplitCause[] = dimensions
    .filter((d) => d.spread !== null && d.spread >= t.splitSpreadMin)
    .map((d) => ({
      kind: "dimension" as const,
      dimensionId: d.id,
      name: d.name,
      min: tallyOf(d.id)!.min,
      max: tallyOf(d.id)!.max,
      spread: d.spread!,
    }));
  if (overall["strong-yes"].length && overall["strong-no"].length)
    causes.push({ kind: "overall", strongYes: overall["strong-yes"], strongNo: overall["strong-no"] });

  const missing = dimensions
    .filter((d) => d.count === 0)
    .map((d) => ({
      dimensionId: d.id,
      name: d.name,
      weight: d.weight,
      exercises: template.exercises
        .filter((e) => e.dimensionIds.includes(d.id))
        .map((e) => ({ id: e.id, title: e.title })),
    }));

  const { recommendation, rule } = decide({
    coverage,
    score,
    redFlags,
    thresholds: t,
    missing: missing.map((m) => m.name),
    exact,
  });
  return {
    scorecardCount: tally.scorecardCount,
    dimensions,
    coverage,
    score,
    scoreText,
    scoreExact: exact ? fractionText(exact.score) : null,
    redFlags,
    recommendation,
    rule,
    split: { isSplit: causes.length > 0, causes },
    missing,
    overall,
    thresholds: t,
  };
}

/**
 * The ranking's order (docs/decisions/004): higher score first, compared
 * exactly when both have exact scores; equal scores by coverage, higher first. Anything still
 * equal compares 0, so a stable sort keeps the order the candidates came in: when they were added.
 */
export function compareForRanking(
  a: Pick<CandidateScore, "score" | "scoreExact" | "coverage">,
  b: Pick<CandidateScore, "score" | "scoreExact" | "coverage">,
): number {
  const x = a.score ?? -Infinity;
  const y = b.score ?? -Infinity;
  // floats this far apart cannot hide an exact tie or the opposite order; closer than that, the
  // exact fractions decide (calibrated scores have none: within the tolerance they are equal)
  let byScore = Math.abs(x - y) > 1e-9 ? y - x : 0;
  if (!byScore && a.scoreExact && b.scoreExact)
    byScore = compareFractions(parseFraction(b.scoreExact), parseFraction(a.scoreExact));
  if (byScore) return byScore;
  return Math.abs(a.coverage - b.coverage) > 1e-9 ? b.coverage - a.coverage : 0;
}

/** Higher is better; Insufficient evidence is not on this scale (null). */
export function recommendationRank(r: Recommendation): number | null {
  return r === "insufficient-evidence" ? null : RECOMMENDATIONS.indexOf(r);
}
