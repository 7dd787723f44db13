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
      "Exercise changed: E1 (prompt)",
      "Exercise added: E2",
      "Red flag added: Ignores security",
      "Threshold Hire from: 3.25 → 3.5",
    ]);
  });
  it("gives the before and after text of each changed anchor and of evidence to seek", () => {
    const [a, b] = base.dimensions;
    const next = roleTemplateSchema.parse({
      ...base,
      dimensions: [
        {
          ...a,
          anchors: [
            { label: "Meets", level: 3, text: "ok, with examples" },
            { label: "Strong", level: 5, text: "leads others" },
          ],
          evidenceToSeek: "Ask for a recent incident",
        },
        b,
      ],
    });
    expect(diffTemplates(base, next)).toEqual([
      {
        kind: "dimension-text",
        name: "A",
        details: [
          { what: 'Anchor "Meets" (rating 3)', from: "ok", to: "ok, with examples" },
          { what: 'Anchor "Strong" (rating 5)', from: null, to: "leads others" },
          { what: "Evidence to seek", from: null, to: "Ask for a recent incident" },
        ],
      },
    ]);
    const relevelled = roleTemplateSchema.parse({
      ...base,
      dimensions: [{ ...a, anchors: [{ label: "Meets", level: 4, text: "ok" }] }, b],
    });
    expect(diffTemplates(base, relevelled)[0]).toMatchObject({
      details: [{ what: 'Anchor "Meets" (rating 4)', from: "(rating 3) ok", to: "ok" }],
    });
    const removed = roleTemplateSchema.parse({ ...base, dimensions: [{ ...a, anchors: [] }, b] });
    expect(diffTemplates(base, removed)[0]).toMatchObject({
      details: [{ what: 'Anchor "Meets" (rating 3)', from: "ok", to: null }],
    });
  });
  it("names the parts of an exercise that changed, materials included", () => {
    const next = roleTemplateSchema.parse({
      ...base,
      exercises: [{ ...base.exercises[0], materials: [{ kind: "text", title: "Brief", body: "Read this" }] }],
    });
    expect(diffTemplates(base, next).map(describeChange)).toEqual(["Exercise changed: E1 (materials)"]);
  });
});
