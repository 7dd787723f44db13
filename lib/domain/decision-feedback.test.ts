import { describe, expect, it } from "vitest";
import { agreementRate, agreementWith, formatAgreementRate, wilsonInterval } from "./decision-feedback";

describe("an interviewer's recommendation against the final decision", () => {
  it("yes and strong yes agree with Hire; no and strong no with No hire; Hold and No decision do not count", () => {
    expect(agreementWith("hire", "yes")).toBe("agreed");
    expect(agreementWith("hire", "strong-yes")).toBe("agreed");
    expect(agreementWith("hire", "no")).toBe("differed");
    expect(agreementWith("no-hire", "strong-no")).toBe("agreed");
    expect(agreementWith("no-hire", "yes")).toBe("differed");
    expect(agreementWith("hold", "yes")).toBeNull();
    expect(agreementWith("hire", "no-decision")).toBeNull();
    expect(agreementWith("hire", null)).toBeNull();
  });
});

describe("Wilson's interval", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
  // Medicine 17:857–872, Table I, method 3 (score interval without continuity correction)
  it("matches Newcombe's published examples", () => {
    const round = (x: { low: number; high: number } | null) => x && [x.low.toFixed(4), x.high.toFixed(4)];
    expect(round(wilsonInterval(81, 263))).toEqual(["0.2553", "0.3662"]);
    expect(round(wilsonInterval(15, 148))).toEqual(["0.0624", "0.1605"]);
    expect(round(wilsonInterval(0, 20))).toEqual(["0.0000", "0.1611"]);
    expect(round(wilsonInterval(1, 29))).toEqual(["0.0061", "0.1718"]);
  });

  it("by hand: 7 of 9", () => {
    // p = 7/9 = 0.7778, z² = 3.8415: centre = (0.7778 + 3.8415/18) / (1 + 3.8415/9) = 0.9912 / 1.4268 = 0.6947;
    // half = 1.96 × √(0.7778 × 0.2222 / 9 + 3.8415 / 324) / 1.4268 = 1.96 × √0.031063 / 1.4268 = 0.2421
    const ci = wilsonInterval(7, 9)!;
    expect(ci.low).toBeCloseTo(0.4526, 3);
    expect(ci.high).toBeCloseTo(0.9368, 3);
  });

  it("nothing to say about no decisions", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(agreementRate([null, null])).toEqual({ agreed: 0, n: 0, rate: null, low: null, high: null });
    expect(formatAgreementRate(agreementRate([]))).toBe("no final decisions yet");
  });

  it("tallies and words it with n and the interval", () => {
    const r = agreementRate([
      "agreed",
      "agreed",
      "differed",
      null,
      "agreed",
      "agreed",
      "agreed",
      "agreed",
      "agreed",
      "differed",
    ]);
    expect([r.agreed, r.n]).toEqual([7, 9]);
    expect(formatAgreementRate(r)).toBe("7 of 9 (78%; 45–94%)");
  });
});
