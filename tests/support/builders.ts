// Shared builders for the scoring unit tests: a scoring template and scorecards as
// lib/domain/scoring reads them (docs/decisions/004-scoring.md), so each test file states only
// the weights and ratings its cases are about.
import { DEFAULT_THRESHOLDS, type ScoringScorecard, type ScoringTemplate } from "@/lib/domain/scoring";

/** A dimension as [id, weight] or [id, weight, name]; the name is the id unless given. */
export type DimensionSpec = [id: string, weight: number, name?: string];

/** A template of these dimensions (weight origin "source" unless given), default thresholds, no exercises or red flags unless given. */
export function scoringTemplate(
  dimensions: DimensionSpec[],
  over: Partial<Omit<ScoringTemplate, "dimensions">> & { weightOrigin?: string } = {},
): ScoringTemplate {
  const { weightOrigin = "source", ...rest } = over;
  return {
    dimensions: dimensions.map(([id, weight, name = id]) => ({ id, name, weight, weightOrigin })),
    exercises: [],
    redFlags: [],
    thresholds: DEFAULT_THRESHOLDS,
    ...rest,
  };
}

/** A template of dimensions d0, d1… weighing `weights`, named by `name(i)`. */
export function indexedTemplate(
  weights: number[],
  weightOrigin = "source",
  name = (i: number) => `D${i}`,
): ScoringTemplate {
  return scoringTemplate(
    weights.map((weight, i) => [`d${i}`, weight, name(i)]),
    { weightOrigin },
  );
}

/** Ratings of d0, d1… by position (as `indexedTemplate` names them); undefined leaves a dimension unrated. */
export function indexedRatings(ratings: (number | null | undefined)[]): Record<string, number | null> {
  return Object.fromEntries(ratings.flatMap((rating, i) => (rating === undefined ? [] : [[`d${i}`, rating]])));
}

let made = 0;
/**
 * A submitted "yes" scorecard rating `ratings` (dimension id → 1–5, null = Not assessed; a dimension
 * left out is not rated), with no red flags, by an interviewer of its own unless `over` says otherwise.
 */
export function scorecard(
  ratings: Record<string, number | null>,
  over: Partial<ScoringScorecard> = {},
): ScoringScorecard {
  made += 1;
  return {
    id: `sc${made}`,
    status: "submitted",
    interviewerId: `u${made}`,
    interviewerName: `Interviewer ${made}`,
    recommendation: "yes",
    ratings: Object.entries(ratings).map(([dimensionId, rating]) => ({ dimensionId, rating })),
    redFlags: [],
    ...over,
  };
}
