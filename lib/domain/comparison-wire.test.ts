// The packed tallies must score exactly as the scorecards they sum
// (docs/decisions/010-page-weight-and-render-cost.md, 061-comparison-from-dimension-sums.md).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorecard as card, scoringTemplate } from "../../tests/support/builders";
import { calibrateScorecards } from "./calibration";
import { packTallies, unpackTallies } from "./comparison-wire";
import { scoreCandidate, scoreTally, tallyScorecards, type CandidateScore, type ScoringScorecard } from "./scoring";
import { OVERALL_RECOMMENDATIONS } from "./vocabulary";

const T = scoringTemplate(
  [
    ["dim-A", 40, "A"],
    ["dim-B", 30, "B"],
    ["dim-C", 20, "C"],
    ["dim-D", 10, "D"],
  ],
  {
    redFlags: [
      { id: "flag-1", text: "One" },
      { id: "flag-2", text: "Two" },
    ],
    thresholds: { ...scoringTemplate([]).thresholds, redFlagMinInterviewers: 2 },
  },
);

const scorecard = fc.record({
  interviewer: fc.integer({ min: 0, max: 4 }),
  recommendation: fc.option(fc.constantFrom(...OVERALL_RECOMMENDATIONS), { nil: null }),
  ratings: fc.array(fc.option(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { nil: undefined }), {
    minLength: 4,
    maxLength: 4,
  }),
  flags: fc.subarray(["flag-1", "flag-2"]),
});
type Raw = {
  interviewer: number;
  recommendation: ScoringScorecard["recommendation"];
  ratings: (number | null | undefined)[];
  flags: string[];
};
const asScorecard = (s: Raw, n: number) =>
  card(
    // undefined = not rated (no row), null = Not assessed
    Object.fromEntries(T.dimensions.flatMap((d, i) => (s.ratings[i] === undefined ? [] : [[d.id, s.ratings[i]]]))),
    {
      id: `real-${n}`,
      interviewerId: `user-${s.interviewer}`,
      interviewerName: `Interviewer ${s.interviewer}`,
      recommendation: s.recommendation,
      redFlags: s.flags.map((redFlagId) => ({ redFlagId, note: "a note" })),
    },
  );
/** What the comparison shows of a score: all of it but the ratings, flag notes and scorecard ids. */
const shown = (s: CandidateScore) => ({
  ...s,
  dimensions: s.dimensions.map((d) => ({ ...d, ratings: [] })),
  redFlags: s.redFlags.map((f) => ({ ...f, raisedBy: f.raisedBy.map((b) => ({ ...b, scorecardId: "", note: "" })) })),
});

describe("packTallies / unpackTallies", () => {
  it("score the same after the trip as the scorecards, raw and calibrated", () => {
    const offsets = new Map([["user-1", { offset: 0.7, shared: 20 }]]);
    fc.assert(
      fc.property(fc.array(fc.array(scorecard, { maxLength: 6 }), { maxLength: 8 }), (raw) => {
        const original = raw.map((cards) => cards.map(asScorecard));
        const ids = original.map((_, i) => `cand-${i}`);
        const tallies = original.map((cards) => ({
          raw: tallyScorecards(T, cards),
          calibrated: tallyScorecards(T, calibrateScorecards(cards, offsets)),
        }));
        const back = unpackTallies(T, JSON.parse(JSON.stringify(packTallies(T, tallies))) as never, ids);
        original.forEach((cards, c) => {
          expect(shown(scoreTally(T, back[c].raw))).toEqual(shown(scoreCandidate(T, cards)));
          expect(shown(scoreTally(T, back[c].calibrated))).toEqual(
            shown(scoreCandidate(T, calibrateScorecards(cards, offsets))),
          );
        });
      }),
    );
  });

  it("sends a calibrated tally only where it differs, and no rating or note", () => {
    const a = card({ "dim-A": 4 }, { interviewerId: "u1", interviewerName: "U1" });
    const b = card(
      { "dim-A": 4 },
      { interviewerId: "u2", interviewerName: "U2", redFlags: [{ redFlagId: "flag-1", note: "secret" }] },
    );
    const offsets = new Map([["u2", { offset: 1, shared: 20 }]]);
    const tallies = [[a], [b]].map((cards) => ({
      raw: tallyScorecards(T, cards),
      calibrated: tallyScorecards(T, calibrateScorecards(cards, offsets)),
    }));
    const wire = packTallies(T, tallies);
    expect(wire.calibrated[0]).toBeNull();
    expect(wire.calibrated[1]).not.toBeNull();
    expect(JSON.stringify(wire)).not.toContain("secret");
    expect(wire.raw[0]).toEqual([1, [[1, 4, 4, 4, 0], 0, 0, 0], [], [[2, 0]]]);
  });
});
