import "server-only";
import type { Prisma } from "../generated/sqlite/client";
import { db, type DbTx } from "../db";
import { ScimError } from "../domain/scim/errors";
import { translateFilter, USER_FILTER, type Dnf } from "../domain/scim/filter";
import { patchedUser, type PatchOp } from "../domain/scim/patch";
import { renderUser, type Page, type ScimUserInput, type ScimUserRow } from "../domain/scim/resources";
import type { AppRole } from "../domain/vocabulary";
import { env } from "../env";
import { audit } from "./audit";
import { serialize } from "./sql";
import { changeAccount } from "./user-admin";

// SCIM Users (docs/decisions/072): accounts, looked up and changed by an identity provider
// through its SCIM token. Every change goes through changeAccount (lib/data/user-admin.ts), the
// admin screens' own path: the last admin is kept, deactivation ends sessions, all is audited.

export type ScimCaller = { tokenId: string };

export const scimUserSelect = {
  id: true,
  email: true,
  name: true,
  active: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  roles: { select: { role: true } },
} as const;
type Selected = Prisma.UserGetPayload<{ select: typeof scimUserSelect }>;
const row = (u: Selected): ScimUserRow => ({ ...u, roles: u.roles.map((r) => r.role as AppRole) });

type UserField = (typeof USER_FILTER)["fields"][string]["field"];

/** The filter's conditions as a where clause: all in SQL, so a list costs one indexed query. */
function whereOf(dnf: Dnf<UserField>): Prisma.UserWhereInput {
  if (!dnf.length) return { id: { in: [] } };
  const clause = ({ field, value }: Dnf<UserField>[number][number]): Prisma.UserWhereInput => {
    if (field === "active") return { active: value as boolean };
    // e-mails are stored in lower case, and SCIM compares userName without case (RFC 7643 §4.1)
    if (field === "email") return { email: String(value).toLowerCase() };
    return { [field]: String(value) };
  };
  return { OR: dnf.map((all) => ({ AND: all.map(clause) })) };
}

export async function listScimUsers(filter: string | null, page: Page) {
  const where = filter ? whereOf(translateFilter(filter, USER_FILTER)) : {};
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    page.count === 0
      ? Promise.resolve([])
      : db.user.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: page.startIndex - 1,
          take: page.count,
          select: scimUserSelect,
        }),
  ]);
  return { total, rows: rows.map(row) };
}

async function find(tx: DbTx, id: string): Promise<ScimUserRow> {
  const u = await tx.user.findUnique({ where: { id }, select: scimUserSelect });
  if (!u) throw new ScimError(404, `No user ${id}.`);
  return row(u);
}

export const getScimUser = (id: string) => find(db, id);

const taken = () => new ScimError(409, "A user with this userName exists already.", "uniqueness");
/** A unique-index error that slipped past the checks is the same answer. */
const uniqueness = (e: unknown) => {
  throw (e as { code?: string })?.code === "P2002" ? taken() : e;
};

export async function createScimUser(caller: ScimCaller, v: ScimUserInput): Promise<ScimUserRow> {
  return db
    .$transaction(async (tx) => {
      // the admin screen's own key: of two creations of one e-mail at once, from SCIM or the
      // screen, the second waits and then sees the first (docs/decisions/014)
      await serialize(tx, `user-email:${v.email}`);
      if (await tx.user.count({ where: { email: v.email } })) throw taken();
      // no app role until a group grants one; no password: the person signs in through SSO
      const u = await tx.user.create({
        data: {
          email: v.email,
          name: v.name,
          active: v.active,
          deactivatedAt: v.active ? null : new Date(),
          externalId: v.externalId,
        },
        select: scimUserSelect,
      });
      await audit(tx, {
        actorId: null,
        action: "user.created",
        entityType: "User",
        entityId: u.id,
        after: { name: v.name, email: v.email, roles: [], active: v.active, via: { scimTokenId: caller.tokenId } },
      });
      return row(u);
    })
    .catch(uniqueness);
}

/** PUT, PATCH and DELETE end here: the account as `next` describes it, its roles unchanged. */
async function apply(tx: DbTx, caller: ScimCaller, before: ScimUserRow, next: ScimUserInput) {
  if (next.email !== before.email) {
    await serialize(tx, `user-email:${next.email}`);
    if (await tx.user.count({ where: { email: next.email, id: { not: before.id } } })) throw taken();
  }
  await changeAccount(tx, { actorId: null, scimTokenId: caller.tokenId }, before.id, {
    name: next.name,
    roles: before.roles,
    active: next.active,
    email: next.email,
    externalId: next.externalId,
  });
  return find(tx, before.id);
}

/**
 * One change of one account at a time, after any change of roles in flight: the roles read
 * here are the ones written back (the "admins" key, as changeAccount takes it).
 */
function change(caller: ScimCaller, id: string, next: (before: ScimUserRow) => ScimUserInput) {
  return db
    .$transaction(async (tx) => {
      await serialize(tx, "admins");
      const before = await find(tx, id);
      return apply(tx, caller, before, next(before));
    })
    .catch(uniqueness);
}

export const replaceScimUser = (caller: ScimCaller, id: string, v: ScimUserInput) => change(caller, id, () => v);

export const patchScimUser = (caller: ScimCaller, id: string, ops: PatchOp[]) =>
  change(caller, id, (before) => patchedUser(renderUser(before, "", env.scimGroups), ops));

/** DELETE deactivates: the account stays, for the audit trail and the scorecards it wrote. */
export const deactivateScimUser = (caller: ScimCaller, id: string) =>
  change(caller, id, (before) => ({ ...before, active: false }));
