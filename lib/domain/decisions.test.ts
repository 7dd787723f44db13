import { describe, expect, it } from "vitest";
import { awaitsDecision, isOverride, stageForDecision } from "./decisions";
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

describe("stageForDecision", () => {
  it("moves hire to offer and no hire to rejected, and leaves hold where it is", () => {
    expect(stageForDecision("hire", "debrief", null)).toEqual({ stageBefore: "debrief", stage: "offer" });
    expect(stageForDecision("no-hire", "debrief", null)).toEqual({ stageBefore: "debrief", stage: "rejected" });
    expect(stageForDecision("hold", "debrief", null)).toEqual({ stageBefore: "debrief", stage: "debrief" });
  });
  it("a revision undoes the decision it revises: Hire revised to Hold goes back to the stage before the Hire", () => {
    const hire = { stageBefore: "debrief", stageAfter: "offer" };
    expect(stageForDecision("hold", "offer", hire)).toEqual({ stageBefore: "debrief", stage: "debrief" });
    expect(stageForDecision("no-hire", "offer", hire)).toEqual({ stageBefore: "debrief", stage: "rejected" });
    const hold = { stageBefore: "debrief", stageAfter: "debrief" };
    expect(stageForDecision("hire", "debrief", hold)).toEqual({ stageBefore: "debrief", stage: "offer" });
  });
  it("a stage moved by hand since the decision is the one a revision keeps or restores", () => {
    const hire = { stageBefore: "debrief", stageAfter: "offer" };
    expect(stageForDecision("hold", "withdrawn", hire)).toEqual({ stageBefore: "withdrawn", stage: "withdrawn" });
    // decisions recorded before decisions moved the stage stored none
    expect(stageForDecision("hold", "offer", { stageBefore: null, stageAfter: null })).toEqual({
      stageBefore: "offer",
      stage: "offer",
    });
  });
  it("never moves a hired candidate back to offer", () => {
    expect(stageForDecision("hire", "hired", null)).toEqual({ stageBefore: "hired", stage: "hired" });
  });
});

describe("awaitsDecision", () => {
  const debrief = (planned: number, submitted: number) => ({ stage: "debrief", loop: { planned, submitted } });
  it("only with a complete loop, no decision, and a stage before the decision", () => {
    expect(awaitsDecision(debrief(3, 3), false)).toBe(true);
    expect(awaitsDecision(debrief(3, 3), true)).toBe(false);
    expect(awaitsDecision(debrief(3, 2), false)).toBe(false);
    expect(awaitsDecision(debrief(0, 0), false)).toBe(false);
    for (const stage of ["offer", "hired", "rejected", "withdrawn"])
      expect(awaitsDecision({ stage, loop: { planned: 3, submitted: 3 } }, false), stage).toBe(false);
  });
});
