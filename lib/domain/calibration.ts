// Rater calibration (issue 10, docs/decisions/012): how lenient or harsh each interviewer rates
// compared with the people they share candidates with, how well a role's interviewers agree,
// and the calibrated view that removes each interviewer's leniency. Pure: observations in,
// numbers out. Only submitted 1–5 ratings are observations (Not assessed is never a rating).
import { scoreCandidate, type ScoringScorecard, type ScoringTemplate } from "./scoring";

/** Leniency is shown, and used by the calibrated view, only from this many shared ratings on. */
export const MIN_SHARED_OBSERVATIONS = 10;
/** Agreement needs at least this many candidates rated by two or more interviewers. */
export const MIN_AGREEMENT_CANDIDATES = 3;

export type Observation = { raterId: string; candidateId: string; dimensionId: string; rating: number };

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

type Cell = { raters: Map<string, number> };

/**
 * One rating per rater per candidate and dimension: an interviewer who rated the same dimension
 * of the same candidate twice (two interviews) counts once, with the mean of the two.
 */
function cellsOf(obs: readonly Observation[]): Cell[] {
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const o of obs) {
    const key = `${o.candidateId}\u0000${o.dimensionId}`;
    let raters = sums.get(key);
    if (!raters) sums.set(key, (raters = new Map()));
    const s = raters.get(o.raterId) ?? { sum: 0, n: 0 };
    s.sum += o.rating;
    s.n += 1;
    raters.set(o.raterId, s);
  }
  const cells: Cell[] = [];
  for (const raters of sums.values()) {
    if (raters.size < 2) continue; // nobody to compare with
    cells.push({ raters: new Map([...raters].map(([id, s]) => [id, s.sum / s.n])) });
  }
  return cells;
}

// Two-sided 95% critical values of Student's t for 1–30 degrees of freedom; 1.96 beyond.
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
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
export function raterEffects(cells: readonly Cell[]): Map<string, number> {
  const effect = new Map<string, number>();
  for (const c of cells) for (const id of c.raters.keys()) effect.set(id, 0);
  // connected groups (interviewers linked by shared cells), each centred on its own
  const parent = new Map([...effect.keys()].map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const c of cells) {
    const [first, ...rest] = [...c.raters.keys()];
    for (const id of rest) parent.set(find(id), find(first));
  }
  for (let iteration = 0; iteration < 1000; iteration++) {
    const sum = new Map<string, { s: number; n: number }>();
    for (const c of cells) {
      let level = 0;
      for (const [id, r] of c.raters) level += r - effect.get(id)!;
      level /= c.raters.size;
      for (const [id, r] of c.raters) {
        const acc = sum.get(id) ?? { s: 0, n: 0 };
        acc.s += r - level;
        acc.n += 1;
        sum.set(id, acc);
      }
    }
    const group = new Map<string, { s: number; n: number }>();
    const next = new Map<string, number>();
    for (const [id, acc] of sum) {
      next.set(id, acc.s / acc.n);
      const g = group.get(find(id)) ?? { s: 0, n: 0 };
      g.s += acc.s; // Σ over the rater's cells of their effect = n·effect
      g.n += acc.n;
      group.set(find(id), g);
    }
    let change = 0;
    for (const [id, b] of next) {
      const g = group.get(find(id))!;
      const centred = b - g.s / g.n;
      change = Math.max(change, Math.abs(centred - effect.get(id)!));
      effect.set(id, centred);
    }
    if (change < 1e-10) break;
  }
  return effect;
}

export function raterLeniency(obs: readonly Observation[]): Map<string, RaterLeniency> {
  const cells = cellsOf(obs);
  const diffs = new Map<string, number[]>();
  for (const c of cells) {
    let total = 0;
    for (const r of c.raters.values()) total += r;
    const others = c.raters.size - 1;
    for (const [id, r] of c.raters) {
      const list = diffs.get(id) ?? [];
      list.push(r - (total - r) / others);
      diffs.set(id, list);
    }
  }
  const effects = raterEffects(cells);
  const result = new Map<string, RaterLeniency>();
  for (const raterId of new Set(obs.map((o) => o.raterId))) {
    const d = diffs.get(raterId) ?? [];
    const n = d.length;
    const mean = n ? d.reduce((a, b) => a + b, 0) / n : null;
    let low: number | null = null;
    let high: number | null = null;
    if (mean !== null && n >= 2) {
      const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
      const half = (t95(n - 1) * sd) / Math.sqrt(n);
      low = mean - half;
      high = mean + half;
    }
    const enough = n >= MIN_SHARED_OBSERVATIONS;
    result.set(raterId, { raterId, shared: n, meanDiff: mean, low, high, offset: enough ? (effects.get(raterId) ?? 0) : null, enough });
  }
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
  const targets = cellsOf(obs.map((o) => ({ ...o, dimensionId: "" }))).map((c) => [...c.raters.values()]);
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
    return { ...card, ratings: card.ratings.map((r) => (r.rating === null ? r : { ...r, rating: clamp(r.rating - offset) })) };
  });
}

export type RecommendOn = "raw" | "calibrated";
export const RECOMMEND_ON_LABELS: Record<RecommendOn, string> = { raw: "Raw scores (as the interviewers gave them)", calibrated: "Calibrated scores (each interviewer's leniency removed)" };

/** Whose figures an interviewer's ratings were calibrated with, for the page to say so. */
export type Adjustment = { interviewerId: string; interviewerName: string; offset: number | null; shared: number };

/**
 * A candidate's raw and calibrated scores side by side, and the headline: the raw score unless
 * the role says its recommendation uses calibrated scores (RoleTemplateVersion.recommendOn).
 */
export function scoreBothWays(template: ScoringTemplate, cards: readonly ScoringScorecard[], leniency: Offsets, recommendOn: RecommendOn) {
  const raw = scoreCandidate(template, cards);
  const calibrated = scoreCandidate(template, calibrateScorecards(cards, leniency));
  const seen = new Map<string, Adjustment>();
  for (const c of cards) {
    if (c.status !== "submitted" || seen.has(c.interviewerId)) continue;
    const l = leniency.get(c.interviewerId);
    seen.set(c.interviewerId, { interviewerId: c.interviewerId, interviewerName: c.interviewerName, offset: l?.offset ?? null, shared: l?.shared ?? 0 });
  }
  return { raw, calibrated, headline: recommendOn === "calibrated" ? calibrated : raw, recommendOn, adjustments: [...seen.values()] };
}
