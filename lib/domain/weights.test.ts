import { describe, expect, it } from "vitest";
import { blueprintWeights, equalSplit, formatTemplateWeight, formatWeight, sumsTo100, weightTotal } from "./weights";

describe("equalSplit", () => {
  it("splits 8 dimensions into 12.5 each", () => {
    expect(equalSplit(8)).toEqual([12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5]);
  });
  it("puts the rounding remainder on the last dimension so the total is exactly 100", () => {
    expect(equalSplit(3)).toEqual([33.33, 33.33, 33.34]);
    expect(equalSplit(7)).toEqual([14.29, 14.29, 14.29, 14.29, 14.29, 14.29, 14.26]);
    for (let n = 1; n <= 30; n++) expect(weightTotal(equalSplit(n))).toBe(100);
  });
  it("refuses zero dimensions", () => {
    expect(() => equalSplit(0)).toThrow();
  });
});

describe("blueprintWeights", () => {
  it("keeps the source's weights and says they came from the source", () => {
    expect(blueprintWeights([20, 30, 50])).toEqual([
      { weight: 20, weightOrigin: "source" },
      { weight: 30, weightOrigin: "source" },
      { weight: 50, weightOrigin: "source" },
    ]);
  });
  it("splits equally, marked as the app's default, when the source gives no weights", () => {
    expect(blueprintWeights([null, null, null, null])).toEqual(
      Array.from({ length: 4 }, () => ({ weight: 25, weightOrigin: "equal-default" })),
    );
  });
});

describe("sumsTo100", () => {
  it("accepts totals of 100 within a hundredth and refuses others", () => {
    expect(sumsTo100([33.33, 33.33, 33.34])).toBe(true);
    expect(sumsTo100([50, 49])).toBe(false);
    expect(sumsTo100([50, 50.5])).toBe(false);
  });
});

describe("formatWeight", () => {
  it("writes whole weights without decimals, float noise included", () => {
    expect(formatWeight(20)).toBe("20");
    expect(formatWeight(0)).toBe("0");
    expect(formatWeight(100)).toBe("100");
    expect(formatWeight(19.999999999)).toBe("20");
    expect(formatWeight(-0.0000001)).toBe("0");
  });
  it("writes one decimal when the weight is not whole: 99.9 is not 100", () => {
    expect(formatWeight(99.9)).toBe("99.9");
    expect(formatWeight(33.3333333)).toBe("33.3");
    expect(formatWeight(12.5)).toBe("12.5");
    expect(formatWeight(0.1)).toBe("0.1");
  });
  it("writes two where one decimal would round to a whole number", () => {
    expect(formatWeight(99.96)).toBe("99.96");
    expect(formatWeight(0.04)).toBe("0.04");
    expect(formatWeight(0.0125)).toBe("0.01");
  });
});

describe("formatTemplateWeight", () => {
  it("shows a stored weight to its two decimals, whole ones bare", () => {
    expect(formatTemplateWeight(20)).toBe("20%");
    expect(formatTemplateWeight(16.67)).toBe("16.67%");
    expect(formatTemplateWeight(12.5)).toBe("12.50%");
  });
});
