import { describe, expect, it } from "vitest";
import { blueprintWeights, equalSplit, sumsTo100, weightTotal } from "./weights";

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
