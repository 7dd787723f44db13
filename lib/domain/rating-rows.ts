// Stored rating rows as the scoring engine counts them. A row is written for every dimension an
// interviewer touched (a number, Not assessed, or evidence alone), so not every row is a rating.

type StoredRating = { rating: number | null; notAssessed: boolean };

/**
 * A rating row with neither a number nor Not assessed is "not rated yet" and does not count
 * (docs/product.md "Rating scales"): Not assessed is never a low score, and no answer is not one.
 */
export const countsAsRating = (r: StoredRating): boolean => r.notAssessed || r.rating !== null;

/** What the engine reads of a counted row: 1–5, or null for Not assessed. */
export const engineRating = (r: StoredRating): number | null => (r.notAssessed ? null : r.rating);

/** The rows that count, as the engine takes them (lib/domain/scoring.ts ScoringScorecard ratings). */
export function engineRatings(
  rows: readonly (StoredRating & { dimensionId: string })[],
): { dimensionId: string; rating: number | null }[] {
  return rows.filter(countsAsRating).map((r) => ({ dimensionId: r.dimensionId, rating: engineRating(r) }));
}
