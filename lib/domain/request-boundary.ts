// What every request is checked for before anything reads or writes it (docs/decisions/018):
// text the databases cannot store, keys that reach an object's prototype, an Origin that is not
// this site's, a body that is not declared JSON. Pure: no next/*, no Prisma.

/** The message next to a field whose text holds a character neither database can store. */
export const UNSTORABLE_MESSAGE =
  "Contains a character that cannot be stored (a NUL character or a broken emoji); remove it and try again.";
/** The message next to a key such as "__proto__": never a field of ours, and dangerous to copy. */
export const PROTOTYPE_KEY_MESSAGE = "This field name is not accepted.";

const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * False for text with a NUL (PostgreSQL's text type cannot hold it) or a UTF-16 surrogate without
 * its pair (it has no UTF-8 form; both databases' drivers fail on it).
 */
export function isStorableText(s: string): boolean {
  return s.isWellFormed() && !s.includes("\u0000");
}

/** A key made printable for an error message: the characters that made it unstorable become U+FFFD. */
function printable(key: string): string {
  return key.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

export type BoundaryProblem = { path: string; message: string };

/**
 * Every string (key or value) in a parsed JSON value that cannot be stored, and every prototype
 * key, named by its dotted path ("values.ratings.d1.evidence"; the value itself is `root`).
 * Iterative, so a deeply nested body cannot exhaust the stack; stops after `max` problems.
 */
export function boundaryProblems(value: unknown, root = "body", max = 20): BoundaryProblem[] {
  // paths as linked nodes, spelled out only for a problem: a deep body costs linear time
  type Node = { v: unknown; key: string | null; parent: Node | null };
  const name = (n: Node) => {
    const parts: string[] = [];
    for (let at: Node | null = n; at && at.key !== null; at = at.parent) parts.push(printable(at.key));
    return parts.length ? parts.reverse().join(".") : root;
  };
  const out: BoundaryProblem[] = [];
  const stack: Node[] = [{ v: value, key: null, parent: null }];
  while (stack.length && out.length < max) {
    const node = stack.pop()!;
    const { v, key } = node;
    if (key !== null && PROTOTYPE_KEYS.has(key)) out.push({ path: name(node), message: PROTOTYPE_KEY_MESSAGE });
    else if (key !== null && !isStorableText(key)) out.push({ path: name(node), message: UNSTORABLE_MESSAGE });
    else if (typeof v === "string") {
      if (!isStorableText(v)) out.push({ path: name(node), message: UNSTORABLE_MESSAGE });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], key: String(i), parent: node });
    } else if (v !== null && typeof v === "object") {
      // Object.keys sees the own "__proto__" key JSON.parse creates
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({ v: (v as Record<string, unknown>)[keys[i]], key: keys[i], parent: node });
    }
  }
  return out;
}

/** The query parameters whose name or value cannot be stored, named by the parameter. */
export function unstorableParams(entries: Iterable<[string, string]>): BoundaryProblem[] {
  const out: BoundaryProblem[] = [];
  for (const [k, v] of entries)
    if (!isStorableText(k) || !isStorableText(v))
      out.push({ path: printable(k) || "query", message: UNSTORABLE_MESSAGE });
  return out;
}

/** The problems as { path: [messages] } in an object without a prototype. */
export function problemFields(problems: BoundaryProblem[]): Record<string, string[]> {
  const fields = Object.create(null) as Record<string, string[]>;
  for (const p of problems) (fields[p.path] ??= []).push(p.message);
  return fields;
}

/** "application/json", with or without parameters (charset=utf-8), in any letter case. */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  return header.split(";")[0].trim().toLowerCase() === "application/json";
}

/** The origin (scheme://host:port) of a URL, or null when it is not one (garbage, "null"). */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request's Origin header names this site: absent is allowed (non-browser clients and
 * same-origin requests of older browsers; SameSite cookies still apply); "null", garbage and any
 * other scheme, host or port are not.
 */
export function isSameOrigin(originHeader: string | null, siteOrigin: string): boolean {
  if (originHeader === null) return true;
  const origin = originOf(originHeader);
  return origin !== null && origin === siteOrigin;
}
