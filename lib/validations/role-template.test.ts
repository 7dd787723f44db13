import { describe, expect, it } from "vitest";
import { describeIssues, roleTemplateFileSchema, roleTemplateSchema } from "./role-template";

const role = (overrides: Record<string, unknown> = {}) => ({
  slug: "test-role",
  title: "Test role",
  source: null,
  dimensions: [
    {
      name: "Design",
      weight: 60,
      weightOrigin: "source",
      anchors: [{ label: "Meets", level: 3, text: "Clear" }],
      evidenceToSeek: null,
    },
    { name: "Craft", weight: 40, weightOrigin: "source", anchors: [], evidenceToSeek: "Code" },
  ],
  exercises: [
    { title: "Case", duration: "45 minutes", prompt: "Design X", evaluate: null, items: [], dimensions: ["Design"] },
  ],
  ...overrides,
});

function issues(input: unknown) {
  const parsed = roleTemplateFileSchema.safeParse(input);
  return parsed.success ? [] : describeIssues(parsed.error);
}

describe("role template file schema", () => {
  it("accepts a minimal role and fills defaults for the optional parts", () => {
    const parsed = roleTemplateSchema.parse(role());
    expect(parsed.redFlags).toEqual([]);
    expect(parsed.summary.rolePurpose).toBe("");
    expect(parsed.thresholds).toEqual({
      minCoverage: 0.6,
      strongHireMin: 4,
      hireMin: 3.25,
      leanNoHireMin: 2.5,
      splitSpreadMin: 3,
      redFlagMinInterviewers: 1,
      recommendOn: "raw",
    });
  });

  it("names the path of a bad field", () => {
    const bad = role();
    (bad.dimensions as { weight: unknown }[])[1].weight = "forty";
    expect(issues({ roles: [role({ slug: "ok-role" }), bad] })).toContainEqual(
      expect.stringMatching(/^roles\[1\]\.dimensions\[1\]\.weight: /),
    );
  });

  it("refuses weights that do not sum to 100, saying what they sum to", () => {
    const bad = role();
    (bad.dimensions as { weight: number }[])[0].weight = 50;
    expect(issues({ roles: [bad] })).toEqual(["roles[0].dimensions: weights must sum to 100 (they sum to 90)"]);
  });

  it("refuses an exercise linked to a dimension the role does not have", () => {
    const bad = role({
      exercises: [{ title: "Case", duration: null, prompt: "P", evaluate: null, items: [], dimensions: ["Nope"] }],
    });
    expect(issues({ roles: [bad] })).toEqual([
      `roles[0].exercises[0].dimensions[0]: no dimension named "Nope" in this role`,
    ]);
  });

  it("refuses duplicate dimension names, duplicate slugs, unknown fields and bad slugs", () => {
    const dup = role();
    (dup.dimensions as { name: string }[])[1].name = "Design";
    expect(issues({ roles: [dup] })).toContainEqual(`roles[0].dimensions[1].name: duplicate dimension "Design"`);
    expect(issues({ roles: [role(), role()] })).toContainEqual(`roles[1].slug: duplicate slug "test-role"`);
    expect(issues({ roles: [role({ colour: "red" })] }).join()).toMatch(/roles\[0\].*colour/);
    expect(issues({ roles: [role({ slug: "Not A Slug" })] })[0]).toMatch(/^roles\[0\]\.slug: /);
  });

  it("refuses an unknown weight origin and an empty file", () => {
    const bad = role();
    (bad.dimensions as { weightOrigin: string }[])[0].weightOrigin = "guessed";
    expect(issues({ roles: [bad] })[0]).toMatch(/^roles\[0\]\.dimensions\[0\]\.weightOrigin: /);
    expect(issues({ roles: [] })).toEqual(["roles: the file holds no roles"]);
    expect(issues([])).toHaveLength(1);
  });

  it("refuses thresholds out of order", () => {
    const bad = role({
      thresholds: { minCoverage: 0.6, strongHireMin: 3, hireMin: 3.25, leanNoHireMin: 2.5, splitSpreadMin: 3 },
    });
    expect(issues({ roles: [bad] })).toEqual([
      "roles[0].thresholds.hireMin: thresholds must satisfy strongHireMin > hireMin > leanNoHireMin",
    ]);
  });

  // docs/decisions/058-red-flag-cap-needs-n-interviewers.md
  it('reads a file without redFlagMinInterviewers as 1, keeps 2, and refuses 0, 21, 1.5 and "2" clearly', () => {
    const base = { minCoverage: 0.6, strongHireMin: 4, hireMin: 3.25, leanNoHireMin: 2.5, splitSpreadMin: 3 };
    expect(roleTemplateSchema.parse(role({ thresholds: base })).thresholds.redFlagMinInterviewers).toBe(1);
    const two = roleTemplateSchema.parse(role({ thresholds: { ...base, redFlagMinInterviewers: 2 } }));
    expect(two.thresholds.redFlagMinInterviewers).toBe(2);
    // an exported role reads back the same
    expect(roleTemplateSchema.parse(JSON.parse(JSON.stringify(two))).thresholds).toEqual(two.thresholds);
    for (const bad of [0, 21, 1.5, "2"])
      expect(issues({ roles: [role({ thresholds: { ...base, redFlagMinInterviewers: bad } })] })).toEqual([
        "roles[0].thresholds.redFlagMinInterviewers: must be a whole number of interviewers from 1 to 20",
      ]);
  });
});
