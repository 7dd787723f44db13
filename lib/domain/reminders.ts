// Reminders for missing scorecards (docs/decisions/013-reminders.md). Pure; clock and time zone
// passed in. Times of day are the user's own (an IANA zone), computed with Intl alone: business
// days are Monday to Friday in that zone, with no public holidays.

/** The first reminder (in-app notice and e-mail) comes this long after the interview ended. */
export const FIRST_REMINDER_AFTER_MS = 60 * 60_000;
/** Follow-ups and the recruiters' digest go out at this local hour on business days. */
export const REMINDER_HOUR = 9;

const DAY_MS = 86_400_000;

/** A calendar date (month 1–12), with no time zone of its own. */
export type LocalDate = { year: number; month: number; day: number };
type WallClock = LocalDate & { hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (a user's stored zone is checked before use; UTC otherwise). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone to compute in: the user's if Intl knows it, else UTC. */
export const safeTimeZone = (timeZone: string | null | undefined) =>
  timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";

/** What a wall clock in the zone shows at the instant. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The zone's offset from UTC at the instant, in ms (positive east of Greenwich). */
function offsetMs(instant: number, timeZone: string) {
  const w = wallClock(new Date(instant), timeZone);
  return (
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (instant - (((instant % 1000) + 1000) % 1000))
  );
}

export const localDateOf = (instant: Date, timeZone: string): LocalDate => {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
};

export function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Monday to Friday (a calendar date's weekday does not depend on the zone). */
export const isBusinessDay = (d: LocalDate) => {
  const wd = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return wd >= 1 && wd <= 5;
};

export const formatLocalDate = (d: LocalDate) =>
  `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/**
 * The instant when a wall clock in `timeZone` shows `date` at hour:minute. Correct across DST
 * changes: the zone's offsets a day before and a day after are tried and the one that reads back
 * as the asked-for wall time wins. A time that occurs twice (clocks going back) gives the first;
 * one that does not exist (clocks going forward) is read with the offset before the change, so
 * it lands just after the gap (02:30 on Berlin's spring-forward night is 03:30 CEST).
 */
export function zonedTime(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  // the worker asks for the same few days' 09:00 in the same few zones for every interview
  const key = `${timeZone}|${formatLocalDate(date)}|${hour}:${minute}`;
  let t = zonedTimes.get(key);
  if (t === undefined) {
    if (zonedTimes.size >= 10_000) zonedTimes.clear();
    t = computeZonedTime(date, hour, minute, timeZone);
    zonedTimes.set(key, t);
  }
  return new Date(t);
}
const zonedTimes = new Map<string, number>();

function computeZonedTime(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const candidates = [
    ...new Set([asUtc - offsetMs(asUtc - DAY_MS, timeZone), asUtc - offsetMs(asUtc + DAY_MS, timeZone)]),
  ].sort((a, b) => a - b);
  const reads = (t: number) => {
    const w = wallClock(new Date(t), timeZone);
    return (
      w.year === date.year && w.month === date.month && w.day === date.day && w.hour === hour && w.minute === minute
    );
  };
  return candidates.find(reads) ?? asUtc - offsetMs(asUtc - DAY_MS, timeZone);
}

export type ScheduleInput = { endsAt: Date; timeZone: string; followUpDays: number };

/**
 * When an unsubmitted scorecard's reminders are due: [0] an hour after the interview ends, then
 * 09:00 local on each of the next `followUpDays` business days after [0]'s local date. Every
 * instant is after the interview ended, and they increase.
 */
export function reminderSchedule({ endsAt, timeZone, followUpDays }: ScheduleInput): Date[] {
  const first = new Date(endsAt.getTime() + FIRST_REMINDER_AFTER_MS);
  const schedule = [first];
  let d = localDateOf(first, timeZone);
  while (schedule.length <= followUpDays) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) schedule.push(zonedTime(d, REMINDER_HOUR, 0, timeZone));
  }
  return schedule;
}

/** The index of the latest reminder due at `now` (its instant at or before now), or null. */
export function latestDueIndex(schedule: readonly Date[], now: Date): number | null {
  let found: number | null = null;
  for (let i = 0; i < schedule.length; i++) if (schedule[i].getTime() <= now.getTime()) found = i;
  return found;
}

/**
 * The reminder to send at `now`, if any: the latest one due, as long as the next one (or, after
 * the last, the slot a further follow-up would have had) has not come. A worker that was down
 * for days therefore sends the one current reminder, never the missed ones, and nothing once the
 * schedule is over.
 */
export function currentReminder(input: ScheduleInput, now: Date): { index: number; dueAt: Date } | null {
  const withEnd = reminderSchedule({ ...input, followUpDays: input.followUpDays + 1 });
  const end = withEnd.pop()!;
  if (now.getTime() >= end.getTime()) return null;
  const index = latestDueIndex(withEnd, now);
  return index === null ? null : { index, dueAt: withEnd[index] };
}

/**
 * An upper bound on how long after an interview ends any of its reminders can still be current
 * (currentReminder non-null): the first hour, then followUpDays + 1 business days, which span at
 * most k + 2·⌈k/5⌉ calendar days, and a day for the time of day and the zone. The worker only
 * looks at interviews that ended within this window.
 */
export function reminderWindowMs(followUpDays: number): number {
  const k = followUpDays + 1;
  return FIRST_REMINDER_AFTER_MS + (k + 2 * Math.ceil(k / 5) + 1) * DAY_MS;
}

/**
 * The recruiter's digest key for `now`: their local date (YYYY-MM-DD) once it is 09:00 or later
 * on a business day there, else null (before 09:00, and all weekend).
 */
export function digestDueKey(now: Date, timeZone: string): string | null {
  const w = wallClock(now, timeZone);
  return isBusinessDay(w) && w.hour >= REMINDER_HOUR ? formatLocalDate(w) : null;
}

/** Reminder keys: one row per reminder, unique, so a second worker's insert does nothing. */
export const scorecardReminderKey = (interviewId: string, n: number) => `scorecard:${interviewId}:${n}`;
export const digestKey = (userId: string, localDate: string) => `digest:${userId}:${localDate}`;
/** A calendar invite: one per change (the interview's sequence) and recipient (lib/domain/calendar.ts). */
export const inviteKey = (interviewId: string, sequence: number, userId: string) =>
  `invite:${interviewId}:${sequence}:${userId}`;
/** A quality-of-hire check-in: once per hire and period (docs/decisions/079-quality-of-hire.md). */
export const checkInKey = (candidateId: string, days: number) => `checkin:${candidateId}:${days}`;

export function parseReminderKey(
  key: string,
):
  | { kind: "scorecard"; interviewId: string; n: number }
  | { kind: "digest"; userId: string; date: string }
  | { kind: "manual"; interviewId: string }
  | { kind: "invite"; interviewId: string; sequence: number; userId: string }
  | { kind: "checkin"; candidateId: string; days: number }
  | null {
  const s = /^scorecard:([^:]+):(\d+)$/.exec(key);
  if (s) return { kind: "scorecard", interviewId: s[1], n: Number(s[2]) };
  // a recruiter's Remind (lib/domain/manual-reminders.ts)
  const m = /^manual:([^:]+):\d+$/.exec(key);
  if (m) return { kind: "manual", interviewId: m[1] };
  const i = /^invite:([^:]+):(\d+):([^:]+)$/.exec(key);
  if (i) return { kind: "invite", interviewId: i[1], sequence: Number(i[2]), userId: i[3] };
  const c = /^checkin:([^:]+):(\d{1,4})$/.exec(key);
  if (c) return { kind: "checkin", candidateId: c[1], days: Number(c[2]) };
  const d = /^digest:([^:]+):(\d{4}-\d{2}-\d{2})$/.exec(key);
  return d ? { kind: "digest", userId: d[1], date: d[2] } : null;
}

/** Attempts at sending one reminder before it is marked failed, and the waits between them. */
export const REMINDER_MAX_ATTEMPTS = 3;
export const reminderRetryDelayMs = (attempts: number) => 60_000 * 5 ** Math.max(0, attempts - 1);
/** A reminder claimed longer ago than this is abandoned (its worker died mid-send), never resent. */
export const REMINDER_LEASE_MS = 10 * 60_000;
