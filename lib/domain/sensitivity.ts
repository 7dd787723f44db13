// How sure is the ranking (docs/decisions/005-comparison-and-decisions.md)? Moves each dimension's
// weight by ±10 points, rescaling the others to keep 100, and re-scores every candidate with the
// same engine: which adjacent pairs swap, and whose recommendation band changes. Also the what-if
// weights' arithmetic. Pure.
import {
  compareForRanking,
  recommendationRank,
  scoreTally,
  tallyScorecards,
  type CandidateScore,
  type CandidateTally,
  type Recommendation,
  type ScoringScorecard,
  type ScoringTemplate,
} from "./scoring";
import { formatWeight, roundWeight } from "./weights";

export const SENSITIVITY_STEP = 10;

/**
 * Sets one dimension's weight (clamped to 0–100) and rescales the others in proportion so the
 * weights still sum to 100. If the others all weigh 0, the remainder is split equally among them.
 */
export function setWeight(weights: Record<string, number>, dimensionId: string, value: number): Record<string, number> {
  const target = Math.min(100, Math.max(0, value));
  const others = Object.keys(weights).filter((id) => id !== dimensionId);
  if (others.length === 0) return { [dimensionId]: 100 };
  const othersTotal = others.reduce((s, id) => s + weights[id], 0);
  const remaining = 100 - target;
  const next: Record<string, number> = { [dimensionId]: target };
  for (const id of others)
    next[id] = othersTotal > 0 ? (weights[id] * remaining) / othersTotal : remaining / others.length;
  return next;
}

export function weightsOf(template: ScoringTemplate): Record<string, number> {
  return Object.fromEntries(template.dimensions.map((d) => [d.id, d.weight]));
}

export function withWeights(template: ScoringTemplate, weights: Record<string, number>): ScoringTemplate {
  return { ...template, dimensions: template.dimensions.map((d) => ({ ...d, weight: weights[d.id] ?? d.weight })) };
}

/**
 * What-if weights in a link (docs/decisions/054-what-if-weights-in-the-link.md): `w=20,15,…`, one
 * value per dimension in the template's order (an opening compares on one template version, so
 * the order is fixed), two decimals at most.
 */
export const SHARED_WEIGHTS_PARAM = "w";

export function sharedWeightsValue(template: ScoringTemplate, weights: Record<string, number>): string {
  return template.dimensions.map((d) => String(roundWeight(weights[d.id] ?? 0))).join(",");
}

const SHARED_VALUE = /^\d{1,3}(\.\d{1,6})?$/;

/**
 * Reads a link's weights. Anything that is not one plain number from 0 to 100 per dimension
 * (another version's list, text, negatives, exponents, a repeated parameter) makes the whole link
 * ignored, never half applied; valid values are rescaled to total exactly 100.
 */
export function parseSharedWeights(
  template: ScoringTemplate,
  raw: unknown,
): { weights: Record<string, number> } | { weights: null; ignored: boolean } {
  if (raw === undefined || raw === "") return { weights: null, ignored: false };
  const refuse = { weights: null, ignored: true } as const;
  if (typeof raw !== "string" || raw.length > 12 * template.dimensions.length) return refuse;
  const parts = raw.split(",");
  if (parts.length !== template.dimensions.length || !parts.every((p) => SHARED_VALUE.test(p))) return refuse;
  const values = parts.map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  if (values.some((v) => v > 100) || total <= 0) return refuse;
  return { weights: Object.fromEntries(template.dimensions.map((d, i) => [d.id, (values[i] * 100) / total])) };
}

/**
 * A candidate to rank: their scorecards, or their tally (the comparison's sums per dimension,
 * docs/decisions/061-comparison-from-dimension-sums.md); both score the same.
 */
export type CandidateInput = { id: string; label: string } & (
  { scorecards: ScoringScorecard[] } | { tally: CandidateTally }
);
export type Ranked = { id: string; label: string; score: CandidateScore };

/** The candidate's tally, summed from their scorecards when they came as scorecards. */
export function tallyOf(template: ScoringTemplate, c: CandidateInput): CandidateTally {
  return "tally" in c ? c.tally : tallyScorecards(template, c.scorecards);
}

/**
 * Ranks candidates by weighted score, highest first; equal scores by coverage, then in the order
 * given (when they were added: callers pass them so). Candidates with Insufficient evidence are
 * listed apart, not ranked as if complete.
 */
export function rankCandidates(template: ScoringTemplate, candidates: readonly CandidateInput[]) {
  const scored = candidates.map((c) => ({
    id: c.id,
    label: c.label,
    score: scoreTally(template, tallyOf(template, c)),
  }));
  const ranked = scored
    .filter((c) => c.score.recommendation !== "insufficient-evidence")
    .sort((a, b) => compareForRanking(a.score, b.score));
  const apart = scored.filter((c) => c.score.recommendation === "insufficient-evidence");
  return { ranked, apart };
}

export type WeightMove = { dimensionId: string; dimension: string; from: number; to: number };
export type PairSensitivity = { upper: Ranked; lower: Ranked; holds: boolean; swaps: WeightMove[] };
export type BandSensitivity = {
  candidate: Ranked;
  holds: boolean;
  changes: (WeightMove & { toRecommendation: Recommendation })[];
};

/** The ±10-point moves of each dimension's weight (moves that change nothing are left out). */
export function weightMoves(template: ScoringTemplate, step = SENSITIVITY_STEP): WeightMove[] {
  const moves: WeightMove[] = [];
  for (const d of template.dimensions) {
    for (const delta of [-step, step]) {
      const to = Math.min(100, Math.max(0, d.weight + delta));
      if (Math.abs(to - d.weight) > 1e-9 && template.dimensions.length > 1)
        moves.push({ dimensionId: d.id, dimension: d.name, from: d.weight, to });
    }
  }
  return moves;
}

export function sensitivity(
  template: ScoringTemplate,
  candidates: readonly CandidateInput[],
  step = SENSITIVITY_STEP,
  opts: { top?: number; ranked?: Ranked[] } = {},
) {
  // the ranking may be passed in when the caller has it already
  const ranked = opts.ranked ?? rankCandidates(template, candidates).ranked;
  // only the leaders' sensitivity, when asked (a long opening shows its top N first)
  const top = ranked.slice(0, opts.top ?? Infinity);
  const tallies = new Map(candidates.map((c) => [c.id, tallyOf(template, c)]));
  const moves = weightMoves(template, step);
  // every candidate's result under every move, computed once
  const under = moves.map((m) => {
    const t = withWeights(template, setWeight(weightsOf(template), m.dimensionId, m.to));
    return { move: m, scores: new Map(top.map((r) => [r.id, scoreTally(t, tallies.get(r.id)!)])) };
  });

  const pairs: PairSensitivity[] = top.slice(0, -1).map((upper, i) => {
    const lower = ranked[i + 1];
    const swaps = under
      .filter(
        ({ scores }) => (scores.get(lower.id)!.score ?? -Infinity) > (scores.get(upper.id)!.score ?? -Infinity) + 1e-9,
      )
      .map(({ move }) => move);
    return { upper, lower, holds: swaps.length === 0, swaps };
  });

  const bands: BandSensitivity[] = top.map((candidate) => {
    const changes = under
      .filter(({ scores }) => scores.get(candidate.id)!.recommendation !== candidate.score.recommendation)
      .map(({ move, scores }) => ({ ...move, toRecommendation: scores.get(candidate.id)!.recommendation }));
    return { candidate, holds: changes.length === 0, changes };
  });
  return { ranked, pairs, bands };
}

const pct = (w: number) => `${formatWeight(w)}%`;

export function describeMove(m: WeightMove): string {
  return `${m.dimension} weighs ${pct(m.to)} instead of ${pct(m.from)}`;
}

/** "#1 and #2 swap if Security & governance weighs 25% instead of 15%" (or "hold under every …"). */
export function describePair(p: PairSensitivity, position: number): string {
  const who = `#${position} ${p.upper.label} and #${position + 1} ${p.lower.label}`;
  if (p.holds) return `${who} keep their order under every ±${SENSITIVITY_STEP}-point weight change.`;
  return `${who} swap if ${p.swaps.map(describeMove).join(", or if ")}.`;
}

/** A band change is for the worse or the better, by the recommendation order. */
export function bandDirection(from: Recommendation, to: Recommendation): "up" | "down" | "other" {
  const [a, b] = [recommendationRank(from), recommendationRank(to)];
  if (a === null || b === null) return "other";
  return b > a ? "up" : "down";
}
