import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type DbTx } from "../db";
import { interviewFeed } from "../domain/calendar";
import type { Viewer } from "../domain/permissions";
import { inviteKey, safeTimeZone } from "../domain/reminders";
import { audit } from "./audit";
import { baseUrl } from "./reminder-prepare";

// Calendar invites and the private feed (docs/decisions/069-calendar-invites-and-feed.md). An
// invite is a Reminder row (kind "invite") made in the same transaction as the change to the
// interview, so a planned, moved or cancelled interview always has its invite queued, once; the
// reminder worker sends it (lib/data/reminders.ts) with the words of the interview as it is then.

/**
 * Raises the interview's sequence and queues one invite per recipient at the new sequence: the
 * interviewer now, and the one before when it changed (who gets a CANCEL at send time).
 */
export async function queueInvites(tx: DbTx, interviewId: string, recipients: readonly string[], now: Date) {
  const { sequence } = await tx.interview.update({
    where: { id: interviewId },
    data: { sequence: { increment: 1 } },
    select: { sequence: true },
  });
  await insertInvites(
    tx,
    [...new Set(recipients)].map((userId) => ({ interviewId, sequence, userId })),
    now,
  );
}

/** Queues the first invite (sequence 0) of each newly planned interview, to its interviewer. */
export async function queueFirstInvites(
  tx: DbTx,
  interviews: readonly { id: string; interviewerId: string }[],
  now: Date,
) {
  await insertInvites(
    tx,
    interviews.map((i) => ({ interviewId: i.id, sequence: 0, userId: i.interviewerId })),
    now,
  );
}

async function insertInvites(
  tx: DbTx,
  rows: readonly { interviewId: string; sequence: number; userId: string }[],
  now: Date,
) {
  // in batches: an import plans thousands at once, and SQLite bounds the parameters of one statement
  for (let i = 0; i < rows.length; i += 500)
    await tx.reminder.createMany({
      data: rows.slice(i, i + 500).map((r) => ({
        key: inviteKey(r.interviewId, r.sequence, r.userId),
        kind: "invite",
        userId: r.userId,
        interviewId: r.interviewId,
        dueAt: now,
        nextAttemptAt: now,
      })),
    });
}

const feedHash = (secret: string) => createHash("sha256").update(secret).digest("hex");
const feedUrl = (secret: string) => `${baseUrl()}/calendar/${secret}.ics`;

/** Whether the signed-in person has a feed, and since when; the address itself is shown once. */
export async function calendarFeedStatus(viewer: Viewer) {
  const u = await db.user.findUnique({ where: { id: viewer.id }, select: { calendarFeedCreatedAt: true } });
  return { active: !!u?.calendarFeedCreatedAt, createdAt: u?.calendarFeedCreatedAt?.toISOString() ?? null };
}

/**
 * A new private feed address for the signed-in person; any earlier one stops working at once.
 * Only a hash of its secret is stored, so this answer is the only time the address is shown.
 */
export async function createCalendarFeed(viewer: Viewer) {
  const secret = randomBytes(32).toString("base64url");
  const createdAt = new Date();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: viewer.id }, select: { calendarFeedHash: true } });
    await tx.user.update({
      where: { id: viewer.id },
      data: { calendarFeedHash: feedHash(secret), calendarFeedCreatedAt: createdAt },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: before?.calendarFeedHash ? "calendar-feed.replaced" : "calendar-feed.created",
      entityType: "User",
      entityId: viewer.id,
    });
  });
  return { url: feedUrl(secret), createdAt: createdAt.toISOString() };
}

/** Turns the feed off: its address answers 404 from now on. */
export async function revokeCalendarFeed(viewer: Viewer) {
  await db.$transaction(async (tx) => {
    const gone = await tx.user.updateMany({
      where: { id: viewer.id, calendarFeedHash: { not: null } },
      data: { calendarFeedHash: null, calendarFeedCreatedAt: null },
    });
    if (gone.count)
      await audit(tx, { actorId: viewer.id, action: "calendar-feed.revoked", entityType: "User", entityId: viewer.id });
  });
  return { active: false };
}

/** How far back the feed reaches: last month's interviews stay visible, older ones drop off. */
const FEED_PAST_DAYS = 30;

/**
 * The feed a secret opens, or null (404) when no active person holds it. Only that person's own
 * planned interviews, with no one's feedback: the secret is the whole credential.
 */
export async function calendarFeedFor(secret: string, now = new Date()): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { calendarFeedHash: feedHash(secret) },
    select: { id: true, active: true, timeZone: true },
  });
  if (!user || !user.active) return null;
  const interviews = await db.interview.findMany({
    where: {
      interviewerId: user.id,
      status: "scheduled",
      scheduledAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) },
      candidate: { erasedAt: null },
    },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      scheduledAt: true,
      durationMinutes: true,
      sequence: true,
      exercise: { select: { title: true } },
      candidate: { select: { name: true, opening: { select: { title: true } } } },
    },
  });
  const timeZone = safeTimeZone(user.timeZone);
  return interviewFeed(
    interviews.map((i) => ({
      baseUrl: baseUrl(),
      interviewId: i.id,
      candidateName: i.candidate.name,
      openingTitle: i.candidate.opening.title,
      exerciseTitle: i.exercise?.title ?? null,
      scheduledAt: i.scheduledAt,
      durationMinutes: i.durationMinutes,
      timeZone,
      sequence: i.sequence,
    })),
    now,
    timeZone,
  );
}
