import { describe, expect, it } from "vitest";
import { scorecardNudges } from "@/lib/domain/nudges";
import { emptyValues, type ScorecardValues } from "@/lib/validations/scorecard";
import { backLabel, nudgeActionLabel, nudgeTargetId } from "./nudge-dialog";
import type { KitView } from "./types";

// the form's order: focus dimensions first (Craft), then the others
const kit: KitView = {
  interviewId: "i",
  kit: { dimensionIds: ["d1", "d2"], focusDimensionIds: ["d2"], redFlagIds: [] },
  dimensions: [
    { id: "d2", name: "Craft", weight: 25, weightOrigin: "source", focus: true, anchors: [], evidenceToSeek: null },
    { id: "d1", name: "Design", weight: 75, weightOrigin: "source", focus: false, anchors: [], evidenceToSeek: null },
  ],
  redFlags: [],
};

function values(patch: Partial<ScorecardValues>): ScorecardValues {
  return { ...emptyValues(kit.kit), keyTakeaways: "Fine", ...patch };
}

describe("the nudge dialog's wiring to the form", () => {
  it("lists the form's values in form order, each pointing at the field to fix, with a unique button", () => {
    // S = (75·1 + 25·5) / 100 = 2.00: a Yes contradicts it
    const v = values({
      ratings: { d1: { score: "1", evidence: "" }, d2: { score: "5", evidence: "" } },
      recommendation: "yes",
    });
    const nudges = scorecardNudges(v, kit.dimensions);
    expect(nudges.map(nudgeTargetId)).toEqual(["dim-d2-evidence", "dim-d1-evidence", "recommendation"]);
    expect(nudges.map((n) => nudgeActionLabel(n, kit))).toEqual([
      "Add evidence for Craft",
      "Add evidence for Design",
      "Review the overall recommendation",
    ]);
    expect(nudges.at(-1)?.message).toContain("weighted score of 2.00");
    expect(backLabel(nudges)).toBe("Go back and add evidence");
  });

  it("says Go back and review when there is no evidence to add, only a contradiction", () => {
    const v = values({
      ratings: { d1: { score: "4", evidence: "" }, d2: { score: "4", evidence: "" } },
      recommendation: "strong-no",
    });
    const nudges = scorecardNudges(v, kit.dimensions);
    expect(nudges.map((n) => n.kind)).toEqual(["contradiction"]);
    expect(backLabel(nudges)).toBe("Go back and review");
  });

  it("a scorecard with evidence behind its extremes and a consistent recommendation has none: Submit goes straight through", () => {
    const v = values({
      ratings: {
        d1: { score: "5", evidence: "Designed the rollout in phases with exit criteria." },
        d2: { score: "3", evidence: "" },
      },
      recommendation: "strong-yes",
    });
    expect(scorecardNudges(v, kit.dimensions)).toEqual([]);
  });
});
