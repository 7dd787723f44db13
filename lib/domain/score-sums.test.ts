// A score from stored sums is the score from the scorecards they sum (docs/decisions/061): random
// templates, scorecards and what-if weights, against scoreCandidate on the ratings themselves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexedTemplate, scorecard } from "../../tests/support/builders";
import { calibrateScorecards } from "./calibration";
import { tallyFromSums, type DimensionSums, type RaisedFlagRow } from "./score-sums";
import {
  DEFAULT_THRESHOLDS,
  scoreCandidate,
  scoreTally,
  tallyScorecards,
  type CandidateScore,
  type ScoringScorecard,
  type ScoringTemplate,
} from "./scoring";
import { rankCandidates, withWeights } from "./sensitivity";
import { OVERALL_RECOMMENDATIONS, type OverallRecommendation } from "./vocabulary";

/** What the database keeps of the scorecards, summed here by hand, not by the engine. */
function storedSums(t: ScoringTemplate, cards: ScoringScorecard[]) {
  const submitted = cards.filter((c) => c.status === "submitted");
  const dimensions: DimensionSums[] = t.dimensions.map((d) => {
    const given = submitted.flatMap((c) => c.ratings.filter((r) => r.dimensionId === d.id));
    const ratings = given.flatMap((r) => (r.rating === null ? [] : [r.rating]));
    return {
      dimensionId: d.id,
      ratings: ratings.length,
      sum: ratings.reduce((a, b) => a + b, 0),
      min: ratings.length ? Math.min(...ratings) : 0,
      max: ratings.length ? Math.max(...ratings) : 0,
      notAssessed: given.length - ratings.length,
    };
  });
  const flags: RaisedFlagRow[] = submitted.flatMap((c) =>
    c.redFlags.map((f) => ({
      redFlagId: f.redFlagId,
      scorecardId: c.id,
      interviewerId: c.interviewerId,
      interviewerName: c.interviewerName,
      note: f.note,
    })),
  );
  const sums = tallyFromSums({ dimensions, cards: submitted, flags });
  return sums;
}

/** The score without the ratings themselves, which sums do not keep. */
const withoutRatings = (s: CandidateScore) => ({ ...s, dimensions: s.dimensions.map((d) => ({ ...d, ratings: [] })) });

const caseArb = fc
  .record({
    dims: fc.integer({ min: 1, max: 7 }),
    flags: fc.integer({ min: 0, max: 3 }),
    minInterviewers: fc.integer({ min: 1, max: 3 }),
    minCoverage: fc.constantFrom(0.3, 0.6, 0.9),
    // weights written as short decimals, as the editor and the what-if sliders give them
    weightSeed: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 7, maxLength: 7 }),
    whatIf: fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 7, maxLength: 7 }),
    interviewers: fc.integer({ min: 1, max: 4 }),
  })
  .chain((p) => {
    const weights = p.weightSeed.slice(0, p.dims).map((w) => w / 100 + 0.5);
    const t: ScoringTemplate = {
      ...indexedTemplate(weights, "edited"),
      exercises: [{ id: "e0", title: "E0", dimensionIds: weights.map((_, i) => `d${i}`) }],
      redFlags: Array.from({ length: p.flags }, (_, i) => ({ id: `f${i}`, text: `F${i}` })),
      thresholds: { ...DEFAULT_THRESHOLDS, minCoverage: p.minCoverage, redFlagMinInterviewers: p.minInterviewers },
    };
    const total = p.whatIf.slice(0, p.dims).reduce((a, b) => a + b, 0) || 1;
    const whatIf = Object.fromEntries(t.dimensions.map((d, i) => [d.id, (p.whatIf[i] * 100) / total]));
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 5 });
    const cardArb = fc.record({
      who: fc.integer({ min: 0, max: p.interviewers - 1 }),
      ratings: fc.array(fc.tuple(fc.constantFrom(...t.dimensions.map((d) => d.id)), rating), {
        maxLength: t.dimensions.length,
      }),
      flags: t.redFlags.length ? fc.subarray(t.redFlags.map((f) => f.id)) : fc.constant([] as string[]),
      recommendation: fc.constantFrom<OverallRecommendation | null>(...OVERALL_RECOMMENDATIONS, null),
      status: fc.constantFrom("submitted", "submitted", "submitted", "draft"),
    });
    const candidateArb = fc.array(cardArb, { maxLength: 6 }).map((cards) =>
      cards.map((c, i) =>
        scorecard(Object.fromEntries(new Map(c.ratings)), {
          id: `s${i}`,
          status: c.status,
          interviewerId: `u${c.who}`,
          interviewerName: `U${c.who}`,
          recommendation: c.recommendation,
          redFlags: c.flags.map((redFlagId) => ({ redFlagId, note: `note ${i}` })),
        }),
      ),
    );
    return fc.record({
      t: fc.constant(t),
      whatIf: fc.constant(whatIf),
      candidates: fc.array(candidateArb, { maxLength: 6 }),
    });
  });

describe("the score from stored sums", () => {
  it("equals scoreCandidate on the ratings, exact fraction, text and rule included, under any weights", () => {
    fc.assert(
      fc.property(caseArb, ({ t, whatIf, candidates }) => {
        for (const template of [t, withWeights(t, whatIf)])
          for (const cards of candidates)
            expect(scoreTally(template, storedSums(t, cards))).toEqual(withoutRatings(scoreCandidate(template, cards)));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("ranks as the scorecards rank: ties by coverage, then in the order given", () => {
    fc.assert(
      fc.property(caseArb, ({ t, whatIf, candidates }) => {
        const template = withWeights(t, whatIf);
        const ids = candidates.map((_, i) => ({ id: `c${i}`, label: `C${i}` }));
        const fromCards = rankCandidates(
          template,
          ids.map((c, i) => ({ ...c, scorecards: candidates[i] })),
        );
        const fromSums = rankCandidates(
          template,
          ids.map((c, i) => ({ ...c, tally: storedSums(t, candidates[i]) })),
        );
        expect(fromSums.ranked.map((r) => r.id)).toEqual(fromCards.ranked.map((r) => r.id));
        expect(fromSums.apart.map((r) => r.id)).toEqual(fromCards.apart.map((r) => r.id));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("the tally of calibrated scorecards scores as the calibrated scorecards do", () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: -1.5, max: 1.5, noNaN: true }), ({ t, whatIf, candidates }, offset) => {
        const offsets = new Map([["u0", { offset, shared: 20 }]]);
        for (const cards of candidates) {
          const calibrated = calibrateScorecards(cards, offsets);
          const template = withWeights(t, whatIf);
          expect(scoreTally(template, tallyScorecards(t, calibrated))).toEqual(scoreCandidate(template, calibrated));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
