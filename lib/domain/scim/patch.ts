// PATCH (RFC 7644 §3.5.2) applied to a resource's JSON: add, replace and remove, with a path
// (`active`, `name.givenName`, `members[value eq "id"]`, `emails[type eq "work"].value`) or
// without one (a value object whose keys are paths). Op names in any case ("Replace", as Entra ID
// sends them). The patched JSON is then read as a PUT body would be, so a PATCH can set nothing a
// PUT cannot (docs/decisions/072). Pure.
import { filter as compile, parse, type Filter } from "scim2-parse-filter";
import { attr, PATCH_SCHEMA, readUser, USER_SCHEMA, type ScimUserInput } from "./resources";
import { ScimError } from "./errors";

export type PatchOp = { op: "add" | "replace" | "remove"; path: string | null; value: unknown };
type Json = Record<string, unknown>;

const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** Most operations in one PATCH. */
export const MAX_PATCH_OPERATIONS = 1000;

const invalidPath = (detail: string) => new ScimError(400, detail, "invalidPath");
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** The PatchOp message's operations, or 400 invalidSyntax. */
export function readPatch(body: unknown): PatchOp[] {
  const schemas = isObject(body) ? body.schemas : undefined;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_SCHEMA))
    throw new ScimError(400, `A PATCH body is a ${PATCH_SCHEMA} message.`, "invalidSyntax");
  const ops = (body as Json).Operations ?? (body as Json).operations;
  if (!Array.isArray(ops) || ops.length === 0)
    throw new ScimError(400, "Operations must be a non-empty list.", "invalidSyntax");
  if (ops.length > MAX_PATCH_OPERATIONS)
    throw new ScimError(400, `At most ${MAX_PATCH_OPERATIONS} operations.`, "tooMany");
  return ops.map((o: unknown) => {
    const op = isObject(o) && typeof o.op === "string" ? o.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove")
      throw new ScimError(400, 'Each operation\'s "op" is add, replace or remove.', "invalidSyntax");
    const path = (o as Json).path;
    if (path !== undefined && path !== null && typeof path !== "string") throw invalidPath("path must be a string.");
    return { op, path: typeof path === "string" && path.trim() ? path.trim() : null, value: (o as Json).value };
  });
}

type Path = { attr: string; filter: Filter | null; sub: string | null } | { extension: true };

/** A path as attribute, optional value filter and optional sub-attribute; the core schema's URN prefix may lead. */
export function readPath(text: string, coreSchema: string): Path {
  let rest = text;
  if (rest.toLowerCase().startsWith(`${coreSchema.toLowerCase()}:`)) rest = rest.slice(coreSchema.length + 1);
  else if (/^urn:/i.test(rest)) return { extension: true }; // an extension's attribute: not kept
  const m = rest.match(/^([A-Za-z][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w$-]*))?$/s);
  if (!m) throw invalidPath(`The path "${text}" is not a valid attribute path.`);
  const [, attr, filterText, sub] = m;
  if (!attr.includes(".") && (PROTOTYPE_KEYS.has(attr) || (sub && PROTOTYPE_KEYS.has(sub))))
    throw invalidPath(`The path "${text}" names no attribute.`);
  let f: Filter | null = null;
  if (filterText !== undefined) {
    try {
      f = parse(filterText);
    } catch {
      throw invalidPath(`The filter in "${text}" is not valid.`);
    }
  }
  return { attr, filter: f, sub: sub ?? null };
}

/** The key an attribute has in `obj` (names are case-insensitive), or the name as given. */
function keyOf(obj: Json, name: string): string {
  return Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

const sameValue = (a: unknown, b: unknown) =>
  isObject(a) && isObject(b) && a.value !== undefined && String(a.value) === String(b.value);

/** add: a list grows by the new values not already in it; anything else is set. */
function added(existing: unknown, value: unknown): unknown {
  if (Array.isArray(existing)) {
    const more = (Array.isArray(value) ? value : [value]).filter((v) => !existing.some((e) => sameValue(e, v)));
    return [...existing, ...more];
  }
  if (isObject(existing) && isObject(value)) return { ...existing, ...value };
  return value;
}

function applyOne(resource: Json, op: PatchOp, coreSchema: string): void {
  if (op.path === null) {
    if (op.op === "remove") throw new ScimError(400, "A remove operation needs a path.", "noTarget");
    if (!isObject(op.value))
      throw new ScimError(400, "Without a path, the value is an object of attributes.", "invalidValue");
    for (const [k, v] of Object.entries(op.value)) applyOne(resource, { op: op.op, path: k, value: v }, coreSchema);
    return;
  }
  const path = readPath(op.path, coreSchema);
  if ("extension" in path) return;
  // "name.givenName" written as one attribute name in a value object (Entra ID does this)
  const [attrName, dottedSub] = path.attr.includes(".") ? path.attr.split(".", 2) : [path.attr, null];
  const sub = path.sub ?? dottedSub;
  if (PROTOTYPE_KEYS.has(attrName) || (sub && PROTOTYPE_KEYS.has(sub)))
    throw invalidPath("The path names no attribute.");
  const key = keyOf(resource, attrName);
  const current = Object.hasOwn(resource, key) ? resource[key] : undefined;

  if (path.filter) {
    if (!Array.isArray(current)) {
      if (op.op === "remove") return;
      throw new ScimError(400, `No value of ${attrName} matches the path's filter.`, "noTarget");
    }
    const matches = compile(path.filter);
    const hit = current.map((e) => matches(e));
    if (op.op === "remove") {
      resource[key] = sub
        ? current.map((e, i) => (hit[i] && isObject(e) ? omit(e, sub) : e))
        : current.filter((_, i) => !hit[i]);
      return;
    }
    if (!hit.some(Boolean)) throw new ScimError(400, `No value of ${attrName} matches the path's filter.`, "noTarget");
    resource[key] = current.map((e, i) => {
      if (!hit[i]) return e;
      if (sub) return isObject(e) ? { ...e, [keyOf(e, sub)]: op.value } : e;
      return isObject(e) && isObject(op.value) ? { ...e, ...op.value } : op.value;
    });
    return;
  }

  if (sub) {
    const inner = isObject(current) ? current : {};
    const subKey = keyOf(inner, sub);
    if (op.op === "remove") resource[key] = omit(inner, subKey);
    else resource[key] = { ...inner, [subKey]: op.op === "add" ? added(inner[subKey], op.value) : op.value };
    return;
  }

  if (op.op === "remove") {
    // Entra ID removes members by naming them in the value: only those go
    if (Array.isArray(current) && op.value !== undefined && op.value !== null) {
      const gone = Array.isArray(op.value) ? op.value : [op.value];
      resource[key] = current.filter((e) => !gone.some((g) => sameValue(e, g)));
    } else delete resource[key];
    return;
  }
  if (op.op === "add") resource[key] = added(current, op.value);
  else resource[key] = isObject(current) && isObject(op.value) ? { ...current, ...op.value } : op.value;
}

function omit(obj: Json, key: string): Json {
  const k = keyOf(obj, key);
  return Object.fromEntries(Object.entries(obj).filter(([x]) => x !== k));
}

/** The resource after the operations, in order (a copy; the input is not changed). */
export function applyPatch(resource: Json, ops: PatchOp[], coreSchema: string): Json {
  const out = structuredClone(resource);
  for (const op of ops) applyOne(out, op, coreSchema);
  return out;
}

const NAME = /(^|:)name$/i;
const NAME_PART = /(^|:)name\.(givenname|familyname)$/i;
const NAME_FORMATTED = /(^|:)name\.formatted$/i;
const DISPLAY_NAME = /(^|:)displayName$/i;

/** Whether the operations set the name from its parts, and whether they set name.formatted. */
function nameChange(ops: PatchOp[]) {
  let parts = false;
  let formatted = false;
  let display = false;
  const see = (path: string, value: unknown) => {
    if (DISPLAY_NAME.test(path)) display = true;
    if (NAME_PART.test(path)) parts = true;
    if (NAME_FORMATTED.test(path)) formatted = true;
    if (NAME.test(path) && isObject(value)) {
      if (attr(value, "givenName") !== undefined || attr(value, "familyName") !== undefined) parts = true;
      if (attr(value, "formatted") !== undefined) formatted = true;
    }
  };
  for (const o of ops) {
    if (o.path !== null) see(o.path, o.value);
    else if (isObject(o.value)) for (const [k, v] of Object.entries(o.value)) see(k, v);
  }
  return { parts, formatted, display };
}

/**
 * The account after a PATCH of its User resource. The app keeps one name, rendered as
 * name.formatted and displayName: a PATCH that sets the given or family name and not the
 * formatted one makes the name from the parts sent; one that sets only displayName, from that.
 */
export function patchedUser(current: Json, ops: PatchOp[]): ScimUserInput {
  const out = applyPatch(current, ops, USER_SCHEMA);
  const change = nameChange(ops);
  const nameKey = keyOf(out, "name");
  if (change.parts && !change.formatted && isObject(out[nameKey]))
    out[nameKey] = omit(out[nameKey] as Json, "formatted");
  else if (change.display && !change.parts && !change.formatted) delete out[nameKey];
  return readUser(out);
}
