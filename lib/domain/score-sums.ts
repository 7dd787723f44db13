// A candidate's tally from stored sums (docs/decisions/061-comparison-from-dimension-sums.md): the
// comparison reads per dimension how many 1–5 ratings, their sum, lowest and highest (stored with
// every write: docs/decisions/060), plus who raised each red flag and the overall recommendations,
// instead of every rating. The rules then run on the tally (lib/domain/scoring.ts scoreTally), so
// a score from sums is the score from the scorecards they sum. Pure.
import { emptyOverall, type CandidateTally, type DimensionTally, type RedFlagResult } from "./scoring";
import type { OverallRecommendation } from "./vocabulary";

/** One dimension's stored sums (CandidateDimensionScore) with its Not assessed count. */
export type DimensionSums = {
  dimensionId: string;
  ratings: number;
  sum: number;
  min: number;
  max: number;
  notAssessed: number;
};

/** One submitted scorecard's author and overall recommendation, oldest submission first. */
export type SubmittedCard = { interviewerName: string; recommendation: OverallRecommendation | null };

/** One raised red flag, in submission order of its scorecard. */
export type RaisedFlagRow = { redFlagId: string } & RedFlagResult["raisedBy"][number];

export function tallyFromSums(input: {
  dimensions: readonly DimensionSums[];
  cards: readonly SubmittedCard[];
  flags: readonly RaisedFlagRow[];
}): CandidateTally {
  const dimensions: Record<string, DimensionTally> = {};
  for (const d of input.dimensions)
    if (d.ratings > 0 || d.notAssessed > 0)
      dimensions[d.dimensionId] = {
        count: d.ratings,
        sum: d.sum,
        min: d.ratings ? d.min : Infinity,
        max: d.ratings ? d.max : -Infinity,
        notAssessed: d.notAssessed,
        // stored sums are of raw ratings, whole numbers
        whole: true,
      };
  const redFlags: Record<string, RedFlagResult["raisedBy"]> = {};
  for (const { redFlagId, ...by } of input.flags) (redFlags[redFlagId] ??= []).push(by);
  const overall = emptyOverall();
  for (const c of input.cards) if (c.recommendation) overall[c.recommendation].push(c.interviewerName);
  return { scorecardCount: input.cards.length, dimensions, redFlags, overall };
}
