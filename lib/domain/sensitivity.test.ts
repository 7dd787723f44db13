// Hand-checked sensitivity cases (docs/decisions/005-comparison-and-decisions.md). Template A 50 / B 30 / C 20.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorecard as card, scoringTemplate } from "../../tests/support/builders";
import { DEFAULT_THRESHOLDS } from "./scoring";
import {
  describeMove,
  describePair,
  parseSharedWeights,
  rankCandidates,
  sensitivity,
  setWeight,
  sharedWeightsValue,
  weightMoves,
} from "./sensitivity";

const T = scoringTemplate(
  [
    ["A", 50, "Architecture"],
    ["B", 30, "Build"],
    ["C", 20, "Communication"],
  ],
  { redFlags: [{ id: "F", text: "Flag" }] },
);
// X = (250 + 60 + 60)/100 = 3.70; Y = (150 + 150 + 80)/100 = 3.80; Z = (250 + 90 + 60)/100 = 4.00
const X = { id: "x", label: "X", scorecards: [card({ A: 5, B: 2, C: 3 })] };
const Y = { id: "y", label: "Y", scorecards: [card({ A: 3, B: 5, C: 4 })] };
const Z = { id: "z", label: "Z", scorecards: [card({ A: 5, B: 3, C: 3 })] };
const thin = { id: "t", label: "Thin", scorecards: [card({ C: 5 })] }; // coverage 0.20

describe("setWeight", () => {
  it("moves one weight and rescales the others in proportion to keep 100", () => {
    // A 50 → 60: B and C share the remaining 40 as 30:20 → 24 and 16
    const w = setWeight({ A: 50, B: 30, C: 20 }, "A", 60);
    expect(w).toEqual({ A: 60, B: 24, C: 16 });
    expect(setWeight({ A: 50, B: 30, C: 20 }, "C", -5)).toEqual({ A: 62.5, B: 37.5, C: 0 });
    expect(setWeight({ A: 100, B: 0, C: 0 }, "A", 80)).toEqual({ A: 80, B: 10, C: 10 });
    expect(setWeight({ A: 100 }, "A", 40)).toEqual({ A: 100 });
  });
  it("always sums to 100 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.double({ min: -20, max: 120, noNaN: true }),
        (raw, pick, value) => {
          const total = raw.reduce((a, b) => a + b, 0) || 1;
          const weights = Object.fromEntries(raw.map((w, i) => [`d${i}`, (w * 100) / total]));
          if (raw.every((w) => w === 0)) weights.d0 = 100;
          const next = setWeight(weights, `d${pick % raw.length}`, value);
          expect(Object.values(next).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
          expect(Object.values(next).every((w) => w >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe("ranking and sensitivity", () => {
  it("ranks by weighted score and lists insufficient evidence apart", () => {
    const { ranked, apart } = rankCandidates(T, [X, thin, Y, Z]);
    expect(ranked.map((r) => r.id)).toEqual(["z", "y", "x"]);
    expect(apart.map((r) => r.id)).toEqual(["t"]);
  });

  it("says which single ±10 moves swap each adjacent pair (hand-checked)", () => {
    const { pairs } = sensitivity(T, [X, Y, Z]);
    // Z 4.00 vs Y 3.80: A 50→40 (B 36, C 24): Z 3.80 < Y 3.96; B 30→40 (A 42.86, C 17.14): Z 3.857 < Y 3.971.
    // C 20→30 (A 43.75, B 26.25): Z 3.875 > Y 3.825 — holds.
    expect(pairs[0].swaps.map((m) => `${m.dimensionId}:${m.from}→${m.to}`)).toEqual(["A:50→40", "B:30→40"]);
    // Y 3.80 vs X 3.70: A→60 (X 3.96, Y 3.64); B→20 (X 3.943, Y 3.629); C→10 (X 3.7875, Y 3.775).
    expect(pairs[1].swaps.map((m) => `${m.dimensionId}:${m.from}→${m.to}`)).toEqual(["A:50→60", "B:30→20", "C:20→10"]);
    expect(describePair(pairs[0], 1)).toBe(
      "#1 Z and #2 Y swap if Architecture weighs 40% instead of 50%, or if Build weighs 40% instead of 30%.",
    );
  });

  it("says when an order holds under every move", () => {
    // W far ahead of X: W = 5,5,5 → 5.00
    const W = { id: "w", label: "W", scorecards: [card({ A: 5, B: 5, C: 5 })] };
    const { pairs } = sensitivity(T, [W, X]);
    expect(pairs[0].holds).toBe(true);
    expect(describePair(pairs[0], 1)).toBe("#1 W and #2 X keep their order under every ±10-point weight change.");
  });

  it("says whose recommendation band changes, and to what", () => {
    const { bands } = sensitivity(T, [X, Y, Z]);
    const z = bands.find((b) => b.candidate.id === "z")!;
    // Z is exactly 4.00 (Strong hire); A→40 gives 3.80, B→40 gives 3.857, C→30 gives 3.875: Hire
    expect(z.holds).toBe(false);
    expect(z.changes.map((c) => `${c.dimensionId}→${c.to}:${c.toRecommendation}`)).toEqual([
      "A→40:hire",
      "B→40:hire",
      "C→30:hire",
    ]);
    expect(bands.find((b) => b.candidate.id === "y")!.holds).toBe(true);
  });

  it("for the top N only, gives the same answers for the leaders and nothing for the rest", () => {
    const all = sensitivity(T, [X, Y, Z]);
    const top2 = sensitivity(T, [X, Y, Z], undefined, { top: 2, ranked: all.ranked });
    expect(top2.ranked).toBe(all.ranked);
    expect(top2.pairs).toEqual(all.pairs.slice(0, 1));
    expect(top2.bands).toEqual(all.bands.slice(0, 2));
  });

  it("a move can also push coverage under the threshold", () => {
    // rated A (50) + C (20) = 70%; A 50→40 leaves A 40 + C 24 = 64% (still enough); C→10 keeps A 56.25 + C 10.
    // With only A rated (50%) the candidate is already insufficient and so not ranked.
    const onlyAC = { id: "ac", label: "AC", scorecards: [card({ A: 4, C: 4 })] };
    const { bands } = sensitivity({ ...T, thresholds: { ...DEFAULT_THRESHOLDS, minCoverage: 0.65 } }, [onlyAC]);
    expect(bands[0].changes.find((c) => c.dimensionId === "A" && c.to === 40)?.toRecommendation).toBe(
      "insufficient-evidence",
    );
  });

  it("moves are ±10 points clamped to 0–100, and a single-dimension role has none", () => {
    expect(
      weightMoves(
        scoringTemplate([
          ["A", 5],
          ["B", 95],
        ]),
      ).map((m) => `${m.dimensionId}:${m.to}`),
    ).toEqual(["A:0", "A:15", "B:85", "B:100"]);
    expect(weightMoves(scoringTemplate([["A", 100]]))).toEqual([]);
  });
});

describe("what-if weights in a link", () => {
  it("writes one value per dimension in the template's order, two decimals at most", () => {
    expect(sharedWeightsValue(T, { A: 50, B: 30, C: 20 })).toBe("50,30,20");
    expect(sharedWeightsValue(T, { C: 100 / 3, A: 100 / 3, B: 100 / 3 })).toBe("33.33,33.33,33.33");
  });
  it("reads its own output back, rescaled to total exactly 100", () => {
    const back = parseSharedWeights(T, sharedWeightsValue(T, { A: 100 / 3, B: 100 / 3, C: 100 / 3 }));
    expect(back.weights).not.toBeNull();
    const w = back.weights!;
    expect(w.A + w.B + w.C).toBeCloseTo(100, 9);
    expect(w.A).toBeCloseTo(100 / 3, 9);
    expect(parseSharedWeights(T, "99.9,0.1,0").weights).toEqual({ A: 99.9, B: 0.1, C: 0 });
    // a hand-made link: proportions are what count
    expect(parseSharedWeights(T, "1,1,2").weights).toEqual({ A: 25, B: 25, C: 50 });
  });
  it("no parameter is no what-if, and not an error", () => {
    expect(parseSharedWeights(T, undefined)).toEqual({ weights: null, ignored: false });
    expect(parseSharedWeights(T, "")).toEqual({ weights: null, ignored: false });
  });
  it("ignores the whole link for anything hostile or out of range, never half applied", () => {
    for (const raw of [
      "50,30",
      "50,30,20,0",
      "101,0,0",
      "-5,55,50",
      "1e2,0,0",
      "NaN,50,50",
      "Infinity,0,0",
      "0x10,50,50",
      " 50,30,20",
      "50,30,20;drop",
      "0,0,0",
      "50,,20",
      "1".repeat(500),
      ["50,30,20", "20,30,50"],
      { A: 50 },
    ]) {
      expect(parseSharedWeights(T, raw)).toEqual({ weights: null, ignored: true });
    }
  });
});

describe("describeMove", () => {
  it("writes weights with the one weight format: 99.9 stays 99.9", () => {
    expect(describeMove({ dimensionId: "A", dimension: "Architecture", from: 89.9, to: 99.9 })).toBe(
      "Architecture weighs 99.9% instead of 89.9%",
    );
  });
});
