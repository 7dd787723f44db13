import { describe, expect, it } from "vitest";
import { editorRoleSchema, roleToEditor, spreadRemainder } from "./role-editor";
import { roleTemplateSchema } from "./role-template";
import { loadBlueprintRoles } from "../../seed/roles";

describe("role editor form", () => {
  it("round-trips every seeded role through the editor's form unchanged", () => {
    for (const role of loadBlueprintRoles()) {
      const parsed = roleTemplateSchema.parse(role);
      const back = editorRoleSchema.parse(roleToEditor(parsed));
      // the blueprint file name is not edited: the server keeps the current version's
      expect(back).toEqual({ ...parsed, version: undefined, source: null });
    }
  });
  it("reports weights that do not sum to 100, and blank names, at the role's paths", () => {
    const v = roleToEditor(roleTemplateSchema.parse(loadBlueprintRoles()[0]));
    v.dimensions[0].weight = 5;
    v.dimensions[1].name = "  ";
    const r = editorRoleSchema.safeParse(v);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("dimensions");
    expect(paths).toContain("dimensions.1.name");
  });
  it("keeps text, code (indentation included) and file materials through the form, and names a bad one's field", () => {
    const base = roleTemplateSchema.parse(loadBlueprintRoles()[0]);
    const materials = [
      { kind: "text" as const, title: "Brief", body: "Read this first." },
      {
        kind: "code" as const,
        title: "Query",
        body: "  rate(errors[5m])\n    / rate(requests[5m])",
        language: "promql",
      },
      { kind: "file" as const, title: "Dashboard", fileName: "dash.png", sha256: "a".repeat(64) },
    ];
    const role = { ...base, exercises: base.exercises.map((e, i) => (i === 0 ? { ...e, materials } : e)) };
    expect(editorRoleSchema.parse(roleToEditor(role)).exercises[0].materials).toEqual(materials);

    const v = roleToEditor(role);
    v.exercises[0].materials![0].body = "   ";
    v.exercises[0].materials![2].sha256 = "not-a-hash";
    const paths = editorRoleSchema.safeParse(v).error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["exercises.0.materials.0.body", "exercises.0.materials.2.sha256"]));
  });
  it("takes how many interviewers a red flag needs from the form's text, and refuses a blank, 0 or 1.5 at its field", () => {
    const v = roleToEditor(roleTemplateSchema.parse(loadBlueprintRoles()[0]));
    expect(v.thresholds.redFlagMinInterviewers).toBe(1);
    expect(
      editorRoleSchema.parse({ ...v, thresholds: { ...v.thresholds, redFlagMinInterviewers: "2" } }),
    ).toMatchObject({ thresholds: { redFlagMinInterviewers: 2 } });
    for (const bad of ["", "0", "1.5", "21"]) {
      const r = editorRoleSchema.safeParse({ ...v, thresholds: { ...v.thresholds, redFlagMinInterviewers: bad } });
      expect(r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
        "thresholds.redFlagMinInterviewers: must be a whole number of interviewers from 1 to 20",
      ]);
    }
  });
  it("spreads the remainder evenly, to two decimals, totalling exactly 100", () => {
    expect(spreadRemainder([20, 20, 20])).toEqual([33.33, 33.33, 33.34]);
    expect(spreadRemainder([50, 30, 30])).toEqual([46.67, 26.67, 26.66]);
    expect(spreadRemainder([25, 25, 25, 25])).toEqual([25, 25, 25, 25]);
  });
});
