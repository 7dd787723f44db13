// At send time (docs/decisions/013): whether a claimed scorecard reminder is still wanted, and what
// a recruiter's digest lists, decided from the database as it is then. Pure; clock injected.
import { endsAt, isOverdue } from "./my-interviews";
import type { DigestOpening } from "./reminder-mail";
import { currentReminder, safeTimeZone } from "./reminders";

/** A digest lists this many overdue scorecards per opening, then says how many more. */
export const DIGEST_ITEMS_PER_OPENING = 25;

export type ReminderInterview = {
  status: string;
  scheduledAt: Date;
  durationMinutes: number;
  interviewerId: string;
  scorecard: { status: string } | null;
  candidate: { erasedAt: Date | null; opening: { status: string } };
  interviewer: { active: boolean; remindersPaused: boolean; timeZone: string };
};

/**
 * Why reminder `n` to `userId` about this interview is no longer wanted (the reason its row is
 * skipped with), or null when it is still the one to send.
 */
export function scorecardReminderSkip(
  i: ReminderInterview,
  userId: string,
  n: number,
  now: Date,
  followUpDays: number,
): string | null {
  if (i.status !== "scheduled") return "interview cancelled";
  if (i.scorecard?.status === "submitted") return "scorecard submitted";
  if (i.interviewerId !== userId) return "interviewer changed";
  if (!i.interviewer.active) return "user deactivated";
  if (i.interviewer.remindersPaused) return "reminders paused";
  if (i.candidate.erasedAt) return "candidate erased";
  if (i.candidate.opening.status === "closed") return "opening closed";
  const timeZone = safeTimeZone(i.interviewer.timeZone);
  if (currentReminder({ endsAt: endsAt(i), timeZone, followUpDays }, now)?.index !== n)
    return "out of date: not the current reminder";
  return null;
}

export type OverdueRow = {
  openingId: string;
  openingTitle: string;
  candidateId: string;
  candidateName: string;
  interviewerName: string;
  scheduledAt: Date;
  durationMinutes: number;
};

/**
 * The rows that are overdue at `now` exactly (isOverdue; the query only narrows by start time),
 * grouped by opening in the order given, each opening's list cut at DIGEST_ITEMS_PER_OPENING.
 */
export function overdueByOpening(rows: readonly OverdueRow[], now: Date): DigestOpening[] {
  const openings = new Map<string, DigestOpening>();
  for (const r of rows) {
    const item = { scheduledAt: r.scheduledAt, durationMinutes: r.durationMinutes, scorecard: null };
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
        endsAt: endsAt(item),
      });
  }
  return [...openings.values()];
}
