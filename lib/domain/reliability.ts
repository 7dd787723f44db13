// "Is one more interview worth it?" (docs/decisions/075-one-more-interview.md): how reliable the
// mean of a candidate's k ratings on a dimension is, from the role's agreement on that dimension
// (ICC(1), lib/domain/calibration.ts `agreement`) and the Spearman–Brown prophecy formula, and
// what one more rating would add. Pure: agreement and counts in, numbers out.
import type { Agreement } from "./calibration";

/**
 * An ICC(1) from fewer candidates than this is not trusted: Koo & Li (2016) advise at least 30
 * heterogeneous samples for a reliability study. Below it the default stands in.
 */
export const MIN_TRUSTED_ICC_CANDIDATES = 30;

/**
 * The stand-in single-rater reliability: the meta-analytic mean inter-rater reliability of
 * separate interviews by different interviewers, .44 (Huffcutt, Culbertson & Weyhrauch 2013,
 * International Journal of Selection and Assessment 21(3), 264–276; .74 for panel interviews).
 * Separate interviews are how this app's loops run. A published default, not this team's number.
 */
export const DEFAULT_RHO = 0.44;
export const DEFAULT_RHO_SOURCE =
  "Huffcutt, Culbertson & Weyhrauch (2013): mean inter-rater reliability of separate interviews, .44";

/** A dimension is heavy when it carries at least this share of the weight, or is among the top weights covering HEAVY_COVER. */
export const HEAVY_SHARE = 0.15;
export const HEAVY_COVER = 0.5;

/** Spearman–Brown: the reliability of the mean of k raters whose single-rater reliability is rho. */
export function spearmanBrown(rho: number, k: number): number {
  if (k <= 0) return 0;
  return (k * rho) / (1 + (k - 1) * rho);
}

/** What one more rating adds: R(k+1) − R(k). */
export const gainOfOneMore = (rho: number, k: number) => spearmanBrown(rho, k + 1) - spearmanBrown(rho, k);

export type RhoSource = "measured" | "default" | "no-agreement";
/** The single-rater reliability used for a dimension, and why. */
export type Rho = {
  /** null when the measured ICC is zero or negative: nothing to extrapolate */
  rho: number | null;
  source: RhoSource;
  /** the role's measured ICC(1) and how many candidates it rests on (null when none) */
  measured: number | null;
  candidates: number;
};

/**
 * The role's measured ICC(1) when it rests on enough candidates; zero or negative: "no-agreement"
 * (Spearman–Brown does not apply); otherwise the default.
 */
export function chooseRho(agreement: Pick<Agreement, "icc" | "candidates"> | null | undefined): Rho {
  const measured = agreement?.icc ?? null;
  const candidates = agreement?.candidates ?? 0;
  if (measured !== null && candidates >= MIN_TRUSTED_ICC_CANDIDATES)
    return measured > 0
      ? { rho: measured, source: "measured", measured, candidates }
      : { rho: null, source: "no-agreement", measured, candidates };
  return { rho: DEFAULT_RHO, source: "default", measured, candidates };
}

/**
 * The heavy dimensions' ids: weight share ≥ HEAVY_SHARE, or among the fewest top weights whose
 * shares sum to ≥ HEAVY_COVER (ties at the edge all in). Weights of 0 are never heavy.
 */
export function heavyDimensions(dims: readonly { id: string; weight: number }[]): Set<string> {
  const total = dims.reduce((a, d) => a + Math.max(0, d.weight), 0);
  const heavy = new Set<string>();
  if (total <= 0) return heavy;
  const sorted = [...dims].filter((d) => d.weight > 0).sort((a, b) => b.weight - a.weight);
  let covered = 0;
  let edge = Infinity;
  for (const d of sorted) {
    const share = d.weight / total;
    if (covered < HEAVY_COVER || d.weight === edge || share >= HEAVY_SHARE) {
      heavy.add(d.id);
      covered += share;
      edge = d.weight;
    }
  }
  return heavy;
}

export type DimensionReliability = {
  dimensionId: string;
  name: string;
  weight: number;
  /** raters with a 1–5 rating on it */
  k: number;
  rho: Rho;
  /** R(k), R(k+1); null when rho is */
  now: number | null;
  withOneMore: number | null;
  gain: number | null;
  /** plain words, e.g. "One more rating would raise it from 0.55 to 0.65." */
  text: string;
};

const f2 = (x: number) => x.toFixed(2);

export function describeReliability(r: Pick<DimensionReliability, "k" | "rho" | "now" | "withOneMore">): string {
  if (r.rho.rho === null || r.now === null || r.withOneMore === null)
    return `The interviewers' agreement on this dimension is ${r.rho.measured === null ? "zero" : f2(r.rho.measured)} (no better than chance), so more ratings are not predicted to make its mean more reliable.`;
  const base =
    r.k === 0
      ? `No ratings yet; one rating would give it a reliability of ${f2(r.withOneMore)}.`
      : `${r.k} rating${r.k === 1 ? "" : "s"}: reliability ${f2(r.now)}; one more rating would raise it from ${f2(r.now)} to ${f2(r.withOneMore)}.`;
  if (r.rho.source !== "default") return base;
  const why =
    r.rho.measured === null
      ? `the role has no agreement figure yet (${r.rho.candidates} candidate${r.rho.candidates === 1 ? "" : "s"} rated by two or more interviewers)`
      : `the role's agreement (${f2(r.rho.measured)}) is based on only ${r.rho.candidates} candidate${r.rho.candidates === 1 ? "" : "s"} rated by two or more interviewers`;
  return `${base} Assumes a single-rater reliability of ${f2(DEFAULT_RHO)} (a published default, not this team's figure): ${why}, fewer than the ${MIN_TRUSTED_ICC_CANDIDATES} needed to trust it.`;
}

export function dimensionReliability(
  dim: { id: string; name: string; weight: number },
  k: number,
  agreement: Pick<Agreement, "icc" | "candidates"> | null | undefined,
): DimensionReliability {
  const rho = chooseRho(agreement);
  const now = rho.rho === null ? null : spearmanBrown(rho.rho, k);
  const withOneMore = rho.rho === null ? null : spearmanBrown(rho.rho, k + 1);
  const gain = now === null || withOneMore === null ? null : withOneMore - now;
  const r = { dimensionId: dim.id, name: dim.name, weight: dim.weight, k, rho, now, withOneMore, gain };
  return { ...r, text: describeReliability(r) };
}

/**
 * Weighted reliability: the weight-weighted mean of the heavy dimensions' R(k), over those whose
 * rho is defined (a dimension with no agreement is left out of both sums). Null when none is.
 */
export function weightedReliability(dims: readonly { weight: number; rho: number | null; k: number }[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const d of dims) {
    if (d.rho === null || d.weight <= 0) continue;
    sum += d.weight * spearmanBrown(d.rho, d.k);
    weight += d.weight;
  }
  return weight > 0 ? sum / weight : null;
}

export type ExerciseSuggestion = {
  exerciseId: string;
  title: string;
  /** the weighted reliability now and with one more interview on this exercise */
  now: number;
  after: number;
  gain: number;
  /** the heavy dimensions it covers */
  dimensionIds: string[];
  text: string;
};

/**
 * The exercise whose one more interview (one more rating on each heavy dimension it covers) most
 * raises the weighted reliability; the earliest listed wins a tie. Null when no exercise covers a
 * heavy dimension with a defined rho.
 */
export function suggestExercise(
  heavy: readonly Pick<DimensionReliability, "dimensionId" | "weight" | "k" | "rho">[],
  exercises: readonly { id: string; title: string; dimensionIds: readonly string[] }[],
): ExerciseSuggestion | null {
  const base = heavy.map((d) => ({ id: d.dimensionId, weight: d.weight, rho: d.rho.rho, k: d.k }));
  const now = weightedReliability(base);
  if (now === null) return null;
  let best: ExerciseSuggestion | null = null;
  for (const e of exercises) {
    const covers = new Set(e.dimensionIds);
    const hit = base.filter((d) => covers.has(d.id) && d.rho !== null);
    if (hit.length === 0) continue;
    const after = weightedReliability(base.map((d) => (covers.has(d.id) ? { ...d, k: d.k + 1 } : d)))!;
    const gain = after - now;
    if (best === null || gain > best.gain + 1e-12)
      best = {
        exerciseId: e.id,
        title: e.title,
        now,
        after,
        gain,
        dimensionIds: hit.map((d) => d.id),
        text: `One more interview on ${e.title} would raise the weighted reliability of the heavy dimensions from ${f2(now)} to ${f2(after)}.`,
      };
  }
  return best;
}

/**
 * Everything the summary and the loop builder show: the heavy dimensions' reliability, the
 * weighted figure and the exercise to add.
 */
export function candidateReliability(
  dims: readonly { id: string; name: string; weight: number }[],
  ratersByDimension: ReadonlyMap<string, number>,
  agreementByName: ReadonlyMap<string, Pick<Agreement, "icc" | "candidates">>,
  exercises: readonly { id: string; title: string; dimensionIds: readonly string[] }[] = [],
) {
  const heavy = heavyDimensions(dims);
  const dimensions = dims
    .filter((d) => heavy.has(d.id))
    .map((d) => dimensionReliability(d, ratersByDimension.get(d.id) ?? 0, agreementByName.get(d.name)));
  return {
    dimensions,
    weighted: weightedReliability(dimensions.map((d) => ({ weight: d.weight, rho: d.rho.rho, k: d.k }))),
    suggestion: suggestExercise(dimensions, exercises),
    minTrustedCandidates: MIN_TRUSTED_ICC_CANDIDATES,
    defaultRho: DEFAULT_RHO,
    defaultRhoSource: DEFAULT_RHO_SOURCE,
  };
}

export type CandidateReliability = ReturnType<typeof candidateReliability>;
