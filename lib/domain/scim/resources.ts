// SCIM resources as the app renders and reads them (RFC 7643 §4, docs/decisions/072): a User is
// an account (userName = its e-mail), a Group is one app role with the display name the
// deployment gives it. Pure: the data layer hands in rows, the routes a base URL.
import { z } from "zod";
import { APP_ROLES, type AppRole } from "../vocabulary";
import { emailField } from "../../validations/fields";
import { invalidValue } from "./errors";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** At most this many resources in one list answer (ServiceProviderConfig filter.maxResults). */
export const SCIM_MAX_RESULTS = 200;

export type ScimUserRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  roles: AppRole[];
};
export type GroupNames = Record<AppRole, string>;

export function renderUser(u: ScimUserRow, base: string, groups: GroupNames) {
  return {
    schemas: [USER_SCHEMA],
    id: u.id,
    ...(u.externalId !== null ? { externalId: u.externalId } : {}),
    userName: u.email,
    name: { formatted: u.name },
    displayName: u.name,
    active: u.active,
    emails: [{ value: u.email, type: "work", primary: true }],
    groups: u.roles.map((r) => ({ value: r, display: groups[r], $ref: `${base}/scim/v2/Groups/${r}` })),
    meta: {
      resourceType: "User",
      created: u.createdAt.toISOString(),
      lastModified: u.updatedAt.toISOString(),
      location: `${base}/scim/v2/Users/${u.id}`,
    },
  };
}

export type GroupMember = { id: string; name: string };

export function renderGroup(role: AppRole, members: GroupMember[] | null, base: string, groups: GroupNames) {
  return {
    schemas: [GROUP_SCHEMA],
    id: role,
    displayName: groups[role],
    // null: the caller asked for excludedAttributes=members (Entra does, for large groups)
    ...(members
      ? { members: members.map((m) => ({ value: m.id, display: m.name, $ref: `${base}/scim/v2/Users/${m.id}` })) }
      : {}),
    meta: { resourceType: "Group", location: `${base}/scim/v2/Groups/${role}` },
  };
}

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** The role a group name stands for (names compare without case or outer spaces), or null. */
export function roleForGroupName(groups: GroupNames, displayName: string): AppRole | null {
  const want = displayName.trim().toLowerCase();
  return APP_ROLES.find((r) => groups[r].trim().toLowerCase() === want) ?? null;
}

export const isAppRole = (s: string): s is AppRole => (APP_ROLES as readonly string[]).includes(s);

/** A value of an object by attribute name, in any letter case (RFC 7643 §2.1: names are case-insensitive). */
export function attr(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return undefined;
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (obj as Record<string, unknown>)[key];
}

/** A boolean as identity providers send it: true/false, or Entra ID's "True"/"False" text. */
export function scimBoolean(v: unknown, field: string): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === "true";
  throw invalidValue(`${field} must be true or false.`);
}

const optionalText = (v: unknown, field: string, max: number): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") throw invalidValue(`${field} must be a string.`);
  const t = v.trim();
  if (t.length > max) throw invalidValue(`${field} is longer than ${max} characters.`);
  return t || null;
};

export type ScimUserInput = { email: string; name: string; active: boolean; externalId: string | null };

const email = emailField();

/**
 * The account a User resource describes (POST, PUT, and the result of a PATCH): userName must be
 * an e-mail address, it is the account's e-mail (sign-in matches on it). The name is
 * name.formatted, else given and family name, else displayName, else the e-mail's local part.
 * Attributes the app does not keep (phone numbers, the enterprise extension…) are ignored.
 */
export function readUser(body: unknown): ScimUserInput {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw invalidValue("The body must be a User resource (a JSON object).");
  const userName = attr(body, "userName");
  if (typeof userName !== "string" || !userName.trim()) throw invalidValue("userName is required.");
  const parsed = email.safeParse(userName);
  if (!parsed.success) throw invalidValue("userName must be the person's e-mail address.");
  const name = attr(body, "name");
  const formatted = optionalText(attr(name, "formatted"), "name.formatted", 200);
  const parts = [attr(name, "givenName"), attr(name, "familyName")]
    .map((p, i) => optionalText(p, i ? "name.familyName" : "name.givenName", 100))
    .filter((p): p is string => !!p);
  const display = optionalText(attr(body, "displayName"), "displayName", 200);
  const chosen = formatted ?? (parts.length ? parts.join(" ") : null) ?? display ?? parsed.data.split("@")[0];
  const activeRaw = attr(body, "active");
  return {
    email: parsed.data,
    name: chosen.slice(0, 200),
    active: activeRaw === undefined || activeRaw === null ? true : scimBoolean(activeRaw, "active"),
    externalId: optionalText(attr(body, "externalId"), "externalId", 200),
  };
}

/** startIndex (1-based) and count of a list request, as RFC 7644 §3.4.2.4 reads them. */
export const pageSchema = z.object({
  startIndex: z.coerce
    .number()
    .int()
    .catch(1)
    .transform((n) => Math.max(1, n)),
  count: z.coerce
    .number()
    .int()
    .catch(SCIM_MAX_RESULTS)
    .transform((n) => Math.min(SCIM_MAX_RESULTS, Math.max(0, n))),
});
export type Page = z.output<typeof pageSchema>;
export const readPage = (params: URLSearchParams): Page =>
  pageSchema.parse({ startIndex: params.get("startIndex") ?? 1, count: params.get("count") ?? SCIM_MAX_RESULTS });
