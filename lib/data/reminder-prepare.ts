import "server-only";
import { db } from "../db";
import { manualReminderMail, remindRefusal } from "../domain/manual-reminders";
import { digestMail, scorecardReminderMail } from "../domain/reminder-mail";
import { overdueByOpening, scorecardReminderSkip } from "../domain/reminder-send";
import { interviewInvite, organizerOf } from "../domain/calendar";
import { digestDueKey, parseReminderKey, safeTimeZone } from "../domain/reminders";
import { env } from "../env";
import type { MailMessage } from "../mail";
import { overdueScope } from "./reminder-queue";
import { asDate, sql } from "./sql";

// At send time (docs/decisions/013-reminders.md): whether a claimed reminder is still wanted, and
// its words, read from the database as it is then (the Reminder table holds no candidate text).

export const baseUrl = () => (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");

/** What both kinds of reminder re-check at send time, and the words of the mail. */
const interviewSelect = {
  status: true,
  scheduledAt: true,
  durationMinutes: true,
  interviewerId: true,
  exercise: { select: { title: true } },
  scorecard: { select: { status: true } },
  candidate: { select: { name: true, erasedAt: true, opening: { select: { title: true, status: true } } } },
  interviewer: { select: { email: true, name: true, active: true, remindersPaused: true, timeZone: true } },
} as const;

type InterviewRead = NonNullable<Awaited<ReturnType<typeof readInterview>>>;
const readInterview = (id: string) => db.interview.findUnique({ where: { id }, select: interviewSelect });

/** What both kinds of mail say about the interview. */
const mailFacts = (i: InterviewRead, interviewId: string) => ({
  baseUrl: baseUrl(),
  interviewId,
  interviewerName: i.interviewer.name,
  candidateName: i.candidate.name,
  openingTitle: i.candidate.opening.title,
  exerciseTitle: i.exercise?.title ?? null,
  scheduledAt: i.scheduledAt,
  timeZone: safeTimeZone(i.interviewer.timeZone),
});

export type Prepared = { skip: string } | { message: Omit<MailMessage, "messageId"> | null };

/**
 * At send time: a calendar invite (docs/decisions/069-calendar-invites-and-feed.md). Only the
 * newest invite row for this interview and person is sent: it says what the interview is now. A
 * REQUEST while they are its interviewer and it is planned; otherwise a CANCEL, and only to
 * someone who was sent an invite for it before.
 */
export async function prepareInvite(
  reminder: { id: string; userId: string },
  interviewId: string,
  sequence: number,
  now: Date,
  hasMailer: boolean,
  from: string,
): Promise<Prepared> {
  if (!hasMailer) return { skip: "no SMTP_URL: calendar invites are e-mail only (the feed in Settings still works)" };
  const i = await db.interview.findUnique({
    where: { id: interviewId },
    select: {
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      interviewerId: true,
      exercise: { select: { title: true } },
      candidate: { select: { name: true, erasedAt: true, opening: { select: { title: true } } } },
    },
  });
  if (!i) return { skip: "interview deleted" };
  const rows = await db.reminder.findMany({
    where: { kind: "invite", interviewId, userId: reminder.userId },
    select: { id: true, key: true, status: true },
  });
  const later = rows.some((r) => {
    const k = parseReminderKey(r.key);
    return k?.kind === "invite" && k.sequence > sequence;
  });
  if (later) return { skip: "superseded by a later change to the interview" };
  const user = await db.user.findUnique({
    where: { id: reminder.userId },
    select: { email: true, name: true, active: true, timeZone: true },
  });
  if (!user || !user.active) return { skip: "user deactivated" };
  if (i.candidate.erasedAt) return { skip: "candidate erased" };
  const ends = i.scheduledAt.getTime() + i.durationMinutes * 60_000;
  if (ends <= now.getTime()) return { skip: "the interview is over" };
  const method = i.status === "scheduled" && i.interviewerId === reminder.userId ? "REQUEST" : "CANCEL";
  if (method === "CANCEL" && !rows.some((r) => r.id !== reminder.id && r.status === "sent"))
    return { skip: "never invited: nothing to cancel" };
  const invite = interviewInvite({
    method,
    sequence,
    baseUrl: baseUrl(),
    interviewId,
    candidateName: i.candidate.name,
    openingTitle: i.candidate.opening.title,
    exerciseTitle: i.exercise?.title ?? null,
    scheduledAt: i.scheduledAt,
    durationMinutes: i.durationMinutes,
    timeZone: safeTimeZone(user.timeZone),
    interviewer: { name: user.name, email: user.email },
    organizer: organizerOf(from),
    now,
  });
  return {
    message: {
      to: user.email,
      subject: invite.subject,
      text: invite.text,
      html: invite.html,
      icalEvent: { method, content: invite.ics },
    },
  };
}

/** At send time: is the scorecard reminder still wanted, and its words. */
export async function prepareScorecard(
  reminder: { userId: string },
  interviewId: string,
  n: number,
  now: Date,
  followUpDays: number,
  hasMailer: boolean,
): Promise<Prepared> {
  const i = await readInterview(interviewId);
  if (!i) return { skip: "interview deleted" };
  const skip = scorecardReminderSkip(i, reminder.userId, n, now, followUpDays);
  if (skip) return { skip };
  if (!hasMailer) return { message: null };
  const words = scorecardReminderMail({ ...mailFacts(i, interviewId), n, followUpDays });
  return { message: { to: i.interviewer.email, ...words } };
}

/** At send time: a recruiter's Remind, still wanted (manual-reminders remindRefusal), and its words. */
export async function prepareManual(
  reminder: { userId: string; requestedById: string | null },
  interviewId: string,
  now: Date,
  hasMailer: boolean,
): Promise<Prepared> {
  const i = await readInterview(interviewId);
  if (!i) return { skip: "interview deleted" };
  if (i.interviewerId !== reminder.userId) return { skip: "interviewer changed" };
  // the interval was checked when the row was made; here only what may have changed since
  const skip = remindRefusal({ ...i, lastRemindedAt: null }, now, (d) => d.toISOString());
  if (skip) return { skip };
  if (!hasMailer) return { message: null };
  const by = reminder.requestedById
    ? await db.user.findUnique({ where: { id: reminder.requestedById }, select: { name: true } })
    : null;
  const words = manualReminderMail({ ...mailFacts(i, interviewId), requestedByName: by?.name ?? "The recruiter" });
  return { message: { to: i.interviewer.email, ...words } };
}

/** At send time: the recruiter's overdue scorecards, grouped by opening, exactly (isOverdue). */
export async function prepareDigest(userId: string, date: string, now: Date, hasMailer: boolean): Promise<Prepared> {
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
