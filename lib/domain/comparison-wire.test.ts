// The packed comparison must score exactly as the scorecards it came from (issue 9).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packScorecards, unpackScorecards } from "./comparison-wire";
import { DEFAULT_THRESHOLDS, scoreCandidate, type ScoringScorecard, type ScoringTemplate } from "./scoring";
import { OVERALL_RECOMMENDATIONS } from "./vocabulary";

const T: ScoringTemplate = {
  dimensions: ["A", "B", "C", "D"].map((id, i) => ({
    id: `dim-${id}`,
    name: id,
    weight: [40, 30, 20, 10][i],
    weightOrigin: "source",
  })),
  exercises: [],
  redFlags: [
    { id: "flag-1", text: "One" },
    { id: "flag-2", text: "Two" },
  ],
  thresholds: DEFAULT_THRESHOLDS,
};

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
const asScorecard = (s: Raw, n: number): ScoringScorecard => ({
  id: `real-${n}`,
  status: "submitted",
  interviewerId: `user-${s.interviewer}`,
  interviewerName: `Interviewer ${s.interviewer}`,
  recommendation: s.recommendation,
  // undefined = not rated (no row), null = Not assessed
  ratings: T.dimensions.flatMap((d, i) =>
    s.ratings[i] === undefined ? [] : [{ dimensionId: d.id, rating: s.ratings[i] as number | null }],
  ),
  redFlags: s.flags.map((redFlagId) => ({ redFlagId, note: s.note })),
});

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
    const card = (who: string, dimensionId: string): ScoringScorecard => ({
      id: "x",
      status: "submitted",
      interviewerId: who,
      interviewerName: who.toUpperCase(),
      recommendation: "yes",
      ratings: [{ dimensionId, rating: 4 }],
      redFlags: [],
    });
    const wire = packScorecards(T, [[card("u1", "dim-A"), card("u2", "gone")], [card("u1", "dim-D")]]);
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
