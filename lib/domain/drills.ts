// Calibration drills (docs/decisions/080-calibration-drills.md): interviewers rate one published
// reference answer; after submitting they see how far each of their ratings is from the consensus
// (the admin's, or the mean of the other raters'); every drill is one "candidate" all its raters
// shared, so drill ratings link raters in the leniency model (docs/decisions/039). Pure.
import type { Observation } from "./calibration";

/** Below this many other raters an emerging consensus is shown, but said to be not enough. */
export const MIN_CONSENSUS_RATERS = 3;
/** Drift (a trend over attempts) needs at least this many attempts. */
export const MIN_DRIFT_ATTEMPTS = 3;
/** The reference answer's length limit, in characters. */
export const MAX_REFERENCE_CHARS = 8000;

export const CONSENSUS_MODES = ["admin", "raters"] as const;
export type ConsensusMode = (typeof CONSENSUS_MODES)[number];
export const DRILL_STATUSES = ["draft", "published", "archived"] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

/** One rater's rating of one dimension: 1–5, or null for Not assessed. */
export type DrillRatingValue = { dimensionId: string; rating: number | null };
export type AttemptRatings = { raterId: string; ratings: readonly DrillRatingValue[] };

/** The consensus on one dimension: its value, and from how many raters (null: set by the admin). */
export type ConsensusValue = { value: number; raters: number | null; enough: boolean };

/** The admin's consensus: every set dimension is enough. */
export function adminConsensus(rows: readonly { dimensionId: string; rating: number }[]): Map<string, ConsensusValue> {
  return new Map(rows.map((r) => [r.dimensionId, { value: r.rating, raters: null, enough: true }]));
}

/**
 * The consensus emerging from the raters, for one of them: per dimension the mean of the OTHER
 * raters' 1–5 ratings (Not assessed is no rating), so one's own rating never pulls the consensus
 * towards itself. Enough from MIN_CONSENSUS_RATERS others on.
 */
export function emergingConsensus(
  attempts: readonly AttemptRatings[],
  forRaterId: string | null,
): Map<string, ConsensusValue> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const a of attempts) {
    if (a.raterId === forRaterId) continue;
    for (const r of a.ratings) {
      if (r.rating === null) continue;
      const s = sums.get(r.dimensionId) ?? { sum: 0, n: 0 };
      s.sum += r.rating;
      s.n += 1;
      sums.set(r.dimensionId, s);
    }
  }
  return new Map(
    [...sums].map(([id, s]) => [id, { value: s.sum / s.n, raters: s.n, enough: s.n >= MIN_CONSENSUS_RATERS }]),
  );
}

export type DimensionDeviation = {
  dimensionId: string;
  own: number | null;
  consensus: ConsensusValue | null;
  /** own − consensus; null when either is missing (Not assessed, or no consensus yet) */
  deviation: number | null;
};
export type AttemptDeviation = {
  dimensions: DimensionDeviation[];
  /** how many dimensions have a deviation over an enough consensus (the means below use only those) */
  n: number;
  /** mean of own − consensus: positive = more lenient than the consensus */
  meanDeviation: number | null;
  /** mean of |own − consensus|: how far off, whichever way */
  meanAbsDeviation: number | null;
};

/** Per dimension (in the given order) and overall, how far one attempt is from the consensus. */
export function attemptDeviation(
  dimensionIds: readonly string[],
  own: readonly DrillRatingValue[],
  consensus: ReadonlyMap<string, ConsensusValue>,
): AttemptDeviation {
  const ownOf = new Map(own.map((r) => [r.dimensionId, r.rating]));
  let sum = 0;
  let abs = 0;
  let n = 0;
  const dimensions = dimensionIds.map((id) => {
    const o = ownOf.get(id) ?? null;
    const c = consensus.get(id) ?? null;
    const deviation = o === null || c === null ? null : o - c.value;
    if (deviation !== null && c?.enough) {
      sum += deviation;
      abs += Math.abs(deviation);
      n += 1;
    }
    return { dimensionId: id, own: o, consensus: c, deviation };
  });
  return { dimensions, n, meanDeviation: n ? sum / n : null, meanAbsDeviation: n ? abs / n : null };
}

export type DriftPoint = { drillId: string; submittedAt: Date; meanDeviation: number | null; n: number };
export type Drift = {
  points: DriftPoint[];
  /** least-squares slope of the mean deviation per attempt (points without one left out); null below MIN_DRIFT_ATTEMPTS */
  slope: number | null;
  /** points with a mean deviation */
  n: number;
};

/** One interviewer's deviation from consensus over time: attempts by submission time, and its trend. */
export function driftSeries(points: readonly DriftPoint[]): Drift {
  const sorted = [...points].sort(
    (a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.drillId.localeCompare(b.drillId),
  );
  const ys = sorted.map((p) => p.meanDeviation).filter((y): y is number => y !== null);
  return { points: sorted, slope: ys.length >= MIN_DRIFT_ATTEMPTS ? slope(ys) : null, n: ys.length };
}

/** Least-squares slope of y against its index 0, 1, 2, … */
export function slope(ys: readonly number[]): number | null {
  const n = ys.length;
  if (n < 2) return null;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (ys[i] - my);
    sxx += (i - mx) ** 2;
  }
  return sxy / sxx;
}

/** The "candidate" a drill stands for in the leniency model: a key no real candidate id can take (cuids have no colon). */
export const drillCandidateKey = (drillId: string) => `drill:${drillId}`;

/**
 * Drill ratings as leniency observations (docs/decisions/080): each drill is a candidate every
 * one of its raters shared, flagged `drill`, weighted as any shared rating. Not assessed is no rating.
 */
export function drillObservations(
  attempts: readonly (AttemptRatings & { drillId: string })[],
): (Observation & { drill: true })[] {
  return attempts.flatMap((a) =>
    a.ratings
      .filter((r) => r.rating !== null)
      .map((r) => ({
        raterId: a.raterId,
        candidateId: drillCandidateKey(a.drillId),
        dimensionId: r.dimensionId,
        rating: r.rating as number,
        drill: true as const,
      })),
  );
}

/**
 * Per rater, how many of their shared ratings (a candidate and dimension at least one other
 * interviewer also rated) are drill ratings: the calibration page flags leniency figures that include them.
 */
export function drillSharedCounts(observations: readonly (Observation & { drill?: boolean })[]): Map<string, number> {
  const raters = new Map<string, Set<string>>();
  for (const o of observations) {
    if (!o.drill) continue;
    const key = `${o.candidateId}\u0000${o.dimensionId}`;
    const set = raters.get(key) ?? new Set<string>();
    set.add(o.raterId);
    raters.set(key, set);
  }
  const counts = new Map<string, number>();
  for (const set of raters.values()) {
    if (set.size < 2) continue;
    for (const r of set) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return counts;
}
