// What changed between two versions of a role template: for the version diff
// (docs/decisions/025-template-saves-make-versions.md) and the preview before moving an opening to
// a newer version (docs/decisions/026-moving-an-opening.md). Pure; compares by name / text.
import type { RoleTemplate } from "../validations/role-template";
import { THRESHOLD_LABELS } from "./vocabulary";

export type TemplateChange =
  | { kind: "title"; from: string; to: string }
  | { kind: "dimension-added"; name: string; weight: number }
  | { kind: "dimension-removed"; name: string; weight: number }
  | { kind: "weight"; name: string; from: number; to: number }
  | { kind: "dimension-text"; name: string; details: TextChange[] }
  | { kind: "exercise-added" | "exercise-removed"; title: string }
  | { kind: "exercise-changed"; title: string; parts: string[] }
  | {
      kind: "list-added" | "list-removed";
      list: "red flag" | "strong signal" | "weak signal" | "assess area";
      text: string;
    }
  | { kind: "summary"; field: string }
  | { kind: "threshold"; field: string; from: number | string; to: number | string };

/** One text's before and after (null: it was not there, or is not any more). */
export type TextChange = { what: string; from: string | null; to: string | null };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Anchor = RoleTemplate["dimensions"][number]["anchors"][number];
const anchorName = (a: Anchor) => `Anchor "${a.label}"${a.level ? ` (rating ${a.level})` : ""}`;

/**
 * A dimension's anchors and evidence to seek, before and after, matched by the anchor's label
 * (the blueprint's words for a level), so an edited anchor reads as one change, not two.
 */
function dimensionTextChanges(
  from: RoleTemplate["dimensions"][number],
  to: RoleTemplate["dimensions"][number],
): TextChange[] {
  const out: TextChange[] = [];
  const before = new Map(from.anchors.map((a) => [a.label, a]));
  const after = new Map(to.anchors.map((a) => [a.label, a]));
  for (const a of to.anchors) {
    const old = before.get(a.label);
    if (!old) out.push({ what: anchorName(a), from: null, to: a.text });
    else if (old.text !== a.text || old.level !== a.level)
      // a changed rating is said in the before text: the name already gives the new one
      out.push({
        what: anchorName(a),
        from: old.level !== a.level ? `(rating ${old.level ?? "none"}) ${old.text}` : old.text,
        to: a.text,
      });
  }
  for (const a of from.anchors) if (!after.has(a.label)) out.push({ what: anchorName(a), from: a.text, to: null });
  if (from.evidenceToSeek !== to.evidenceToSeek)
    out.push({ what: "Evidence to seek", from: from.evidenceToSeek, to: to.evidenceToSeek });
  return out;
}

const EXERCISE_PARTS = [
  ["duration", "duration"],
  ["prompt", "prompt"],
  ["evaluate", "what to evaluate"],
  ["items", "sub-items"],
  ["dimensions", "dimensions"],
  ["materials", "materials"],
] as const;

function listChanges(
  list: "red flag" | "strong signal" | "weak signal" | "assess area",
  from: string[],
  to: string[],
): TemplateChange[] {
  return [
    ...to.filter((t) => !from.includes(t)).map((text) => ({ kind: "list-added" as const, list, text })),
    ...from.filter((t) => !to.includes(t)).map((text) => ({ kind: "list-removed" as const, list, text })),
  ];
}

export function diffTemplates(from: RoleTemplate, to: RoleTemplate): TemplateChange[] {
  const changes: TemplateChange[] = [];
  if (from.title !== to.title) changes.push({ kind: "title", from: from.title, to: to.title });
  const oldDims = new Map(from.dimensions.map((d) => [d.name, d]));
  const newDims = new Map(to.dimensions.map((d) => [d.name, d]));
  for (const d of to.dimensions) {
    const old = oldDims.get(d.name);
    if (!old) changes.push({ kind: "dimension-added", name: d.name, weight: d.weight });
    else {
      if (Math.abs(old.weight - d.weight) > 1e-9)
        changes.push({ kind: "weight", name: d.name, from: old.weight, to: d.weight });
      if (!same(old.anchors, d.anchors) || old.evidenceToSeek !== d.evidenceToSeek)
        changes.push({ kind: "dimension-text", name: d.name, details: dimensionTextChanges(old, d) });
    }
  }
  for (const d of from.dimensions)
    if (!newDims.has(d.name)) changes.push({ kind: "dimension-removed", name: d.name, weight: d.weight });
  const oldEx = new Map(from.exercises.map((e) => [e.title, e]));
  const newEx = new Map(to.exercises.map((e) => [e.title, e]));
  for (const e of to.exercises) {
    const old = oldEx.get(e.title);
    if (!old) changes.push({ kind: "exercise-added", title: e.title });
    else if (!same(old, e)) {
      const parts = EXERCISE_PARTS.filter(([key]) => !same(old[key], e[key])).map(([, label]) => label);
      changes.push({ kind: "exercise-changed", title: e.title, parts });
    }
  }
  for (const e of from.exercises) if (!newEx.has(e.title)) changes.push({ kind: "exercise-removed", title: e.title });
  changes.push(
    ...listChanges("red flag", from.redFlags, to.redFlags),
    ...listChanges("strong signal", from.strongSignals, to.strongSignals),
    ...listChanges("weak signal", from.weakSignals, to.weakSignals),
    ...listChanges(
      "assess area",
      from.assessAreas.map((a) => `${a.name}: ${a.detail}`),
      to.assessAreas.map((a) => `${a.name}: ${a.detail}`),
    ),
  );
  for (const key of Object.keys(to.summary) as (keyof RoleTemplate["summary"])[])
    if (from.summary[key] !== to.summary[key]) changes.push({ kind: "summary", field: key });
  for (const key of Object.keys(to.thresholds) as (keyof RoleTemplate["thresholds"])[]) {
    if (from.thresholds[key] !== to.thresholds[key])
      changes.push({ kind: "threshold", field: key, from: from.thresholds[key], to: to.thresholds[key] });
  }
  return changes;
}

export function describeChange(c: TemplateChange): string {
  switch (c.kind) {
    case "title":
      return `Title: "${c.from}" → "${c.to}"`;
    case "dimension-added":
      return `Dimension added: ${c.name} (${c.weight}%)`;
    case "dimension-removed":
      return `Dimension removed: ${c.name} (was ${c.weight}%)`;
    case "weight":
      return `Weight of ${c.name}: ${c.from}% → ${c.to}%`;
    case "dimension-text":
      return `Anchors or evidence to seek changed: ${c.name}`;
    case "exercise-added":
      return `Exercise added: ${c.title}`;
    case "exercise-removed":
      return `Exercise removed: ${c.title}`;
    case "exercise-changed":
      return `Exercise changed: ${c.title}${c.parts.length ? ` (${c.parts.join(", ")})` : ""}`;
    case "list-added":
      return `${c.list[0].toUpperCase()}${c.list.slice(1)} added: ${c.text}`;
    case "list-removed":
      return `${c.list[0].toUpperCase()}${c.list.slice(1)} removed: ${c.text}`;
    case "summary":
      return `Role summary changed: ${c.field}`;
    case "threshold":
      return `Threshold ${THRESHOLD_LABELS[c.field as keyof typeof THRESHOLD_LABELS] ?? c.field}: ${c.from} → ${c.to}`;
  }
}

/** The same template content, whatever the version number and the order of object keys: a save of it makes no new version. */
export function sameTemplateContent(a: RoleTemplate, b: RoleTemplate): boolean {
  const canonical = (r: RoleTemplate) =>
    JSON.stringify({ ...r, version: undefined }, (_k, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
        : value,
    );
  return canonical(a) === canonical(b);
}
