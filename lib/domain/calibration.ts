// Rater calibration (docs/decisions/012-calibration.md, 039-calibrated-view-offsets.md,
// 041-agreement-icc1.md): how lenient or harsh each interviewer rates compared with the people they
// share candidates with, how well a role's interviewers agree, and the calibrated view that removes
// each interviewer's leniency. Pure: observations in, numbers out. Only submitted 1–5 ratings are
// observations (Not assessed is never a rating).
import { scoreCandidate, type ScoringScorecard, type ScoringTemplate } from "./scoring";

/** Leniency is shown, and used by the calibrated view, only from this many shared ratings on. */
export const MIN_SHARED_OBSERVATIONS = 10;
/** Agreement needs at least this many candidates rated by two or more interviewers. */
export const MIN_AGREEMENT_CANDIDATES = 3;

/** `drill`: a calibration drill's rating, its drill standing as the candidate (docs/decisions/080-calibration-drills.md) */
export type Observation = {
  raterId: string;
  candidateId: string;
  dimensionId: string;
  rating: number;
  drill?: boolean;
};

export type RaterLeniency = {
  raterId: string;
  /** their ratings that share a candidate and dimension with at least one co-panelist */
  shared: number;
  /** mean of (their rating − the co-panelists' mean on the same candidate and dimension) */
  meanDiff: number | null;
  /** 95% band of meanDiff (Student's t); null below two shared ratings */
  low: number | null;
  high: number | null;
  /** the rater effect the calibrated view subtracts (additive model, see `raterEffects`); null unless enough */
  offset: number | null;
  enough: boolean;
};

/**
 * The cells (candidate × dimension) that two or more interviewers rated, packed for speed (an
 * organisation can hold half a million ratings): cell c's entries are start[c] … start[c+1] − 1,
 * each a rater index and that rater's rating. An interviewer who rated the same dimension of the
 * same candidate twice (two interviews) counts once, with the mean of the two.
 */
type Packed = { raters: string[]; cells: number; start: Int32Array; rater: Int32Array; rating: Float64Array };

function pack(obs: readonly Observation[]): Packed {
  const raterIndex = new Map<string, number>();
  const raters: string[] = [];
  const cellIndex = new Map<string, number>();
  const obsCell = new Int32Array(obs.length);
  const obsRater = new Int32Array(obs.length);
  for (let i = 0; i < obs.length; i++) {
    const o = obs[i];
    let r = raterIndex.get(o.raterId);
    if (r === undefined) raterIndex.set(o.raterId, (r = raters.push(o.raterId) - 1));
    const key = `${o.candidateId}\u0000${o.dimensionId}`;
    let c = cellIndex.get(key);
    if (c === undefined) cellIndex.set(key, (c = cellIndex.size));
    obsCell[i] = c;
    obsRater[i] = r;
  }
  // group the observations by cell (counting sort)
  const all = cellIndex.size;
  const first = new Int32Array(all + 1);
  for (let i = 0; i < obs.length; i++) first[obsCell[i] + 1]++;
  for (let c = 0; c < all; c++) first[c + 1] += first[c];
  const fill = first.slice(0, all);
  const order = new Int32Array(obs.length);
  for (let i = 0; i < obs.length; i++) order[fill[obsCell[i]]++] = i;
  // one entry per rater per cell; cells with a single rater are left out
  const start = new Int32Array(all + 1);
  const rater = new Int32Array(obs.length);
  const rating = new Float64Array(obs.length);
  const times = new Float64Array(obs.length);
  let cells = 0;
  let at = 0;
  for (let c = 0; c < all; c++) {
    const from = at;
    for (let k = first[c]; k < first[c + 1]; k++) {
      const i = order[k];
      let e = from;
      while (e < at && rater[e] !== obsRater[i]) e++;
      if (e === at) {
        rater[at] = obsRater[i];
        rating[at] = 0;
        times[at] = 0;
        at++;
      }
      rating[e] += obs[i].rating;
      times[e] += 1;
    }
    if (at - from < 2) {
      at = from;
      continue;
    }
    for (let e = from; e < at; e++) rating[e] /= times[e];
    start[cells] = from;
    start[++cells] = at;
  }
  return { raters, cells, start, rater, rating };
}

// Two-sided 95% critical values of Student's t for 1–30 degrees of freedom; 1.96 beyond.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const t95 = (df: number) => (df < 1 ? Number.NaN : df <= 30 ? T95[df - 1] : 1.96);

/**
 * Rater effects b_i of the additive model rating = true level of (candidate, dimension) + b_i,
 * fitted by least squares over the cells two or more interviewers rated (alternating: each cell's
 * level given the effects, each effect given the levels, to convergence). The effects of a group
 * of interviewers who share candidates are centred so that their observation-weighted mean is 0,
 * so removing them leaves the group's average rating where it was. Unlike the raw difference
 * from co-panelists, this does not over-correct small panels: with two interviewers one point
 * apart, the raw differences are −1 and +1 (subtracting both would swap them), the effects ±0.5.
 */
function raterEffects(p: Packed): Float64Array {
  const n = p.raters.length;
  // connected groups (interviewers linked by shared cells), each centred on its own
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let c = 0; c < p.cells; c++)
    for (let e = p.start[c] + 1; e < p.start[c + 1]; e++) parent[find(p.rater[e])] = find(p.rater[p.start[c]]);
  const group = Int32Array.from({ length: n }, (_, i) => find(i));
  const effect = new Float64Array(n);
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  const groupSum = new Float64Array(n);
  const groupCount = new Float64Array(n);
  for (let iteration = 0; iteration < 2000; iteration++) {
    sum.fill(0);
    count.fill(0);
    for (let c = 0; c < p.cells; c++) {
      const from = p.start[c];
      const to = p.start[c + 1];
      let level = 0;
      for (let e = from; e < to; e++) level += p.rating[e] - effect[p.rater[e]];
      level /= to - from;
      for (let e = from; e < to; e++) {
        sum[p.rater[e]] += p.rating[e] - level;
        count[p.rater[e]] += 1;
      }
    }
    groupSum.fill(0);
    groupCount.fill(0);
    for (let i = 0; i < n; i++) {
      groupSum[group[i]] += sum[i]; // Σ over the rater's cells of their effect = count·effect
      groupCount[group[i]] += count[i];
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      if (count[i] === 0) continue;
      const centred = sum[i] / count[i] - groupSum[group[i]] / groupCount[group[i]];
      change = Math.max(change, Math.abs(centred - effect[i]));
      effect[i] = centred;
    }
    if (change < 1e-10) break;
  }
  return effect;
}

export function raterLeniency(obs: readonly Observation[]): Map<string, RaterLeniency> {
  const p = pack(obs);
  const n = p.raters.length;
  // each shared rating's difference from the co-panelists' mean: Σ, Σ², count per rater
  const sum = new Float64Array(n);
  const squares = new Float64Array(n);
  const shared = new Int32Array(n);
  for (let c = 0; c < p.cells; c++) {
    const from = p.start[c];
    const to = p.start[c + 1];
    let total = 0;
    for (let e = from; e < to; e++) total += p.rating[e];
    const others = to - from - 1;
    for (let e = from; e < to; e++) {
      const d = p.rating[e] - (total - p.rating[e]) / others;
      sum[p.rater[e]] += d;
      squares[p.rater[e]] += d * d;
      shared[p.rater[e]] += 1;
    }
  }
  const effects = raterEffects(p);
  const result = new Map<string, RaterLeniency>();
  p.raters.forEach((raterId, i) => {
    const k = shared[i];
    const mean = k ? sum[i] / k : null;
    let low: number | null = null;
    let high: number | null = null;
    if (mean !== null && k >= 2) {
      const sd = Math.sqrt(Math.max(0, squares[i] - k * mean * mean) / (k - 1));
      const half = (t95(k - 1) * sd) / Math.sqrt(k);
      low = mean - half;
      high = mean + half;
    }
    const enough = k >= MIN_SHARED_OBSERVATIONS;
    result.set(raterId, { raterId, shared: k, meanDiff: mean, low, high, offset: enough ? effects[i] : null, enough });
  });
  return result;
}

export type AgreementLabel = "poor" | "moderate" | "good" | "excellent";
export type Agreement = { icc: number | null; candidates: number; ratings: number; label: AgreementLabel | null };

/** Koo & Li (2016): below 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, above 0.9 excellent. */
export function agreementLabel(icc: number): AgreementLabel {
  return icc < 0.5 ? "poor" : icc < 0.75 ? "moderate" : icc <= 0.9 ? "good" : "excellent";
}

/**
 * ICC(1), one-way random effects, single rater (Shrout & Fleiss), over the candidates that two or
 * more interviewers rated: (MSB − MSW) / (MSB + (k₀ − 1)·MSW), with k₀ the average number of
 * ratings per candidate adjusted for unequal panels. Pass one role's observations of one
 * dimension. Null below MIN_AGREEMENT_CANDIDATES candidates, or when no rating differs at all.
 */
export function agreement(obs: readonly Observation[]): Agreement {
  const p = pack(obs.map((o) => ({ ...o, dimensionId: "" })));
  const targets = Array.from({ length: p.cells }, (_, c) => Array.from(p.rating.subarray(p.start[c], p.start[c + 1])));
  const g = targets.length;
  const N = targets.reduce((a, t) => a + t.length, 0);
  if (g < MIN_AGREEMENT_CANDIDATES) return { icc: null, candidates: g, ratings: N, label: null };
  const grand = targets.flat().reduce((a, b) => a + b, 0) / N;
  let ssb = 0;
  let ssw = 0;
  for (const t of targets) {
    const m = t.reduce((a, b) => a + b, 0) / t.length;
    ssb += t.length * (m - grand) ** 2;
    for (const x of t) ssw += (x - m) ** 2;
  }
  const msb = ssb / (g - 1);
  const msw = ssw / (N - g);
  const k0 = (N - targets.reduce((a, t) => a + t.length ** 2, 0) / N) / (g - 1);
  const denominator = msb + (k0 - 1) * msw;
  if (denominator <= 0) return { icc: null, candidates: g, ratings: N, label: null };
  const icc = (msb - msw) / denominator;
  return { icc, candidates: g, ratings: N, label: agreementLabel(icc) };
}

const clamp = (x: number) => Math.min(5, Math.max(1, x));

/**
 * The calibrated view's scorecards: each 1–5 rating minus its interviewer's offset, clamped to
 * 1–5; interviewers without enough shared ratings keep their ratings as given. Not assessed stays
 * Not assessed. Everything else (red flags, overall recommendations) is unchanged.
 */
/** What the calibrated view needs of each interviewer's leniency. */
export type Offsets = ReadonlyMap<string, Pick<RaterLeniency, "offset" | "shared">>;

export function calibrateScorecards(cards: readonly ScoringScorecard[], leniency: Offsets): ScoringScorecard[] {
  return cards.map((card) => {
    const offset = leniency.get(card.interviewerId)?.offset ?? null;
    if (offset === null || offset === 0) return card;
    return {
      ...card,
      ratings: card.ratings.map((r) => (r.rating === null ? r : { ...r, rating: clamp(r.rating - offset) })),
    };
  });
}

export type RecommendOn = "raw" | "calibrated";
export const RECOMMEND_ON_LABELS: Record<RecommendOn, string> = {
  raw: "Raw scores (as the interviewers gave them)",
  calibrated: "Calibrated scores (each interviewer's leniency removed)",
};

/** Whose figures an interviewer's ratings were calibrated with, for the page to say so. */
export type Adjustment = { interviewerId: string; interviewerName: string; offset: number | null; shared: number };

/**
 * A candidate's raw and calibrated scores side by side, and the headline: the raw score unless
 * the role says its recommendation uses calibrated scores (RoleTemplateVersion.recommendOn).
 */
export function scoreBothWays(
  template: ScoringTemplate,
  cards: readonly ScoringScorecard[],
  leniency: Offsets,
  recommendOn: RecommendOn,
) {
  const raw = scoreCandidate(template, cards);
  const calibrated = scoreCandidate(template, calibrateScorecards(cards, leniency));
  const seen = new Map<string, Adjustment>();
  for (const c of cards) {
    if (c.status !== "submitted" || seen.has(c.interviewerId)) continue;
    const l = leniency.get(c.interviewerId);
    seen.set(c.interviewerId, {
      interviewerId: c.interviewerId,
      interviewerName: c.interviewerName,
      offset: l?.offset ?? null,
      shared: l?.shared ?? 0,
    });
  }
  return {
    raw,
    calibrated,
    headline: recommendOn === "calibrated" ? calibrated : raw,
    recommendOn,
    adjustments: [...seen.values()],
  };
}
