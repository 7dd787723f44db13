import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { checkInMail } from "../domain/check-in-mail";
import { CHECKIN_WINDOW_DAYS, checkInDueAt, hiredAt, hireWindow, openPeriods } from "../domain/quality-of-hire";
import { checkInKey } from "../domain/reminders";
import type { Prepared } from "./reminder-prepare";
import { baseUrl } from "./reminder-prepare";
import { join, sql } from "./sql";

// The check-in reminders (docs/decisions/079-quality-of-hire.md): queued by a sweep in the reminder
// worker, not with the decision, because a decision can be revised and the due date follows the
// decisions as they stand (lib/domain/quality-of-hire.ts hiredAt). One row per hire and period
// (checkin:<candidateId>:<days>, unique), so it is sent once however many workers run.

/**
 * Each pass: the candidates not erased with a Hire at least the shortest period ago; for each
 * period due by the decisions as they stand and not yet submitted, a pending row for the opening's
 * hiring manager. Only hires that can still be in a reminder window are read (hireWindow).
 */
export async function queueCheckInReminders(now: Date, periods: readonly number[]): Promise<number> {
  const window = hireWindow(periods, now);
  if (!window) return 0;
  // a Hire in the window is necessary for a check-in still to remind (the run's first Hire may be
  // older: hiredAt judges it)
  const rows = await db.candidate.findMany({
    where: {
      erasedAt: null,
      decisions: { some: { outcome: "hire", createdAt: { gte: window.from, lte: window.to } } },
    },
    select: {
      id: true,
      opening: { select: { hiringManagerId: true } },
      decisions: { select: { id: true, outcome: true, createdAt: true } },
      checkIns: { select: { periodDays: true } },
    },
  });
  const due = rows.flatMap((c) => {
    const hired = hiredAt(c.decisions);
    if (!hired) return [];
    const done = new Set(c.checkIns.map((x) => x.periodDays));
    return openPeriods(hired.at, periods, now)
      .filter((d) => !done.has(d))
      .map((d) => ({
        key: checkInKey(c.id, d),
        userId: c.opening.hiringManagerId,
        dueAt: checkInDueAt(hired.at, d),
      }));
  });
  let inserted = 0;
  for (let i = 0; i < due.length; i += 300) {
    const values = due
      .slice(i, i + 300)
      .map((r) => sql`(${randomUUID()}, ${r.key}, 'checkin', ${r.userId}, ${r.dueAt}, 'pending', 0, ${now}, ${now})`);
    inserted += await db.$executeRaw(sql`
      INSERT INTO "Reminder" ("id", "key", "kind", "userId", "dueAt", "status", "attempts", "nextAttemptAt", "createdAt")
      VALUES ${join(values)}
      ON CONFLICT ("key") DO NOTHING`);
  }
  return inserted;
}

/** At send time: is the check-in still wanted (still a hire, not submitted, same manager), and its words. */
export async function prepareCheckIn(
  reminder: { userId: string },
  candidateId: string,
  days: number,
  now: Date,
  hasMailer: boolean,
): Promise<Prepared> {
  const c = await db.candidate.findUnique({
    where: { id: candidateId },
    select: {
      name: true,
      erasedAt: true,
      decisions: { select: { id: true, outcome: true, createdAt: true } },
      checkIns: { where: { periodDays: days }, select: { id: true } },
      opening: { select: { title: true, hiringManagerId: true } },
    },
  });
  if (!c) return { skip: "candidate deleted" };
  if (c.erasedAt) return { skip: "candidate erased" };
  const hired = hiredAt(c.decisions);
  if (!hired) return { skip: "the decision was revised: no longer a hire" };
  if (!openPeriods(hired.at, [days], now).length)
    return checkInDueAt(hired.at, days).getTime() > now.getTime()
      ? { skip: "not due: the hire was re-recorded later" }
      : { skip: `out of date: more than ${CHECKIN_WINDOW_DAYS} days past due` };
  if (c.checkIns.length) return { skip: "check-in already submitted" };
  if (c.opening.hiringManagerId !== reminder.userId) return { skip: "the opening has another hiring manager now" };
  const u = await db.user.findUnique({
    where: { id: reminder.userId },
    select: { email: true, name: true, active: true, remindersPaused: true },
  });
  if (!u || !u.active) return { skip: "user deactivated" };
  if (u.remindersPaused) return { skip: "reminders paused" };
  if (!hasMailer) return { message: null };
  const words = checkInMail({
    baseUrl: baseUrl(),
    candidateId,
    managerName: u.name,
    candidateName: c.name,
    openingTitle: c.opening.title,
    periodDays: days,
  });
  return { message: { to: u.email, ...words } };
}
