// Groups are the app's roles (docs/decisions/072): a group's members are the people holding its
// role, so a change of members is a list of roles to grant and to revoke. Pure.
import type { AppRole } from "../vocabulary";
import { invalidValue, ScimError } from "./errors";
import { applyPatch, type PatchOp } from "./patch";
import { attr, GROUP_SCHEMA, roleForGroupName, type GroupNames } from "./resources";

/** Most members one request may name (Entra ID sends at most a few hundred per PATCH). */
export const MAX_GROUP_MEMBERS = 10_000;

export type GroupInput = { displayName: string; memberIds: string[] };

/** A Group resource's display name and member ids (POST, PUT, the result of a PATCH). */
export function readGroup(body: unknown): GroupInput {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw invalidValue("The body must be a Group resource (a JSON object).");
  const displayName = attr(body, "displayName");
  if (typeof displayName !== "string" || !displayName.trim()) throw invalidValue("displayName is required.");
  const members = attr(body, "members") ?? [];
  if (!Array.isArray(members)) throw invalidValue("members must be a list.");
  if (members.length > MAX_GROUP_MEMBERS) throw new ScimError(400, `At most ${MAX_GROUP_MEMBERS} members.`, "tooMany");
  const ids = members.map((m) => {
    const v = attr(m, "value");
    if (typeof v !== "string" || !v) throw invalidValue("Each member is an object with the user's id as value.");
    return v;
  });
  return { displayName: displayName.trim(), memberIds: [...new Set(ids)] };
}

/** The role a Group body names, or 400: only the configured names map to a role. */
export function roleOfGroup(groups: GroupNames, displayName: string): AppRole {
  const role = roleForGroupName(groups, displayName);
  if (!role)
    throw invalidValue(
      `"${displayName}" is not one of this app's groups (${Object.values(groups).join(", ")}); groups are the app's roles.`,
    );
  return role;
}

/** The member ids after a PATCH; the group's name may be sent again but not changed (400 mutability). */
export function patchedMembers(role: AppRole, memberIds: string[], ops: PatchOp[], groups: GroupNames): string[] {
  const current = {
    schemas: [GROUP_SCHEMA],
    id: role,
    displayName: groups[role],
    members: memberIds.map((value) => ({ value })),
  };
  const after = readGroup(applyPatch(current, ops, GROUP_SCHEMA));
  if (roleForGroupName(groups, after.displayName) !== role)
    throw new ScimError(400, "A group's name is set by the app's configuration and cannot be changed.", "mutability");
  return after.memberIds;
}

/** Who gains and who loses the role when the members become `next`. */
export function memberChanges(before: string[], next: string[]) {
  const was = new Set(before);
  const will = new Set(next);
  return { grant: next.filter((id) => !was.has(id)), revoke: before.filter((id) => !will.has(id)) };
}

/** Whether the answer lists members: not when the request says excludedAttributes=members. */
export function withMembers(params: URLSearchParams): boolean {
  const excluded = (params.get("excludedAttributes") ?? "").split(",").map((s) => s.trim().toLowerCase());
  return !excluded.some((a) => a === "members" || a.endsWith(":group:members"));
}
