import "server-only";
import { db, type DbTx } from "../db";
import { ScimError, invalidValue } from "../domain/scim/errors";
import { GROUP_FILTER, translateFilter } from "../domain/scim/filter";
import { memberChanges, patchedMembers, readGroup, roleOfGroup } from "../domain/scim/groups";
import type { PatchOp } from "../domain/scim/patch";
import { isAppRole, roleForGroupName, type GroupMember, type Page } from "../domain/scim/resources";
import { APP_ROLES, type AppRole } from "../domain/vocabulary";
import { env } from "../env";
import { serialize } from "./sql";
import { changeAccount } from "./user-admin";
import type { ScimCaller } from "./scim-users";

// SCIM Groups (docs/decisions/072): the four app roles under the names the deployment gives them
// (SCIM_GROUP_*). Members are the people holding the role; adding and removing members grants and
// revokes it through changeAccount, audited as an admin's role change is, and never removes the
// last active admin.

export type ScimGroup = { role: AppRole; members: GroupMember[] | null };

const membersOf = (tx: DbTx, role: AppRole) =>
  tx.user.findMany({
    where: { roles: { some: { role } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });

function roleOf(id: string): AppRole {
  if (!isAppRole(id)) throw new ScimError(404, `No group ${id}.`);
  return id;
}

/**
 * The groups a filter picks: there are four, so the conditions are checked here, with one query
 * for the roles of the members a filter names (Entra ID asks `members[value eq "…"]`).
 */
export async function listScimGroups(filter: string | null, page: Page, withMembers: boolean) {
  const dnf = filter ? translateFilter(filter, GROUP_FILTER) : [[]];
  const named = [...new Set(dnf.flat().flatMap((c) => (c.field === "member" ? [String(c.value)] : [])))];
  const held = await db.userRole.findMany({ where: { userId: { in: named } }, select: { userId: true, role: true } });
  const holds = (userId: string, role: AppRole) => held.some((h) => h.userId === userId && h.role === role);
  const picked = APP_ROLES.filter((role) =>
    dnf.some((all) =>
      all.every((c) =>
        c.field === "id"
          ? c.value === role
          : c.field === "displayName"
            ? roleForGroupName(env.scimGroups, String(c.value)) === role
            : holds(String(c.value), role),
      ),
    ),
  );
  const slice = picked.slice(page.startIndex - 1, page.startIndex - 1 + page.count);
  const groups: ScimGroup[] = [];
  for (const role of slice) groups.push({ role, members: withMembers ? await membersOf(db, role) : null });
  return { total: picked.length, groups };
}

export async function getScimGroup(id: string, withMembers: boolean): Promise<ScimGroup> {
  const role = roleOf(id);
  return { role, members: withMembers ? await membersOf(db, role) : null };
}

/** Grants first, then revocations, so a replace that swaps one admin for another keeps one. */
async function setMembers(tx: DbTx, caller: ScimCaller, role: AppRole, next: string[]) {
  const before = (await membersOf(tx, role)).map((m) => m.id);
  const { grant, revoke } = memberChanges(before, next);
  const people = await tx.user.findMany({
    where: { id: { in: [...grant, ...revoke] } },
    select: { id: true, name: true, active: true, roles: { select: { role: true } } },
  });
  const missing = grant.filter((id) => !people.some((p) => p.id === id));
  if (missing.length) throw invalidValue(`No user ${missing[0]}: members are users' ids.`);
  for (const id of [...grant, ...revoke]) {
    const p = people.find((x) => x.id === id)!;
    const had = p.roles.map((r) => r.role as AppRole);
    const roles = grant.includes(id) ? [...had, role] : had.filter((r) => r !== role);
    await changeAccount(tx, { actorId: null, scimTokenId: caller.tokenId }, id, {
      name: p.name,
      roles,
      active: p.active,
    });
  }
}

function write(caller: ScimCaller, role: AppRole, next: (members: string[]) => string[]): Promise<ScimGroup> {
  return db.$transaction(async (tx) => {
    // role changes one at a time, as changeAccount takes them: the members read are the ones changed
    await serialize(tx, "admins");
    const before = (await membersOf(tx, role)).map((m) => m.id);
    await setMembers(tx, caller, role, next(before));
    return { role, members: await membersOf(tx, role) };
  });
}

/** POST: a group whose name is configured maps to its role and its members are added; other names 400. */
export function createScimGroup(caller: ScimCaller, body: unknown) {
  const g = readGroup(body);
  const role = roleOfGroup(env.scimGroups, g.displayName);
  return write(caller, role, (before) => [...new Set([...before, ...g.memberIds])]);
}

/** PUT: the members become exactly those sent; the name must stay the configured one. */
export function replaceScimGroup(caller: ScimCaller, id: string, body: unknown) {
  const role = roleOf(id);
  const g = readGroup(body);
  if (roleForGroupName(env.scimGroups, g.displayName) !== role)
    throw new ScimError(400, "A group's name is set by the app's configuration and cannot be changed.", "mutability");
  return write(caller, role, () => g.memberIds);
}

export function patchScimGroup(caller: ScimCaller, id: string, ops: PatchOp[]) {
  const role = roleOf(id);
  return write(caller, role, (before) => patchedMembers(role, before, ops, env.scimGroups));
}
