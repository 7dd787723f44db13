import "server-only";
import { db, type DbTx } from "../db";
import { audit } from "./audit";
import type { Viewer } from "../domain/permissions";
import { sql } from "./sql";

// Ending sessions (docs/decisions/016): one, by the id it carries, when it signs out; all of a
// user's, by moving their session generation on. API tokens are separate (docs/decisions/007).

type SessionRow = {
  id: string;
  email: string;
  name: string;
  active: unknown;
  sessionGeneration: number | bigint;
  role: string | null;
  ended: unknown;
};

// SQLite returns booleans as 0 / 1 (or bigint) through a raw query; PostgreSQL as booleans
const truthy = (v: unknown) => v === true || Number(v) === 1;

/**
 * What every signed-in request needs to know about its session, in one statement
 * (docs/decisions/063): the user as stored now (active, roles, session generation) and whether
 * this session's id was ended by signing out. Null when there is no active user of that id.
 */
export async function findSessionUser(
  userId: string,
  sessionId: string,
  client: DbTx = db,
): Promise<{
  user: { id: string; email: string; name: string; roles: string[]; sessionGeneration: number };
  ended: boolean;
} | null> {
  const rows = await client.$queryRaw<SessionRow[]>(sql`
    SELECT u."id", u."email", u."name", u."active", u."sessionGeneration", r."role",
      EXISTS (SELECT 1 FROM "EndedSession" e WHERE e."id" = ${sessionId}) AS "ended"
    FROM "User" u LEFT JOIN "UserRole" r ON r."userId" = u."id"
    WHERE u."id" = ${userId}
    ORDER BY r."role"`);
  const first = rows[0];
  if (!first || !truthy(first.active)) return null;
  return {
    user: {
      id: first.id,
      email: first.email,
      name: first.name,
      roles: rows.flatMap((r) => (r.role ? [r.role] : [])),
      sessionGeneration: Number(first.sessionGeneration),
    },
    ended: truthy(first.ended),
  };
}

/**
 * Records a signed-out session until it would have expired anyway, and drops the records whose
 * sessions have expired since (a sign-out is frequent enough to keep the table small).
 */
export async function endSession(
  s: { sessionId: string; userId: string; expiresAt: Date },
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.endedSession.upsert({
      where: { id: s.sessionId },
      create: { id: s.sessionId, userId: s.userId, expiresAt: s.expiresAt },
      update: {},
      select: { id: true },
    });
    await tx.endedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  });
}

/** "Sign out everywhere": every session the user holds, this one included, stops working. */
export async function endAllMySessions(viewer: Viewer): Promise<{ ended: true }> {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: viewer.id },
      data: { sessionGeneration: { increment: 1 } },
      select: { id: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "user.signed_out_everywhere",
      entityType: "User",
      entityId: viewer.id,
    });
  });
  return { ended: true };
}
