import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { LONGEST_INTERVIEW_MS, OVERDUE_AFTER_MS } from "../domain/my-interviews";
import { scorecardRemindersToQueue, type NewReminder } from "../domain/reminder-queue";
import { digestDueKey, digestKey, FIRST_REMINDER_AFTER_MS, reminderWindowMs, safeTimeZone } from "../domain/reminders";
import { asDate, join, notSubmitted, sql } from "./sql";

// The reminder worker's queueing (docs/decisions/013): each reminder is one row with a unique key,
// inserted with ON CONFLICT DO NOTHING, so two workers (or a restart) never create one twice.

/** Inserts rows that do not exist yet (by key); returns how many were new. */
async function insertReminders(rows: NewReminder[], status: "pending" | "skipped", now: Date): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 300) {
    const values = rows
      .slice(i, i + 300)
      .map(
        (r) =>
          sql`(${randomUUID()}, ${r.key}, ${r.kind}, ${r.userId}, ${r.interviewId}, ${r.dueAt}, ${status}, 0, ${r.dueAt}, ${r.lastError}, ${now})`,
      );
    inserted += await db.$executeRaw(sql`
      INSERT INTO "Reminder" ("id", "key", "kind", "userId", "interviewId", "dueAt", "status", "attempts", "nextAttemptAt", "lastError", "createdAt")
      VALUES ${join(values)}
      ON CONFLICT ("key") DO NOTHING`);
  }
  return inserted;
}

/**
 * (a) One set-based scan of the interviews whose reminders can still be current (ended within
 * reminderWindowMs), owed a scorecard, by an active interviewer who has not paused reminders, on
 * a candidate not erased, in an opening not closed — with how many reminder rows each has. For
 * each, the current reminder is queued and any earlier one never created is recorded as skipped.
 * There is no index on the start time alone: the (interviewerId, scheduledAt) index is read once
 * per interviewer instead. SQLite keeps the left table of a CROSS JOIN as the outer loop (without
 * it, it scans every interview ever held); PostgreSQL plans the same SQL by its statistics.
 */
export async function queueScorecardReminders(now: Date, followUpDays: number) {
  const since = new Date(now.getTime() - reminderWindowMs(followUpDays) - LONGEST_INTERVIEW_MS);
  const until = new Date(now.getTime() - FIRST_REMINDER_AFTER_MS);
  const rows = await db.$queryRaw<
    {
      id: string;
      interviewerId: string;
      scheduledAt: Date | string;
      durationMinutes: number | bigint;
      timeZone: string;
      created: number | bigint;
    }[]
  >(sql`
    SELECT i."id", i."interviewerId", i."scheduledAt", i."durationMinutes", u."timeZone",
      (SELECT COUNT(*) FROM "Reminder" r WHERE r."interviewId" = i."id" AND r."kind" = 'scorecard') AS "created"
    FROM "User" u
    CROSS JOIN "Interview" i
    JOIN "Candidate" c ON c."id" = i."candidateId"
    JOIN "Opening" o ON o."id" = c."openingId"
    LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
    WHERE i."interviewerId" = u."id" AND u."active" = true AND u."remindersPaused" = false
      AND i."status" = 'scheduled' AND i."scheduledAt" > ${since} AND i."scheduledAt" <= ${until}
      AND ${notSubmitted} AND c."erasedAt" IS NULL AND o."status" <> 'closed'`);
  const owed = rows.map((r) => ({
    ...r,
    scheduledAt: asDate(r.scheduledAt),
    durationMinutes: Number(r.durationMinutes),
    created: Number(r.created),
  }));
  const { pending, missed } = scorecardRemindersToQueue(owed, now, followUpDays);
  return {
    missed: await insertReminders(missed, "skipped", now),
    queued: await insertReminders(pending, "pending", now),
  };
}

/**
 * The open, unsubmitted, overdue-looking interviews of recruiters' open openings (candidates not
 * erased): started before now less OVERDUE_AFTER_MS, necessary for overdue; the exact test
 * (isOverdue) runs on the rows.
 */
export const overdueScope = (now: Date) => sql`
  FROM "Opening" o
  JOIN "Candidate" c ON c."openingId" = o."id"
  JOIN "Interview" i ON i."candidateId" = c."id"
  JOIN "User" iu ON iu."id" = i."interviewerId"
  LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
  WHERE o."status" = 'open' AND c."erasedAt" IS NULL AND i."status" = 'scheduled' AND i."scheduledAt" < ${new Date(now.getTime() - OVERDUE_AFTER_MS)} AND ${notSubmitted}`;

/**
 * (c) Each active recruiter of an open opening who has not paused reminders, once it is 09:00 on
 * a business day where they are: one row per recruiter and local day — pending if anything
 * looks overdue, else skipped ("nothing overdue"), so the check runs once a day, not every pass.
 */
export async function queueDigests(now: Date) {
  const recruiters = await db.user.findMany({
    where: { active: true, remindersPaused: false, recruitedOpenings: { some: { status: "open" } } },
    select: { id: true, timeZone: true },
  });
  const due = recruiters.flatMap((u) => {
    const date = digestDueKey(now, safeTimeZone(u.timeZone));
    return date ? [{ userId: u.id, key: digestKey(u.id, date) }] : [];
  });
  if (!due.length) return 0;
  const existing = new Set(
    (await db.reminder.findMany({ where: { key: { in: due.map((d) => d.key) } }, select: { key: true } })).map(
      (r) => r.key,
    ),
  );
  const todo = due.filter((d) => !existing.has(d.key));
  if (!todo.length) return 0;
  // scheduledAt before the cutoff is necessary for overdue; the exact test runs at send time
  const withOverdue = new Set(
    (
      await db.$queryRaw<{ id: string }[]>(
        sql`SELECT DISTINCT o."recruiterId" AS "id" ${overdueScope(now)} AND o."recruiterId" IN (${join(todo.map((d) => d.userId))})`,
      )
    ).map((r) => r.id),
  );
  const rows = (d: (typeof todo)[number], lastError: string | null): NewReminder => ({
    key: d.key,
    kind: "digest",
    userId: d.userId,
    interviewId: null,
    dueAt: now,
    lastError,
  });
  await insertReminders(
    todo.filter((d) => !withOverdue.has(d.userId)).map((d) => rows(d, "nothing overdue")),
    "skipped",
    now,
  );
  return insertReminders(
    todo.filter((d) => withOverdue.has(d.userId)).map((d) => rows(d, null)),
    "pending",
    now,
  );
}
