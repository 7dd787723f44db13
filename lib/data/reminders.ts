import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { endsAt as endOf, isOverdue, LONGEST_INTERVIEW_MS, OVERDUE_AFTER_MS } from "../domain/my-interviews";
import { digestMail, scorecardReminderMail, type DigestOpening } from "../domain/reminder-mail";
import {
  currentReminder,
  digestDueKey,
  digestKey,
  FIRST_REMINDER_AFTER_MS,
  parseReminderKey,
  REMINDER_LEASE_MS,
  REMINDER_MAX_ATTEMPTS,
  reminderRetryDelayMs,
  reminderSchedule,
  reminderWindowMs,
  safeTimeZone,
  scorecardReminderKey,
} from "../domain/reminders";
import { env } from "../env";
import { configuredMailer, messageIdFor, type Mailer, type MailMessage } from "../mail";
import { join, notSubmitted, sql } from "./sql";

// The reminder worker's pass (issue 10, docs/decisions/013). Every reminder is one row with a
// unique key, inserted with ON CONFLICT DO NOTHING, so two workers (or a restart) never create one
// twice; a row is sent only by the worker whose conditional update moved it pending → sending.
// A row left in `sending` past the lease is abandoned, never resent: at most once. The e-mail is
// written at send time from the database as it is then; the table holds no candidate text.

/** A digest lists this many overdue scorecards per opening, then says how many more. */
export const DIGEST_ITEMS_PER_OPENING = 25;

export type ReminderCounts = {
  /** scorecard reminders queued (pending) this pass */
  queued: number;
  /** earlier reminders never created (the worker was down) recorded as skipped, not sent */
  missed: number;
  /** recruiters' digests queued this pass */
  digestsQueued: number;
  /** e-mails accepted by the SMTP server */
  sent: number;
  /** reminders due while SMTP_URL is unset: the in-app notice only, the row marked skipped with that reason */
  inAppOnly: number;
  retrying: number;
  failed: number;
  /** claimed, then found no longer needed (submitted, cancelled, paused, out of date…) */
  skipped: number;
  /** left in `sending` by a worker that stopped mid-send; never resent */
  abandoned: number;
};

export type RunRemindersOptions = {
  now?: Date;
  /** default: the mailer SMTP_URL configures; null = no e-mail (in-app notices only) */
  mailer?: Mailer | null;
  /** default REMINDER_BUSINESS_DAYS */
  followUpDays?: number;
  /** most reminders sent in one pass (the rest wait for the next) */
  limit?: number;
};

const baseUrl = () => (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const asDate = (d: Date | string) => new Date(d);

type NewReminder = {
  key: string;
  kind: "scorecard" | "digest";
  userId: string;
  interviewId: string | null;
  dueAt: Date;
  lastError: string | null;
};

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
async function queueScorecardReminders(now: Date, followUpDays: number) {
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
  const pending: NewReminder[] = [];
  const missed: NewReminder[] = [];
  for (const r of rows) {
    const input = {
      endsAt: endOf({ scheduledAt: asDate(r.scheduledAt), durationMinutes: Number(r.durationMinutes) }),
      timeZone: safeTimeZone(r.timeZone),
      followUpDays,
    };
    const current = currentReminder(input, now);
    const created = Number(r.created);
    if (!current || current.index < created) continue;
    const schedule = reminderSchedule(input);
    for (let n = created; n <= current.index; n++) {
      const row = {
        key: scorecardReminderKey(r.id, n),
        kind: "scorecard" as const,
        userId: r.interviewerId,
        interviewId: r.id,
        dueAt: schedule[n],
      };
      if (n === current.index) pending.push({ ...row, lastError: null });
      else missed.push({ ...row, lastError: "missed: a later reminder was already due when the worker came to it" });
    }
  }
  return {
    missed: await insertReminders(missed, "skipped", now),
    queued: await insertReminders(pending, "pending", now),
  };
}

/** The open, unsubmitted, overdue-looking interviews of recruiters' open openings (candidates not erased). */
const overdueScope = (cutoff: Date) => sql`
  FROM "Opening" o
  JOIN "Candidate" c ON c."openingId" = o."id"
  JOIN "Interview" i ON i."candidateId" = c."id"
  JOIN "User" iu ON iu."id" = i."interviewerId"
  LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
  WHERE o."status" = 'open' AND c."erasedAt" IS NULL AND i."status" = 'scheduled' AND i."scheduledAt" < ${cutoff} AND ${notSubmitted}`;

/**
 * (c) Each active recruiter of an open opening who has not paused reminders, once it is 09:00 on
 * a business day where they are: one row per recruiter and local day — pending if anything
 * looks overdue, else skipped ("nothing overdue"), so the check runs once a day, not every pass.
 */
async function queueDigests(now: Date) {
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
        sql`SELECT DISTINCT o."recruiterId" AS "id" ${overdueScope(new Date(now.getTime() - OVERDUE_AFTER_MS))} AND o."recruiterId" IN (${join(todo.map((d) => d.userId))})`,
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

type Prepared = { skip: string } | { message: Omit<MailMessage, "messageId"> | null };

/** At send time: is the scorecard reminder still wanted, and its words. */
async function prepareScorecard(
  reminder: { userId: string },
  interviewId: string,
  n: number,
  now: Date,
  followUpDays: number,
  hasMailer: boolean,
): Promise<Prepared> {
  const i = await db.interview.findUnique({
    where: { id: interviewId },
    select: {
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      interviewerId: true,
      exercise: { select: { title: true } },
      scorecard: { select: { status: true } },
      candidate: { select: { name: true, erasedAt: true, opening: { select: { title: true, status: true } } } },
      interviewer: { select: { email: true, name: true, active: true, remindersPaused: true, timeZone: true } },
    },
  });
  if (!i) return { skip: "interview deleted" };
  if (i.status !== "scheduled") return { skip: "interview cancelled" };
  if (i.scorecard?.status === "submitted") return { skip: "scorecard submitted" };
  if (i.interviewerId !== reminder.userId) return { skip: "interviewer changed" };
  if (!i.interviewer.active) return { skip: "user deactivated" };
  if (i.interviewer.remindersPaused) return { skip: "reminders paused" };
  if (i.candidate.erasedAt) return { skip: "candidate erased" };
  if (i.candidate.opening.status === "closed") return { skip: "opening closed" };
  const timeZone = safeTimeZone(i.interviewer.timeZone);
  if (currentReminder({ endsAt: endOf(i), timeZone, followUpDays }, now)?.index !== n)
    return { skip: "out of date: not the current reminder" };
  if (!hasMailer) return { message: null };
  const words = scorecardReminderMail({
    baseUrl: baseUrl(),
    interviewId,
    interviewerName: i.interviewer.name,
    candidateName: i.candidate.name,
    openingTitle: i.candidate.opening.title,
    exerciseTitle: i.exercise?.title ?? null,
    scheduledAt: i.scheduledAt,
    timeZone,
    n,
    followUpDays,
  });
  return { message: { to: i.interviewer.email, ...words } };
}

/** At send time: the recruiter's overdue scorecards, grouped by opening, exactly (isOverdue). */
async function prepareDigest(userId: string, date: string, now: Date, hasMailer: boolean): Promise<Prepared> {
  if (!hasMailer) return { skip: "no SMTP_URL: digests are e-mail only" };
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, active: true, remindersPaused: true, timeZone: true },
  });
  if (!u || !u.active) return { skip: "user deactivated" };
  if (u.remindersPaused) return { skip: "reminders paused" };
  const timeZone = safeTimeZone(u.timeZone);
  if (digestDueKey(now, timeZone) !== date) return { skip: "out of date: not today's digest" };
  const rows = await db.$queryRaw<
    {
      openingId: string;
      openingTitle: string;
      candidateId: string;
      candidateName: string;
      interviewerName: string;
      scheduledAt: Date | string;
      durationMinutes: number | bigint;
    }[]
  >(sql`
    SELECT o."id" AS "openingId", o."title" AS "openingTitle", c."id" AS "candidateId", c."name" AS "candidateName", iu."name" AS "interviewerName", i."scheduledAt", i."durationMinutes"
    ${overdueScope(new Date(now.getTime() - OVERDUE_AFTER_MS))} AND o."recruiterId" = ${userId}
    ORDER BY o."title" ASC, o."id" ASC, i."scheduledAt" ASC, i."id" ASC`);
  const openings = new Map<string, DigestOpening>();
  for (const r of rows) {
    const item = { scheduledAt: asDate(r.scheduledAt), durationMinutes: Number(r.durationMinutes), scorecard: null };
    if (!isOverdue(item, now)) continue;
    const o = openings.get(r.openingId) ?? { id: r.openingId, title: r.openingTitle, items: [], total: 0 };
    openings.set(r.openingId, o);
    o.total++;
    if (o.items.length < DIGEST_ITEMS_PER_OPENING)
      o.items.push({
        candidateId: r.candidateId,
        candidateName: r.candidateName,
        interviewerName: r.interviewerName,
        scheduledAt: item.scheduledAt,
        endsAt: endOf(item),
      });
  }
  if (!openings.size) return { skip: "nothing overdue" };
  const words = digestMail({
    baseUrl: baseUrl(),
    recruiterName: u.name,
    timeZone,
    now,
    openings: [...openings.values()],
  });
  return { message: { to: u.email, ...words } };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").slice(0, 300);

/**
 * One pass of the reminder worker: abandon stale leases, queue what is due (scorecard reminders,
 * then digests), then claim and send due rows one by one. Safe to run in several processes at
 * once. `now` drives every decision; claim and send times move on from it with the real clock.
 */
export async function runReminders(opts: RunRemindersOptions = {}): Promise<ReminderCounts> {
  const now = opts.now ?? new Date();
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const mailer = opts.mailer === undefined ? configuredMailer() : opts.mailer;
  const followUpDays = opts.followUpDays ?? env.REMINDER_BUSINESS_DAYS;
  const counts: ReminderCounts = {
    queued: 0,
    missed: 0,
    digestsQueued: 0,
    sent: 0,
    inAppOnly: 0,
    retrying: 0,
    failed: 0,
    skipped: 0,
    abandoned: 0,
  };

  counts.abandoned = (
    await db.reminder.updateMany({
      where: { status: "sending", claimedAt: { lt: new Date(now.getTime() - REMINDER_LEASE_MS) } },
      data: { status: "abandoned", lastError: "the worker stopped while sending; not resent (at most once)" },
    })
  ).count;

  Object.assign(counts, await queueScorecardReminders(now, followUpDays));
  if (mailer) counts.digestsQueued = await queueDigests(now);

  const due = await db.reminder.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: opts.limit ?? 500,
    select: { id: true, key: true, userId: true, attempts: true, nextAttemptAt: true },
  });
  for (const r of due) {
    const claimedAt = clock();
    const claim = await db.reminder.updateMany({
      where: { id: r.id, status: "pending", nextAttemptAt: r.nextAttemptAt },
      data: { status: "sending", claimedAt },
    });
    if (claim.count !== 1) continue; // another worker has it
    const mine = { id: r.id, status: "sending", claimedAt };
    const attempts = r.attempts + 1;
    const parsed = parseReminderKey(r.key);
    try {
      const prepared: Prepared = !parsed
        ? { skip: "unknown key" }
        : parsed.kind === "scorecard"
          ? await prepareScorecard(r, parsed.interviewId, parsed.n, now, followUpDays, !!mailer)
          : await prepareDigest(parsed.userId, parsed.date, now, !!mailer);
      if ("skip" in prepared) {
        await db.reminder.updateMany({ where: mine, data: { status: "skipped", lastError: prepared.skip } });
        counts.skipped++;
        continue;
      }
      if (prepared.message && mailer)
        await mailer.send({ ...prepared.message, messageId: messageIdFor(r.key, mailer.from) });
    } catch (e) {
      const gaveUp = attempts >= REMINDER_MAX_ATTEMPTS;
      await db.reminder.updateMany({
        where: mine,
        data: {
          status: gaveUp ? "failed" : "pending",
          attempts,
          lastError: errorText(e),
          nextAttemptAt: new Date(clock().getTime() + reminderRetryDelayMs(attempts)),
        },
      });
      counts[gaveUp ? "failed" : "retrying"]++;
      continue;
    }
    // sent (a row abandoned meanwhile was still sent); without SMTP the notice in the app is all there is
    await db.reminder.updateMany({
      where: { id: r.id, status: { in: ["sending", "abandoned"] }, claimedAt },
      data: mailer
        ? { status: "sent", attempts, sentAt: clock(), lastError: null }
        : { status: "skipped", attempts, lastError: "no e-mail: SMTP_URL is not set (in-app notice only)" },
    });
    counts[mailer ? "sent" : "inAppOnly"]++;
  }
  return counts;
}
