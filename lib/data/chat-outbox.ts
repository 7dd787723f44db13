import "server-only";
import { randomUUID } from "node:crypto";
import { db, type DbTx } from "../db";
import { chatKey, type ChatDestination, type ChatEvent } from "../domain/chat-notices";
import { MISSED_REMINDER } from "../domain/reminder-queue";
import { join, sql } from "./sql";

// The chat notices' outbox (docs/decisions/073-chat-notices.md): rows of the reminder queue (kind
// "chat"), written in the transaction of the change they report, so none is lost or sent for a
// change that rolled back, and delivered by the reminder worker outside it (claim, send, mark:
// lib/data/chat-delivery.ts). The key is per event and destination, inserted with ON CONFLICT DO
// NOTHING, so a notice is queued once however often its event is reported. The row holds keys,
// never text: the words are written at send time.

type NewChat = {
  event: ChatEvent;
  dest: ChatDestination;
  subject: string;
  userId: string;
  requestedById?: string | null;
};

async function insertChat(tx: DbTx, rows: NewChat[], now: Date): Promise<number> {
  if (!rows.length) return 0;
  const values = rows.map(
    (r) =>
      sql`(${randomUUID()}, ${chatKey(r.event, r.dest, r.subject)}, 'chat', ${r.userId}, ${r.requestedById ?? null}, ${now}, 'pending', 0, ${now}, ${now})`,
  );
  return tx.$executeRaw(sql`
    INSERT INTO "Reminder" ("id", "key", "kind", "userId", "requestedById", "dueAt", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES ${join(values)}
    ON CONFLICT ("key") DO NOTHING`);
}

/** The candidate's opening, when it has a channel. */
async function channelOf(tx: DbTx, candidateId: string) {
  const c = await tx.candidate.findUnique({
    where: { id: candidateId },
    select: { opening: { select: { id: true, chatUrl: true } } },
  });
  return c?.opening.chatUrl ? c.opening.id : null;
}

/**
 * Inside submitScorecard's transaction, which holds the candidate's lock (so of two last
 * submissions, the second sees the first): "a scorecard was submitted", and "ready for debrief"
 * when no planned interview of the candidate is left without a submitted scorecard.
 */
export async function enqueueSubmissionNotices(
  tx: DbTx,
  e: { scorecardId: string; candidateId: string; interviewerId: string },
  now: Date,
) {
  const openingId = await channelOf(tx, e.candidateId);
  if (!openingId) return;
  const dest = { type: "opening", id: openingId } as const;
  const rows: NewChat[] = [{ event: "submitted", dest, subject: e.scorecardId, userId: e.interviewerId }];
  const owed = await tx.interview.count({
    where: {
      candidateId: e.candidateId,
      status: "scheduled",
      OR: [{ scorecard: null }, { scorecard: { status: { not: "submitted" } } }],
    },
  });
  if (owed === 0) rows.push({ event: "debrief", dest, subject: e.candidateId, userId: e.interviewerId });
  await insertChat(tx, rows, now);
}

/** Inside recordDecision's transaction: "a decision was recorded" (never which). */
export async function enqueueDecisionNotice(
  tx: DbTx,
  e: { decisionId: string; candidateId: string; decidedById: string },
  now: Date,
) {
  const openingId = await channelOf(tx, e.candidateId);
  if (!openingId) return;
  await insertChat(
    tx,
    [{ event: "decision", dest: { type: "opening", id: openingId }, subject: e.decisionId, userId: e.decidedById }],
    now,
  );
}

/**
 * In each worker pass, after the e-mail reminders are queued: the chat twin of every scorecard
 * reminder and recruiter's Remind of the last day, for people who have set a chat URL. Whether it
 * is still wanted is decided at send time by the same rules as the e-mail's (reminder-prepare.ts).
 * Read per person with a chat URL through the (userId, dueAt) index: SQLite keeps the left table
 * of a CROSS JOIN as the outer loop, as in queueScorecardReminders.
 */
export async function queueChatReminders(now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ key: string; userId: string; requestedById: string | null }[]>(sql`
    SELECT r."key", r."userId", r."requestedById"
    FROM "User" u CROSS JOIN "Reminder" r
    WHERE r."userId" = u."id" AND r."kind" IN ('scorecard', 'manual') AND r."dueAt" > ${new Date(now.getTime() - 24 * 3600_000)}
      AND r."dueAt" <= ${now} AND (r."lastError" IS NULL OR r."lastError" <> ${MISSED_REMINDER})
      AND u."chatUrl" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Reminder" c WHERE c."key" = 'chat:reminder:user:' || r."userId" || ':' || r."key")`);
  let queued = 0;
  for (let i = 0; i < rows.length; i += 300)
    queued += await insertChat(
      db,
      rows.slice(i, i + 300).map((r) => ({
        event: "reminder",
        dest: { type: "user", id: r.userId },
        subject: r.key,
        userId: r.userId,
        requestedById: r.requestedById,
      })),
      now,
    );
  return queued;
}
