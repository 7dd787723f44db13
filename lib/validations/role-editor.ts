// The role template editor's form (docs/decisions/025-template-saves-make-versions.md): lists the
// editor shows as one-per-line text are turned into the exchange format and checked with the same
// roleTemplateSchema as imports and the server. The server parses the converted role again.
import { z } from "zod";
import { textField } from "./fields";
import { SUMMARY_FIELDS } from "../domain/vocabulary";
import { roundWeight } from "../domain/weights";
import { roleTemplateSchema, type RoleTemplate } from "./role-template";

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** One material as the editor holds it: every kind's fields as text (045-exercise-materials). */
const editorMaterialSchema = z.object({
  kind: z.enum(["text", "code", "file"]),
  title: textField(),
  body: textField(),
  language: textField(),
  fileName: textField(),
  sha256: textField(),
});
export type EditorMaterial = z.input<typeof editorMaterialSchema>;

const materialOf = (m: z.output<typeof editorMaterialSchema>) =>
  m.kind === "file"
    ? { kind: m.kind, title: m.title, fileName: m.fileName, sha256: m.sha256 }
    : m.kind === "code"
      ? { kind: m.kind, title: m.title, body: m.body, language: m.language.trim() || null }
      : { kind: m.kind, title: m.title, body: m.body };

export const editorSchema = z.object({
  slug: textField(),
  title: textField(),
  dimensions: z.array(
    z.object({
      name: textField(),
      weight: z.coerce.number<string | number>({ error: "Enter a number" }),
      weightOrigin: z.enum(["source", "equal-default", "edited"]),
      evidenceToSeek: textField(),
      anchors: z.array(z.object({ label: textField(), level: textField(), text: textField() })),
    }),
  ),
  exercises: z.array(
    z.object({
      title: textField(),
      duration: textField(),
      prompt: textField(),
      evaluate: textField(),
      itemsText: textField(),
      dimensions: z.array(textField()),
      materials: z.array(editorMaterialSchema).default([]),
    }),
  ),
  redFlagsText: textField(),
  strongSignalsText: textField(),
  weakSignalsText: textField(),
  assessAreasText: textField(),
  summary: z.record(textField(), textField()),
  thresholds: z.object({
    minCoverage: z.coerce.number<string | number>(),
    strongHireMin: z.coerce.number<string | number>(),
    hireMin: z.coerce.number<string | number>(),
    leanNoHireMin: z.coerce.number<string | number>(),
    splitSpreadMin: z.coerce.number<string | number>(),
    redFlagMinInterviewers: z.coerce.number<string | number>(),
    recommendOn: z.enum(["raw", "calibrated"]),
  }),
});
export type EditorValues = z.input<typeof editorSchema>;

export function editorToRole(v: z.output<typeof editorSchema>): unknown {
  return {
    slug: v.slug.trim(),
    title: v.title,
    dimensions: v.dimensions.map((d) => ({
      name: d.name,
      weight: d.weight,
      weightOrigin: d.weightOrigin,
      evidenceToSeek: d.evidenceToSeek.trim() || null,
      anchors: d.anchors
        .filter((a) => a.label.trim() || a.text.trim())
        .map((a) => ({ label: a.label, level: a.level ? Number(a.level) : null, text: a.text })),
    })),
    exercises: v.exercises.map((e) => ({
      title: e.title,
      duration: e.duration.trim() || null,
      prompt: e.prompt,
      evaluate: e.evaluate.trim() || null,
      items: lines(e.itemsText),
      dimensions: e.dimensions,
      materials: e.materials.map(materialOf),
    })),
    redFlags: lines(v.redFlagsText),
    strongSignals: lines(v.strongSignalsText),
    weakSignals: lines(v.weakSignalsText),
    assessAreas: lines(v.assessAreasText).map((l) => {
      const at = l.indexOf(":");
      return at > 0 ? { name: l.slice(0, at).trim(), detail: l.slice(at + 1).trim() } : { name: l, detail: "" };
    }),
    summary: Object.fromEntries(SUMMARY_FIELDS.map((f) => [f.key, v.summary[f.key] ?? ""])),
    thresholds: v.thresholds,
  };
}

/** The form's schema: its values, converted, must be a valid role template. */
export const editorRoleSchema = editorSchema.transform(editorToRole).pipe(roleTemplateSchema);

export function roleToEditor(r: RoleTemplate): EditorValues {
  return {
    slug: r.slug,
    title: r.title,
    dimensions: r.dimensions.map((d) => ({
      name: d.name,
      weight: d.weight,
      weightOrigin: d.weightOrigin,
      evidenceToSeek: d.evidenceToSeek ?? "",
      anchors: d.anchors.map((a) => ({ label: a.label, level: a.level ? String(a.level) : "", text: a.text })),
    })),
    exercises: r.exercises.map((e) => ({
      title: e.title,
      duration: e.duration ?? "",
      prompt: e.prompt,
      evaluate: e.evaluate ?? "",
      itemsText: e.items.join("\n"),
      dimensions: e.dimensions,
      materials: e.materials.map((m) => ({
        kind: m.kind,
        title: m.title,
        body: m.kind === "file" ? "" : m.body,
        language: m.kind === "code" ? (m.language ?? "") : "",
        fileName: m.kind === "file" ? m.fileName : "",
        sha256: m.kind === "file" ? m.sha256 : "",
      })),
    })),
    redFlagsText: r.redFlags.join("\n"),
    strongSignalsText: r.strongSignals.join("\n"),
    weakSignalsText: r.weakSignals.join("\n"),
    assessAreasText: r.assessAreas.map((a) => `${a.name}: ${a.detail}`).join("\n"),
    summary: { ...r.summary },
    thresholds: { ...r.thresholds },
  };
}

/** "Spread the remainder evenly": adds (100 − total) / n to every weight, to two decimals, the rounding on the last. */
export function spreadRemainder(weights: number[]): number[] {
  if (!weights.length) return weights;
  const total = weights.reduce((a, b) => a + b, 0);
  const share = roundWeight((100 - total) / weights.length);
  const next = weights.map((w) => roundWeight(w + share));
  next[next.length - 1] = roundWeight(100 - next.slice(0, -1).reduce((a, b) => a + b, 0));
  return next;
}
