// The packed comparison must score exactly as the scorecards it came from
// (docs/decisions/010-page-weight-and-render-cost.md).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorecard as card, scoringTemplate } from "../../tests/support/builders";
import { packScorecards, unpackScorecards } from "./comparison-wire";
import { scoreCandidate, type ScoringScorecard } from "./scoring";
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
  note: fc.string(),
});
type Raw = {
  interviewer: number;
  recommendation: ScoringScorecard["recommendation"];
  ratings: (number | null | undefined)[];
  flags: string[];
  note: string;
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
      redFlags: s.flags.map((redFlagId) => ({ redFlagId, note: s.note })),
    },
  );

describe("packScorecards / unpackScorecards", () => {
  it("gives back the same scorecards (but positional ids), so the engine scores them the same", () => {
    fc.assert(
      fc.property(fc.array(fc.array(scorecard, { maxLength: 6 }), { maxLength: 8 }), (raw) => {
        const original = raw.map((cards) => cards.map(asScorecard));
        const ids = original.map((_, i) => `cand-${i}`);
        const back = unpackScorecards(T, JSON.parse(JSON.stringify(packScorecards(T, original))), ids);
        const withoutId = (s: ScoringScorecard) => ({ ...s, id: "" });
        expect(back.map((cards) => cards.map(withoutId))).toEqual(original.map((cards) => cards.map(withoutId)));
        back.forEach((cards, c) => cards.forEach((s, n) => expect(s.id).toBe(`cand-${c}:${n}`)));
        original.forEach((cards, c) => {
          const a = scoreCandidate(T, cards);
          const b = scoreCandidate(T, back[c]);
          expect(b.score).toBe(a.score);
          expect(b.recommendation).toBe(a.recommendation);
          expect(b.coverage).toBe(a.coverage);
        });
      }),
    );
  });

  it("lists each interviewer once and drops ratings of dimensions the template does not have", () => {
    const by = (who: string, dimensionId: string) =>
      card({ [dimensionId]: 4 }, { id: "x", interviewerId: who, interviewerName: who.toUpperCase() });
    const wire = packScorecards(T, [[by("u1", "dim-A"), by("u2", "gone")], [by("u1", "dim-D")]]);
    expect(wire.interviewers).toEqual([
      { id: "u1", name: "U1" },
      { id: "u2", name: "U2" },
    ]);
    expect(wire.cards).toEqual([
      [
        [0, 2, "4..."],
        [1, 2, "...."],
      ],
      [[0, 2, "...4"]],
    ]);
  });
});
