// What changed between an audit entry's before and after snapshots, for people to read.
import { APP_ROLE_LABELS, NOT_ASSESSED_LABEL, OVERALL_RECOMMENDATION_LABELS, RATING_LABELS } from "./vocabulary";

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

// ---- For people: names instead of ids, one line per changed field --------------------------------

/** Record ids → what people call them (a person's name, an opening's title, a dimension's name). */
export type AuditNames = ReadonlyMap<string, string>;

/** One changed field as a person reads it: "Rating · System design", "3 Meets bar" → "4 Exceeds bar". */
export type ReadableChange = { label: string; before?: string; after?: string };

const ID_KEY = /(^id|Id|Ids)$/;
/** Keys whose value is a list of record ids without saying so in the name. */
const ID_LIST_KEYS = new Set(["focus"]);
const RATING_WORDS: Record<number, string> = RATING_LABELS;
/** Stored words shown as people read them, by the key they are stored under. */
const WORDS: Record<string, Record<string, string>> = {
  roles: APP_ROLE_LABELS,
  recommendation: OVERALL_RECOMMENDATION_LABELS,
};

/** "computedRecommendation" → "Computed recommendation", "candidateId" → "Candidate". */
export function fieldLabel(key: string): string {
  const base = key === "id" ? "Record" : key.replace(/Ids?$/, "");
  const words = base.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isIdKey = (key: string) => ID_KEY.test(key) || ID_LIST_KEYS.has(key);

/** Every id a snapshot refers to (under keys ending in Id, or known lists of ids), for the lookup. */
export function referencedIds(...snapshots: (string | null)[]): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown, idKey: boolean) => {
    if (typeof v === "string") {
      if (idKey) ids.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, idKey));
    else if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(x, isIdKey(k));
  };
  for (const s of snapshots) walk(parse(s), false);
  return [...ids];
}

/** A value in words: ids as names, ratings with their scale word, yes/no, lists joined. */
export function valueText(key: string, v: unknown, names: AuditNames): string {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return key === "rating" && RATING_WORDS[v] ? `${v} ${RATING_WORDS[v]}` : String(v);
  if (typeof v === "string") return isIdKey(key) ? (names.get(v) ?? v) : (WORDS[key]?.[v] ?? v);
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(key, x, names)).join(", ") : "none";
  if (isRecord(v))
    return Object.entries(v)
      .filter(([k]) => !isIdKey(k) || Object.keys(v).length === 1)
      .map(([k, x]) => `${fieldLabel(k)}: ${valueText(k, x, names)}`)
      .join("; ");
  return showValue(v);
}

/** A list of records each naming one other record (ratings by dimension, red flags by flag). */
function keyedBy(list: unknown): string | null {
  if (!Array.isArray(list) || !list.length || !list.every(isRecord)) return null;
  const keys = Object.keys(list[0]).filter((k) => ID_KEY.test(k) && k !== "id");
  const key = keys.length === 1 ? keys[0] : null;
  return key && list.every((x) => typeof x[key] === "string") ? key : null;
}

const GROUP_LABELS: Record<string, string> = { ratings: "Rating", redFlags: "Red flag" };

function itemChanges(key: string, before: unknown, after: unknown, names: AuditNames): ReadableChange[] | null {
  const idKey = keyedBy(after) ?? keyedBy(before);
  const asList = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  if (!idKey || ![before, after].every((v) => v === undefined || keyedBy(v) === idKey || asList(v).length === 0))
    return null;
  // a rating and its "not assessed" mark are one answer: shown as one value
  const folded = (x: Record<string, unknown>) => {
    if (!("notAssessed" in x)) return x;
    const { notAssessed, ...rest } = x;
    return notAssessed ? { ...rest, rating: NOT_ASSESSED_LABEL } : rest;
  };
  const byId = (v: unknown) => new Map(asList(v).map((x) => [String(x[idKey]), folded(x)]));
  const b = byId(before);
  const a = byId(after);
  const group = GROUP_LABELS[key] ?? fieldLabel(key);
  const out: ReadableChange[] = [];
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const name = `${group} · ${names.get(id) ?? id}`;
    const x = b.get(id);
    const y = a.get(id);
    const fields = [...new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])].filter((f) => f !== idKey);
    for (const f of fields) {
      if (x && y && same(x[f], y[f])) continue;
      const label = f === "rating" ? name : `${name} · ${fieldLabel(f).toLowerCase()}`;
      out.push({
        label,
        before: x ? valueText(f, x[f], names) : undefined,
        after: y ? valueText(f, y[f], names) : undefined,
      });
    }
  }
  return out;
}

/**
 * What changed in an entry, field by field, in words: ids shown by name, lists of ratings and red
 * flags compared item by item (so a changed rating reads "Rating · System design: 3 → 4").
 */
export function readableChanges(beforeJson: string | null, afterJson: string | null, names: AuditNames) {
  const out: ReadableChange[] = [];
  for (const c of changedFields(beforeJson, afterJson)) {
    const items = itemChanges(c.key, c.before, c.after, names);
    if (items) out.push(...items);
    else
      out.push({
        label: fieldLabel(c.key),
        before: c.before === undefined ? undefined : valueText(c.key, c.before, names),
        after: c.after === undefined ? undefined : valueText(c.key, c.after, names),
      });
  }
  return out;
}

const KIND_LABELS: Record<string, string> = {
  ApiToken: "API token",
  RoleTemplateVersion: "Role template version",
  User: "Person",
  WebhookEndpoint: "Webhook",
};

/** "RoleTemplateVersion" → "Role template version", for the kind of record an entry is about. */
export const entityKindLabel = (type: string) => KIND_LABELS[type] ?? fieldLabel(type);

/** A snapshot indented for reading (the raw record behind an entry's toggle); text that is not JSON as is. */
export function prettyJson(json: string | null): string {
  const v = parse(json);
  return v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v, null, 2);
}
