import "server-only";
import { db } from "../db";
import { audit } from "./audit";
import type { Viewer } from "../domain/permissions";

// Ending sessions (docs/decisions/016): one, by the id it carries, when it signs out; all of a
// user's, by moving their session generation on. API tokens are separate (docs/decisions/007).

/** Whether the session with this id was ended by signing out. */
export async function isSessionEnded(sessionId: string): Promise<boolean> {
  return !!(await db.endedSession.findUnique({ where: { id: sessionId }, select: { id: true } }));
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
