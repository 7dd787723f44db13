// How sure is the ranking (docs/decisions/005-comparison-and-decisions.md)? Moves each dimension's
// weight by ±10 points, rescaling the others to keep 100, and re-scores every candidate with the
// same engine: which adjacent pairs swap, and whose recommendation band changes. Also the what-if
// weights' arithmetic. Pure.
import {
  compareForRanking,
  recommendationRank,
  scoreCandidate,
  type CandidateScore,
  type Recommendation,
  type ScoringScorecard,
  type ScoringTemplate,
} from "./scoring";

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

export type CandidateInput = { id: string; label: string; scorecards: ScoringScorecard[] };
export type Ranked = { id: string; label: string; score: CandidateScore };

/**
 * Ranks candidates by weighted score, highest first; equal scores by coverage, then in the order
 * given (when they were added: callers pass them so). Candidates with Insufficient evidence are
 * listed apart, not ranked as if complete.
 */
export function rankCandidates(template: ScoringTemplate, candidates: readonly CandidateInput[]) {
  const scored = candidates.map((c) => ({ id: c.id, label: c.label, score: scoreCandidate(template, c.scorecards) }));
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
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const moves = weightMoves(template, step);
  // every candidate's result under every move, computed once
  const under = moves.map((m) => {
    const t = withWeights(template, setWeight(weightsOf(template), m.dimensionId, m.to));
    return { move: m, scores: new Map(top.map((r) => [r.id, scoreCandidate(t, byId.get(r.id)!.scorecards)])) };
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

const pct = (w: number) => `${Math.round(w * 10) / 10}%`;

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
