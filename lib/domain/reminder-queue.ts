// Which reminder rows a worker pass inserts (docs/decisions/013): the current reminder of each
// interview owed a scorecard, and any earlier one never created (the worker was down) as a
// skipped row, so it is recorded and never sent late. Pure; clock injected.
import { endsAt } from "./my-interviews";
import { currentReminder, reminderSchedule, safeTimeZone, scorecardReminderKey } from "./reminders";

/** One row for the Reminder table; the key is unique, so a second insert of it does nothing. */
export type NewReminder = {
  key: string;
  kind: "scorecard" | "digest";
  userId: string;
  interviewId: string | null;
  dueAt: Date;
  lastError: string | null;
};

/** An interview owed a scorecard, with how many scorecard reminder rows it has already. */
export type OwedInterview = {
  id: string;
  interviewerId: string;
  scheduledAt: Date;
  durationMinutes: number;
  timeZone: string;
  created: number;
};

export const MISSED_REMINDER = "missed: a later reminder was already due when the worker came to it";

/** The rows to insert at `now`: `pending` (the current reminders) and `missed` (earlier ones never created). */
export function scorecardRemindersToQueue(
  interviews: readonly OwedInterview[],
  now: Date,
  followUpDays: number,
): { pending: NewReminder[]; missed: NewReminder[] } {
  const pending: NewReminder[] = [];
  const missed: NewReminder[] = [];
  for (const i of interviews) {
    const input = { endsAt: endsAt(i), timeZone: safeTimeZone(i.timeZone), followUpDays };
    const current = currentReminder(input, now);
    if (!current || current.index < i.created) continue;
    const schedule = reminderSchedule(input);
    for (let n = i.created; n <= current.index; n++) {
      const row = {
        key: scorecardReminderKey(i.id, n),
        kind: "scorecard" as const,
        userId: i.interviewerId,
        interviewId: i.id,
        dueAt: schedule[n],
      };
      if (n === current.index) pending.push({ ...row, lastError: null });
      else missed.push({ ...row, lastError: MISSED_REMINDER });
    }
  }
  return { pending, missed };
}
