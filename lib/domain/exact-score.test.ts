// Scores shown to the last digit: half up on the exact value, never on binary floating point
// (docs/decisions/004), and ties in the ranking ordered by coverage,
// then by when the candidate was added.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalFraction, roundHalfUp } from "./exact";
import { indexedRatings, indexedTemplate, scorecard } from "../../tests/support/builders";
import { compareForRanking, scoreCandidate } from "./scoring";
import { formatScore } from "./score-format";
import { rankCandidates } from "./sensitivity";

/** A scorecard `id` rating d0, d1… by position (undefined: not rated). */
const card = (id: string, ratings: (number | undefined)[]) => scorecard(indexedRatings(ratings), { id });

describe("the score shown: half up on the exact value", () => {
  it("4.225 shows 4.23 (toFixed on the float gives 4.22)", () => {
    // (22.5·5 + 77.5·4) / 100 = 422.5 / 100 = 4.225 exactly; as a double it is 4.22499…
    const r = scoreCandidate(indexedTemplate([22.5, 77.5]), [card("a", [5, 4])]);
    expect(r.score!.toFixed(2)).toBe("4.22");
    expect(r.scoreText).toBe("4.23");
    expect(r.scoreExact).toBe("169/40");
    expect(r.rule.text).toBe("Score 4.23 is at least 4.00.");
  });

  it("4.235, 2.675 and other x.xx5 values round up; just below rounds down", () => {
    expect(scoreCandidate(indexedTemplate([76.5, 23.5]), [card("a", [4, 5])]).scoreText).toBe("4.24");
    // (32.5·2 + 67.5·3) / 100 = 2.675; toFixed on the float gives 2.67
    const r = scoreCandidate(indexedTemplate([32.5, 67.5]), [card("a", [2, 3])]);
    expect(r.score!.toFixed(2)).toBe("2.67");
    expect(r.scoreText).toBe("2.68");
    // means over several scorecards: (3 + 4) / 2 = 3.5 on 10, 4 on 90 → (35 + 360) / 100 = 3.95
    expect(scoreCandidate(indexedTemplate([10, 90]), [card("a", [3, 4]), card("b", [4, 4])]).scoreText).toBe("3.95");
    // 1.005 and 1.015: 0.5 weights
    expect(scoreCandidate(indexedTemplate([99.5, 0.5]), [card("a", [1, 2])]).scoreText).toBe("1.01");
    expect(scoreCandidate(indexedTemplate([98.5, 1.5]), [card("a", [1, 2])]).scoreText).toBe("1.02");
    // 4.2249 stays 4.22
    expect(scoreCandidate(indexedTemplate([22.49, 77.51]), [card("a", [5, 4])]).scoreText).toBe("4.22");
  });

  it("formatScore rounds the decimal a number is written as, half up", () => {
    expect(formatScore(4.225)).toBe("4.23");
    expect(formatScore(2.675)).toBe("2.68");
    expect(formatScore(1.005)).toBe("1.01");
    expect(formatScore(4.2249)).toBe("4.22");
    expect(formatScore(3.5)).toBe("3.50");
    expect(formatScore(107 / 40)).toBe("2.68"); // a mean of 40 integer ratings
    expect(formatScore(10 / 3)).toBe("3.33");
    expect(formatScore(null)).toBe("—");
    expect(roundHalfUp(decimalFraction(1e-7))).toBe("0.00");
  });

  it("agrees with a BigInt reference on many random exact cases", () => {
    // reference: weights in hundredths, each dimension's mean as its own fraction, summed as fractions
    const reference = (weights: number[], cards: (number | undefined)[][]) => {
      let num = 0n;
      let den = 1n;
      let totalW = 0n;
      weights.forEach((w, i) => {
        const rs = cards.map((c) => c[i]).filter((x): x is number => x !== undefined);
        if (!rs.length) return;
        const W = BigInt(Math.round(w * 100));
        // num/den += W·Σr / n
        const [tn, td] = [W * BigInt(rs.reduce((a, b) => a + b, 0)), BigInt(rs.length)];
        [num, den] = [num * td + tn * den, den * td];
        totalW += W;
      });
      if (totalW === 0n) return "—";
      den *= totalW;
      // half up to hundredths: floor(x·100 + 1/2)
      const q = (num * 200n + den) / (2n * den);
      return `${q / 100n}.${String(q % 100n).padStart(2, "0")}`;
    };
    const weight = fc.integer({ min: 1, max: 4000 }).map((h) => h / 100);
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 1, maxLength: 8 }).chain((ws) =>
          fc.tuple(
            fc.constant(ws),
            fc.array(fc.array(rating, { minLength: ws.length, maxLength: ws.length }), {
              minLength: 1,
              maxLength: 6,
            }),
          ),
        ),
        ([ws, cards]) => {
          const r = scoreCandidate(
            indexedTemplate(ws),
            cards.map((c, i) => card(`c${i}`, c)),
          );
          expect(r.scoreText).toBe(reference(ws, cards));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("what-if weights with many digits take the BigInt path and stay exact", () => {
    const third = 100 / 3; // 33.333333333333336: too many digits for plain integers
    const r = scoreCandidate(indexedTemplate([third, third, third]), [card("a", [4, 5, 3])]);
    expect(r.scoreExact).toBe("4/1");
    expect(r.scoreText).toBe("4.00");
    expect(r.recommendation).toBe("strong-hire");
    // rescaled weights as floats leave them: 22.500000000000004 and 77.49999999999999, taken as written
    // (5·22500000000000004 + 4·77499999999999990) / 99999999999999994, in lowest terms
    const w = scoreCandidate(indexedTemplate([22.500000000000004, 77.49999999999999]), [card("a", [5, 4])]);
    expect(w.scoreExact).toBe("211249999999999990/49999999999999997");
    expect(w.scoreText).toBe("4.23");
  });

  it("thresholds compare the exact value", () => {
    // (25·4 + 75·3) / 100 = 3.25 exactly: Hire
    const hire = scoreCandidate(indexedTemplate([25, 75]), [card("a", [3, 3]), card("b", [5, 3])]);
    expect(hire.scoreExact).toBe("13/4");
    expect(hire.recommendation).toBe("hire");
    // a hair below 4.00 exactly stays Hire: (99.99·4 + 0.01·3) / 100 = 3.9999
    const below = scoreCandidate(indexedTemplate([99.99, 0.01]), [card("a", [4, 3])]);
    expect(below.recommendation).toBe("hire");
    expect(below.scoreText).toBe("4.00");
  });
});

describe("ties in the ranking: coverage, then when the candidate was added", () => {
  it("equal scores rank by coverage (higher first), then in the order given (added first)", () => {
    const t = indexedTemplate([30, 30, 20, 20]);
    // all three score exactly 4; coverage 0.6, 0.8, 0.8
    const inputs = [
      { id: "zoe", label: "Zoe (added first, less covered)", scorecards: [card("z", [4, 4])] },
      { id: "yan", label: "Yan (added second)", scorecards: [card("y", [4, 4, 4])] },
      { id: "abe", label: "Abe (added third)", scorecards: [card("a", [4, 4, undefined, 4])] },
    ];
    expect(rankCandidates(t, inputs).ranked.map((r) => r.id)).toEqual(["yan", "abe", "zoe"]);
    expect(rankCandidates(t, [inputs[2], inputs[1], inputs[0]]).ranked.map((r) => r.id)).toEqual(["abe", "yan", "zoe"]);
  });

  it("exact ties are ties even when the floats differ in the last bit; higher exact scores win", () => {
    const a = { score: 3.2499999999999996, scoreExact: "13/4", coverage: 1 };
    const b = { score: 3.25, scoreExact: "13/4", coverage: 1 };
    expect(compareForRanking(a, b)).toBe(0);
    expect(compareForRanking({ ...a, coverage: 0.9 }, b)).toBeGreaterThan(0);
    expect(compareForRanking({ score: 3.25, scoreExact: "325000000001/100000000000", coverage: 0.6 }, b)).toBeLessThan(
      0,
    );
  });
});
