// What changed between an audit entry's before and after snapshots, for people to read.

export type FieldChange = { key: string; before: unknown; after: unknown };

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The top-level keys whose values differ, in a stable order (before's keys, then new keys).
 * When either side is not an object, the whole value is one change under the key "value".
 */
export function changedFields(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (before === undefined && after === undefined) return [];
  if (!isRecord(before) || !isRecord(after)) {
    if (isRecord(after) && before === undefined)
      return Object.keys(after).map((key) => ({ key, before: undefined, after: after[key] }));
    if (isRecord(before) && after === undefined)
      return Object.keys(before).map((key) => ({ key, before: before[key], after: undefined }));
    return same(before, after) ? [] : [{ key: "value", before, after }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => !same(before[k], after[k])).map((key) => ({ key, before: before[key], after: after[key] }));
}

/** A short, single-line rendering of a snapshot value. */
export function showValue(v: unknown, max = 120): string {
  if (v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
