import { describe, expect, it } from "vitest";
import { roleTemplateSchema } from "../validations/role-template";
import { describeChange, diffTemplates } from "./template-diff";

const base = roleTemplateSchema.parse({
  slug: "r",
  title: "Role",
  dimensions: [
    { name: "A", weight: 60, weightOrigin: "source", anchors: [{ label: "Meets", level: 3, text: "ok" }] },
    { name: "B", weight: 40, weightOrigin: "source" },
  ],
  exercises: [{ title: "E1", prompt: "p", dimensions: ["A"] }],
  redFlags: ["Blames others"],
});

describe("diffTemplates", () => {
  it("nothing changed, nothing listed", () => {
    expect(diffTemplates(base, base)).toEqual([]);
  });
  it("lists added/removed dimensions, weights, exercises, red flags and thresholds in words", () => {
    const next = roleTemplateSchema.parse({
      ...base,
      dimensions: [
        { ...base.dimensions[0], weight: 50, weightOrigin: "edited" },
        { name: "C", weight: 50, weightOrigin: "edited" },
      ],
      exercises: [
        { title: "E1", prompt: "p2", dimensions: ["A"] },
        { title: "E2", prompt: "", dimensions: ["C"] },
      ],
      redFlags: ["Blames others", "Ignores security"],
      thresholds: { ...base.thresholds, hireMin: 3.5 },
    });
    expect(diffTemplates(base, next).map(describeChange)).toEqual([
      "Weight of A: 60% → 50%",
      "Dimension added: C (50%)",
      "Dimension removed: B (was 40%)",
      "Exercise changed: E1",
      "Exercise added: E2",
      "Red flag added: Ignores security",
      "Threshold hireMin: 3.25 → 3.5",
    ]);
  });
});
