// List filters (RFC 7644 §3.4.2.2), parsed by scim2-parse-filter and turned into equality
// conditions the data layer can put in its query: the filters identity providers send (Okta and
// Entra ID look people up by userName or externalId, groups by displayName or a member). Anything
// else is refused with 400 invalidFilter rather than answered with a wrong list (docs/decisions/072).
import { parse, type Filter } from "scim2-parse-filter";
import { ScimError } from "./errors";

/** One attribute equal to a value. */
export type Clause<F extends string> = { field: F; value: string | boolean };
/** Either of these conjunctions (an empty list of conjunctions matches nothing). */
export type Dnf<F extends string> = Clause<F>[][];

/** Longest filter text, and most conjunctions a filter may expand to. */
export const MAX_FILTER_LENGTH = 2000;
const MAX_CONJUNCTIONS = 50;

const invalid = (detail: string) => new ScimError(400, detail, "invalidFilter");

/** "urn:…:User:userName" → "username": the core schema's prefix is optional, names are case-insensitive. */
function normalPath(path: string, schema: string): string {
  const p = path.toLowerCase();
  const prefix = `${schema.toLowerCase()}:`;
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}

/**
 * `fields` maps each accepted attribute path (lower case, e.g. "username", "emails.value",
 * "members.value") to the field it compares; `always` names sub-attributes with one value on
 * every resource (`emails.type` is "work": the one e-mail a user has is the work one).
 */
export type FilterSpec<F extends string> = {
  schema: string;
  fields: Record<string, { field: F; type: "string" | "boolean" }>;
  always?: Record<string, string>;
};

function translate<F extends string>(f: Filter, spec: FilterSpec<F>, prefix = ""): Dnf<F> {
  switch (f.op) {
    case "and": {
      let out: Dnf<F> = [[]];
      for (const part of f.filters) {
        const next = translate(part, spec, prefix);
        out = out.flatMap((a) => next.map((b) => [...a, ...b]));
        if (out.length > MAX_CONJUNCTIONS) throw invalid("The filter is too complex.");
      }
      return out;
    }
    case "or": {
      const out = f.filters.flatMap((part) => translate(part, spec, prefix));
      if (out.length > MAX_CONJUNCTIONS) throw invalid("The filter is too complex.");
      return out;
    }
    case "[]": {
      const path = normalPath(prefix + f.attrPath, spec.schema);
      return translate(f.valFilter, spec, `${path}.`);
    }
    case "eq": {
      const path = normalPath(prefix + f.attrPath, spec.schema);
      // a sub-attribute every resource holds with one value: true for that value, false otherwise
      const fixed = spec.always && Object.hasOwn(spec.always, path) ? spec.always[path] : undefined;
      if (fixed !== undefined)
        return typeof f.compValue === "string" && f.compValue.toLowerCase() === fixed ? [[]] : [];
      const known = Object.hasOwn(spec.fields, path) ? spec.fields[path] : undefined;
      if (!known) throw invalid(`Filtering on ${f.attrPath} is not supported.`);
      if (typeof f.compValue !== known.type) throw invalid(`${f.attrPath} compares with a ${known.type}.`);
      return [[{ field: known.field, value: f.compValue as string | boolean }]];
    }
    default:
      throw invalid(`The operator "${f.op}" is not supported; use eq, and, or.`);
  }
}

/** The filter text as conditions, or 400 invalidFilter (bad syntax, an attribute or operator not supported). */
export function translateFilter<F extends string>(text: string, spec: FilterSpec<F>): Dnf<F> {
  if (text.length > MAX_FILTER_LENGTH) throw invalid("The filter is too long.");
  let ast: Filter;
  try {
    ast = parse(text);
  } catch {
    throw invalid("The filter is not valid SCIM filter syntax.");
  }
  return translate(ast, spec);
}

export const USER_FILTER: FilterSpec<"email" | "externalId" | "id" | "active" | "name"> = {
  schema: "urn:ietf:params:scim:schemas:core:2.0:User",
  fields: {
    username: { field: "email", type: "string" },
    "emails.value": { field: "email", type: "string" },
    externalid: { field: "externalId", type: "string" },
    id: { field: "id", type: "string" },
    active: { field: "active", type: "boolean" },
    displayname: { field: "name", type: "string" },
  },
  always: { "emails.type": "work" },
};

export const GROUP_FILTER: FilterSpec<"displayName" | "id" | "member"> = {
  schema: "urn:ietf:params:scim:schemas:core:2.0:Group",
  fields: {
    displayname: { field: "displayName", type: "string" },
    id: { field: "id", type: "string" },
    "members.value": { field: "member", type: "string" },
  },
};
