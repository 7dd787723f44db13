import { describe, expect, it } from "vitest";
import { emptyValues } from "@/lib/validations/scorecard";
import { differences, merge } from "./conflict-panel";
import type { KitView } from "./types";

const kit: KitView = {
  interviewId: "i",
  kit: { dimensionIds: ["d1", "d2"], focusDimensionIds: ["d1"], redFlagIds: ["f1"] },
  dimensions: [
    { id: "d1", name: "Design", weight: 50, weightOrigin: "source", focus: true, anchors: [], evidenceToSeek: null },
    { id: "d2", name: "Craft", weight: 50, weightOrigin: "source", focus: false, anchors: [], evidenceToSeek: null },
  ],
  redFlags: [{ id: "f1", text: "Blames others" }],
};

describe("merging two versions of a draft", () => {
  const mine = emptyValues(kit.kit);
  mine.keyTakeaways = "mine";
  mine.ratings.d1 = { score: "4", evidence: "my evidence" };
  const saved = emptyValues(kit.kit);
  saved.keyTakeaways = "saved";
  saved.ratings.d1 = { score: "4", evidence: "their evidence" };
  saved.redFlags.f1 = { observed: true, note: "seen" };

  it("lists each answer that differs", () => {
    expect(differences(kit, mine, saved).map((d) => d.path)).toEqual([
      "ratings.d1.evidence",
      "redFlags.f1",
      "keyTakeaways",
    ]);
  });
  it("takes, answer by answer, the version chosen", () => {
    const merged = merge(mine, saved, { "ratings.d1.evidence": "saved", "redFlags.f1": "saved", keyTakeaways: "mine" });
    expect(merged.ratings.d1).toEqual({ score: "4", evidence: "their evidence" });
    expect(merged.redFlags.f1).toEqual({ observed: true, note: "seen" });
    expect(merged.keyTakeaways).toBe("mine");
  });
});
