// Hand-computed cases of the unit-weight check (docs/decisions/074-unit-weight-check.md).
import { describe, expect, it } from "vitest";
import { scorecard as card, scoringTemplate } from "../../tests/support/builders";
import { scoreCandidate, type CandidateScore } from "./scoring";
import { rankCandidates } from "./sensitivity";
import { unitWeightCheck, unitWeightRanking } from "./unit-weight";

// 50/30/20, and Z weighing 0 (rated, never counted). Default thresholds: Strong hire 4.00, Hire 3.25, Lean no hire 2.50.
const T = scoringTemplate(
  [
    ["A", 50],
    ["B", 30],
    ["C", 20],
    ["Z", 0],
  ],
  {
    redFlags: [{ id: "F1", text: "Blames others" }],
  },
);
const score = (...cards: Parameters<typeof card>[0][]) =>
  scoreCandidate(
    T,
    cards.map((c) => card(c)),
  );
/** the comparison scores from sums: no ratings listed, only counts and means (docs/decisions/061) */
const fromSums = (s: CandidateScore): CandidateScore => ({
  ...s,
  dimensions: s.dimensions.map((d) => ({ ...d, ratings: [] })),
});

describe("unitWeightCheck", () => {
  it("nothing flips: one quiet line", () => {
    // weighted (50·4 + 30·4 + 20·3)/100 = 380/100 = 3.80 → Hire; equal (4 + 4 + 3)/3 = 11/3 = 3.666… → "3.67", Hire.
    // Z (weight 0, rated 1) is left out of both: with it the equal mean would be 12/4 = 3.00.
    const s = score({ A: 4, B: 4, C: 3, Z: 1 });
    expect(s.scoreText).toBe("3.80");
    const c = unitWeightCheck(s);
    expect(c).toMatchObject({ applies: true, counted: 3, rated: 3, scoreText: "3.67", scoreExact: "11/3" });
    expect(c).toMatchObject({ recommendation: "hire", weightedRecommendation: "hire", bandFlips: false });
    expect(c.text).toBe("Equal weights: 3.67, Hire too.");
    expect(unitWeightCheck(fromSums(s))).toEqual(c);
  });

  it("the role's weights decide: Hire weighted, Lean no hire under equal weights", () => {
    // weighted (50·5 + 30·3 + 20·1)/100 = 360/100 = 3.60 → Hire; equal (5 + 3 + 1)/3 = 9/3 = 3.00 → Lean no hire (2.50 ≤ 3.00 < 3.25)
    const c = unitWeightCheck(score({ A: 5, B: 3, C: 1 }));
    expect(c).toMatchObject({ score: 3, scoreText: "3.00", recommendation: "lean-no-hire", bandFlips: true });
    expect(c.text).toBe(
      "The role's weights decide this: with every dimension weighted equally the score is 3.00, Lean no hire, not Hire.",
    );
  });

  it("Not assessed and unrated dimensions drop out; a threshold reached exactly counts", () => {
    // A = 4; B Not assessed twice; C = 2 and 3 (mean 2.5). Weighted coverage 70% ≥ 60%;
    // weighted (50·4 + 20·2.5)/70 = 250/70 = 3.571… → Hire. Equal over A and C: (4 + 2.5)/2 = 13/4 = 3.25 → Hire, exactly at 3.25.
    const s = score({ A: 4, B: null, C: 2 }, { B: null, C: 3 });
    expect(s.recommendation).toBe("hire");
    const c = unitWeightCheck(s);
    expect(c).toMatchObject({ counted: 3, rated: 2, scoreExact: "13/4", scoreText: "3.25", recommendation: "hire" });
    expect(c.bandFlips).toBe(false);
    expect(unitWeightCheck(fromSums(s))).toEqual(c);
  });

  it("a red flag caps under any weights: never a flip", () => {
    // weighted 5.00 capped → No hire (red flag); equal (5 + 5 + 5)/3 = 5.00, capped the same
    const s = scoreCandidate(T, [card({ A: 5, B: 5, C: 5 }, { redFlags: [{ redFlagId: "F1", note: "" }] })]);
    const c = unitWeightCheck(s);
    expect(c).toMatchObject({ recommendation: "no-hire-red-flag", bandFlips: false, scoreText: "5.00" });
    expect(c.text).toBe("Equal weights: 5.00; the red flag caps the recommendation under any weights.");
  });

  it("Insufficient evidence: no check (the coverage gate is the role's weighted one)", () => {
    // only C rated: weighted coverage 20% < 60%. Equal weights would average C alone (5.00) but there is no band to compare
    const c = unitWeightCheck(score({ C: 5 }));
    expect(c).toMatchObject({ applies: false, recommendation: null, bandFlips: false, scoreText: "5.00" });
    expect(c.text).toBe("No equal-weight check: too little is rated for a recommendation.");
  });

  it("fractional (calibrated) ratings: the same means, no exact fraction", () => {
    // weighted (50·3.6 + 30·3.2 + 20·2.9)/100 = (180 + 96 + 58)/100 = 3.34 → Hire;
    // equal (3.6 + 3.2 + 2.9)/3 = 9.7/3 = 3.2333… → "3.23", Lean no hire
    const s = score({ A: 3.6, B: 3.2, C: 2.9 });
    expect(s.recommendation).toBe("hire");
    const c = unitWeightCheck(s);
    expect(c).toMatchObject({ scoreExact: null, scoreText: "3.23", recommendation: "lean-no-hire", bandFlips: true });
    expect(c.score).toBeCloseTo(3.2333333, 6);
  });
});

describe("unitWeightRanking", () => {
  // P: weighted 3.60 (above), equal 3.00. Q: weighted (50·3 + 30·4 + 20·4)/100 = 350/100 = 3.50, equal 11/3 = 3.67.
  // R: 3 everywhere, 3.00 both ways.
  const ranked = () =>
    rankCandidates(T, [
      { id: "R", label: "R", scorecards: [card({ A: 3, B: 3, C: 3 })] },
      { id: "P", label: "P", scorecards: [card({ A: 5, B: 3, C: 1 })] },
      { id: "Q", label: "Q", scorecards: [card({ A: 3, B: 4, C: 4 })] },
    ]).ranked;

  it("the equal-weight ranking, each adjacent pair's flip and the band changes", () => {
    const u = unitWeightRanking(ranked());
    // weighted P 3.60, Q 3.50, R 3.00; equal Q 3.67, then P and R tied at 3.00 (same coverage): the weighted order keeps P first
    expect(u.ranking.map((r) => [r.id, r.rank, r.weightedRank, r.check.scoreText])).toEqual([
      ["Q", 1, 2, "3.67"],
      ["P", 2, 1, "3.00"],
      ["R", 3, 3, "3.00"],
    ]);
    expect(u.pairs.map((p) => [p.upperId, p.lowerId, p.flips])).toEqual([
      ["P", "Q", true],
      ["Q", "R", false],
    ]);
    expect(u.pairs[0].text).toBe(
      "#1 P and #2 Q swap under equal weights (3.67 ahead of 3.00): the role's weights decide their order.",
    );
    expect(u.pairs[1].text).toBe("#2 Q and #3 R keep their order under equal weights.");
    // P: Hire → Lean no hire; Q Hire both ways; R Lean no hire both ways
    expect([...u.checks.values()].map((c) => c.bandFlips)).toEqual([true, false, false]);
    expect(u.flips).toBe(true);
    expect(u.text).toBe(
      "The role's weights decide part of this: under equal weights 1 adjacent pair swaps and 1 recommendation band changes.",
    );
  });

  it("nothing flips: one line", () => {
    const u = unitWeightRanking(ranked().filter((r) => r.id !== "P"));
    expect(u.flips).toBe(false);
    expect(u.text).toBe("Equal weights give the same order and the same bands.");
  });
});
