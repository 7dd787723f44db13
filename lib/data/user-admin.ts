import "server-only";
import { randomBytes } from "node:crypto";
import { db, type DbTx } from "../db";
import { isAdmin } from "../domain/permissions";
import { throttleKeys } from "../domain/throttle";
import type { AppRole } from "../domain/vocabulary";
import { ConflictError, ForbiddenError, NotFoundError, parseInput, ValidationError } from "../errors";
import { hashPassword } from "../password";
import { passwordResetSchema, userCreateSchema, userUpdateSchema } from "../validations/users";
import { audit } from "./audit";
import { refreshCandidateScores } from "./candidate-scores";
import type { Viewer } from "../domain/permissions";
import { idsByNameOrEmail, parseSearchQuery } from "./search";
import { serialize } from "./sql";

// User accounts for admins (docs/decisions/029-accounts.md): create, roles, deactivate /
// reactivate, reset password. The app never loses its last active admin. Passwords and hashes are
// never logged.

function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins manage users.");
}

/** 16 characters from an unambiguous alphabet (about 90 bits). */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join("");
}

const userSelect = {
  id: true,
  name: true,
  email: true,
  active: true,
  createdAt: true,
  deactivatedAt: true,
  timeZone: true,
  roles: { select: { role: true } },
} as const;
const shape = <T extends { roles: { role: string }[] }>(u: T): Omit<T, "roles"> & { roles: AppRole[] } => ({
  ...u,
  roles: u.roles.map((r) => r.role as AppRole),
});

export async function listUsers(viewer: Viewer, query = "") {
  assertAdmin(viewer);
  const q = parseSearchQuery(query).trim();
  // the name or the e-mail contains the text literally: "a_b" is not a pattern (lib/data/search.ts)
  const ids = q ? await idsByNameOrEmail("User", [q], "active-then-name", 200) : null;
  const rows = await db.user.findMany({
    where: ids ? { id: { in: ids } } : {},
    orderBy: [{ active: "desc" }, { name: "asc" }],
    take: 200,
    select: userSelect,
  });
  return rows.map(shape);
}

export async function getUser(viewer: Viewer, id: string) {
  assertAdmin(viewer);
  const u = await db.user.findUnique({
    where: { id },
    select: { ...userSelect, _count: { select: { scorecards: { where: { status: "submitted" } } } } },
  });
  return u ? shape(u) : null;
}

export async function createUserAccount(viewer: Viewer, input: unknown) {
  assertAdmin(viewer);
  const v = parseInput(userCreateSchema, input);
  const generated = v.password ? null : generatePassword();
  const passwordHash = await hashPassword(v.password || generated!);
  return db.$transaction(async (tx) => {
    // one creation per e-mail at a time: the loser of two at once gets this answer, not a unique-index error
    await serialize(tx, `user-email:${v.email}`);
    if (await tx.user.count({ where: { email: v.email } }))
      throw new ValidationError("Some answers need attention.", { email: ["A user with this e-mail exists already"] });
    const user = await tx.user.create({
      data: {
        name: v.name,
        email: v.email,
        passwordHash,
        roles: { create: [...new Set(v.roles)].map((role) => ({ role })) },
      },
      select: { id: true, name: true, email: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "user.created",
      entityType: "User",
      entityId: user.id,
      after: { name: v.name, email: v.email, roles: v.roles },
    });
    return { user, generatedPassword: generated };
  });
}

async function activeAdmins(tx: DbTx) {
  return tx.user.count({ where: { active: true, roles: { some: { role: "admin" } } } });
}

export async function updateUserAccount(viewer: Viewer, id: string, input: unknown) {
  assertAdmin(viewer);
  const v = parseInput(userUpdateSchema, input);
  return db.$transaction(async (tx) => {
    if (id === viewer.id && !v.roles.includes("admin"))
      throw new ValidationError("Some answers need attention.", { roles: ["You cannot remove your own admin role"] });
    if (id === viewer.id && !v.active)
      throw new ValidationError("Some answers need attention.", { active: ["You cannot deactivate yourself"] });
    return changeAccount(tx, { actorId: viewer.id }, id, v);
  });
}

/** What changes an account: the admin screens' fields, and for SCIM its e-mail and external id. */
export type AccountChange = {
  name: string;
  roles: AppRole[];
  active: boolean;
  timeZone?: string;
  email?: string;
  externalId?: string | null;
};
/** Who changes it: an admin, or a SCIM token (no person; named in the entry, docs/decisions/072). */
export type AccountActor = { actorId: string | null; scimTokenId?: string };

/**
 * The one path every change of an account takes, from the admin screens and from SCIM: the last
 * active admin is kept, deactivation ends the person's sessions, the audit entry is written.
 * Callers check who may make the change; an e-mail given here is already known to be free.
 */
export async function changeAccount(tx: DbTx, actor: AccountActor, id: string, v: AccountChange) {
  // every change that may remove an admin waits for the one before it, so the count below sees
  // what a concurrent demotion or deactivation committed (docs/decisions/014)
  await serialize(tx, "admins");
  const before = await tx.user.findUnique({ where: { id }, select: { ...userSelect, externalId: true } });
  if (!before) throw new NotFoundError("User not found.");
  const wasAdmin = before.active && before.roles.some((r) => r.role === "admin");
  const staysAdmin = v.active && v.roles.includes("admin");
  if (wasAdmin && !staysAdmin && (await activeAdmins(tx)) <= 1)
    throw new ConflictError("This is the last active admin; make someone else an admin first.");
  await tx.userRole.deleteMany({ where: { userId: id } });
  const user = await tx.user.update({
    where: { id },
    data: {
      name: v.name,
      active: v.active,
      deactivatedAt: v.active ? null : (before.deactivatedAt ?? new Date()),
      // deactivating ends every session the person holds (docs/decisions/016)
      ...(before.active && !v.active ? { sessionGeneration: { increment: 1 } } : {}),
      timeZone: v.timeZone,
      ...(v.email === undefined ? {} : { email: v.email }),
      ...(v.externalId === undefined ? {} : { externalId: v.externalId }),
      roles: { create: [...new Set(v.roles)].map((role) => ({ role })) },
    },
    select: userSelect,
  });
  // interviewers' names are in their candidates' stored scores (a split names who said what)
  if (before.name !== user.name) {
    const rated = await tx.scorecard.findMany({
      where: { authorId: id, status: "submitted" },
      distinct: ["candidateId"],
      select: { candidateId: true },
    });
    await refreshCandidateScores(
      tx,
      rated.map((s) => s.candidateId),
      { ratingsMoved: false },
    );
  }
  // the time zone, e-mail and external id are in the entry when the change named them (older
  // API callers send no time zone; only SCIM sends the others)
  const moved = (k: "email" | "externalId") => v[k] !== undefined && v[k] !== before[k];
  const b = {
    name: before.name,
    roles: before.roles.map((r) => r.role),
    active: before.active,
    ...(v.timeZone === undefined ? {} : { timeZone: before.timeZone }),
    ...(moved("email") ? { email: before.email } : {}),
    ...(moved("externalId") ? { externalId: before.externalId } : {}),
  };
  const a = {
    name: v.name,
    roles: v.roles,
    active: v.active,
    ...(v.timeZone === undefined ? {} : { timeZone: v.timeZone }),
    ...(moved("email") ? { email: v.email } : {}),
    ...(moved("externalId") ? { externalId: v.externalId } : {}),
    ...(actor.scimTokenId ? { via: { scimTokenId: actor.scimTokenId } } : {}),
  };
  const action =
    before.active && !v.active ? "user.deactivated" : !before.active && v.active ? "user.reactivated" : "user.updated";
  await audit(tx, { actorId: actor.actorId, action, entityType: "User", entityId: id, before: b, after: a });
  return shape(user);
}

export async function resetUserPassword(viewer: Viewer, id: string, input: unknown) {
  assertAdmin(viewer);
  const v = parseInput(passwordResetSchema, input);
  const generated = v.password ? null : generatePassword();
  const passwordHash = await hashPassword(v.password || generated!);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { email: true } });
    if (!user) throw new NotFoundError("User not found.");
    // a new password ends the sessions signed in with the old one (docs/decisions/016)
    await tx.user.update({ where: { id }, data: { passwordHash, sessionGeneration: { increment: 1 } } });
    // and lifts the account's sign-in locks, from every address (lib/domain/throttle.ts keys)
    const keys = throttleKeys(user.email, null);
    await tx.signInThrottle.deleteMany({
      where: { OR: [{ key: keys.account }, { key: { startsWith: `pair:${user.email}|` } }] },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "user.password_reset",
      entityType: "User",
      entityId: id,
      after: { generated: !!generated },
    });
    return { generatedPassword: generated };
  });
}
