import { describe, expect, it } from "vitest";
import { isOverride } from "./decisions";
import { RECOMMENDATIONS } from "./scoring";

describe("isOverride", () => {
  it("hire against anything below Hire, a red flag or insufficient evidence", () => {
    expect(RECOMMENDATIONS.filter((r) => isOverride("hire", r))).toEqual([
      "insufficient-evidence",
      "no-hire-red-flag",
      "no-hire",
      "lean-no-hire",
    ]);
  });
  it("no hire against Hire or Strong hire", () => {
    expect(RECOMMENDATIONS.filter((r) => isOverride("no-hire", r))).toEqual(["hire", "strong-hire"]);
  });
  it("hold is never an override", () => {
    expect(RECOMMENDATIONS.filter((r) => isOverride("hold", r))).toEqual([]);
  });
});
