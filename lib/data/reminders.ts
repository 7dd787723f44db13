import "server-only";
import { db } from "../db";
import { digestMail, scorecardReminderMail } from "../domain/reminder-mail";
import { overdueByOpening, scorecardReminderSkip } from "../domain/reminder-send";
import {
  digestDueKey,
  parseReminderKey,
  REMINDER_LEASE_MS,
  REMINDER_MAX_ATTEMPTS,
  reminderRetryDelayMs,
  safeTimeZone,
} from "../domain/reminders";
import { env } from "../env";
import { configuredMailer, messageIdFor, type Mailer, type MailMessage } from "../mail";
import { overdueScope, queueDigests, queueScorecardReminders } from "./reminder-queue";
import { asDate, sql } from "./sql";

// The reminder worker's pass (docs/decisions/013). Every reminder is one row with a
// unique key, inserted with ON CONFLICT DO NOTHING, so two workers (or a restart) never create one
// twice; a row is sent only by the worker whose conditional update moved it pending → sending.
// A row left in `sending` past the lease is abandoned, never resent: at most once. The e-mail is
// written at send time from the database as it is then; the table holds no candidate text.

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
  const skip = scorecardReminderSkip(i, reminder.userId, n, now, followUpDays);
  if (skip) return { skip };
  if (!hasMailer) return { message: null };
  const words = scorecardReminderMail({
    baseUrl: baseUrl(),
    interviewId,
    interviewerName: i.interviewer.name,
    candidateName: i.candidate.name,
    openingTitle: i.candidate.opening.title,
    exerciseTitle: i.exercise?.title ?? null,
    scheduledAt: i.scheduledAt,
    timeZone: safeTimeZone(i.interviewer.timeZone),
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
    ${overdueScope(now)} AND o."recruiterId" = ${userId}
    ORDER BY o."title" ASC, o."id" ASC, i."scheduledAt" ASC, i."id" ASC`);
  const openings = overdueByOpening(
    rows.map((r) => ({ ...r, scheduledAt: asDate(r.scheduledAt), durationMinutes: Number(r.durationMinutes) })),
    now,
  );
  if (!openings.length) return { skip: "nothing overdue" };
  const words = digestMail({
    baseUrl: baseUrl(),
    recruiterName: u.name,
    timeZone,
    now,
    openings,
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
