// The in-app notice of scorecards owed (README "Reminders and notices"): at the top of every page,
// an interviewer sees the interviews whose scorecard they still owe, from the moment the first
// reminder is due (an hour after the interview ended; never before it has taken place, never after
// submission or cancellation, never while they pause reminders). The same interviews the reminder
// e-mails chase (lib/data/reminder-queue.ts): not for an erased candidate or a closed opening.
// Pure; clock injected.
import { endsAt, isOverdue } from "./my-interviews";
import { FIRST_REMINDER_AFTER_MS } from "./reminders";

/** An interview of the viewer's that may be owed, as the notice reads it. */
export type OwedInterview = {
  id: string;
  candidateName: string;
  scheduledAt: Date;
  durationMinutes: number;
  /** scheduled | cancelled */
  status: string;
  /** null: no scorecard yet */
  scorecardStatus: string | null;
  candidateErased: boolean;
  openingClosed: boolean;
};

/** More than this many owed, and the notice points to My interviews instead of listing each. */
export const NOTICE_LINKS_MAX = 3;
/** Beyond this many the notice says "99+": the page need not count a long backlog on every view. */
export const NOTICE_COUNT_MAX = 99;

/** The interview's scorecard is owed and its first reminder has come (at exactly the hour, too). */
export function isReminderDue(i: OwedInterview, now: Date): boolean {
  return (
    i.status === "scheduled" &&
    !i.candidateErased &&
    !i.openingClosed &&
    i.scorecardStatus !== "submitted" &&
    now.getTime() - endsAt(i).getTime() >= FIRST_REMINDER_AFTER_MS
  );
}

/**
 * How long ago, in words a person reads at a glance: "45 minutes", "30 hours", "3 days" (hours up
 * to two days, as the reminder e-mails count them: "1 day" for 47 hours would undersell it).
 */
export function timeSince(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const [n, unit] =
    minutes < 60
      ? [minutes, "minute"]
      : minutes < 48 * 60
        ? [Math.floor(minutes / 60), "hour"]
        : [Math.floor(minutes / (24 * 60)), "day"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

export type NoticeItem = {
  id: string;
  href: string;
  candidateName: string;
  endedAgo: string;
  overdue: boolean;
  /** a recruiter pressed Remind about it (docs/decisions/049-manual-reminders.md): who, how long ago */
  remindedBy: { name: string; ago: string } | null;
};

export type ScorecardNotice = {
  count: number;
  /** "2 scorecards are waiting for you" */
  title: string;
  /** the oldest owed one, in a sentence (shown when the items are not) */
  detail: string;
  oldest: NoticeItem;
  /** one link each when there are few; null when there are more than NOTICE_LINKS_MAX (link to My interviews) */
  items: NoticeItem[] | null;
};

/**
 * The notice for an interviewer, or null when there is nothing to say or they paused reminders.
 * `interviews` may hold any of theirs (the rule is applied here); `moreDue` counts due ones that
 * are not among them and are all newer than the oldest given (the data layer counts old ones in
 * SQL rather than fetching them all).
 */
export function scorecardNotice(input: {
  paused: boolean;
  now: Date;
  interviews: OwedInterview[];
  moreDue?: number;
  /** the newest recent manual reminder of each interview, by interview id */
  remindedBy?: ReadonlyMap<string, { name: string; at: Date }>;
}): ScorecardNotice | null {
  if (input.paused) return null;
  const { now } = input;
  const due = input.interviews
    .filter((i) => isReminderDue(i, now))
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || (a.id < b.id ? -1 : 1));
  const count = due.length + Math.max(0, input.moreDue ?? 0);
  if (due.length === 0) return null;
  const item = (i: OwedInterview): NoticeItem => ({
    id: i.id,
    href: `/interviews/${i.id}`,
    candidateName: i.candidateName,
    endedAgo: timeSince(now.getTime() - endsAt(i).getTime()),
    // a due scorecard is never a submitted one
    overdue: isOverdue({ ...i, scorecard: null }, now),
    remindedBy: ((r) => (r ? { name: r.name, ago: timeSince(now.getTime() - r.at.getTime()) } : null))(
      input.remindedBy?.get(i.id),
    ),
  });
  const oldest = item(due[0]);
  return {
    count,
    title:
      count === 1
        ? "1 scorecard is waiting for you"
        : `${count > NOTICE_COUNT_MAX ? `${NOTICE_COUNT_MAX}+` : count} scorecards are waiting for you`,
    detail:
      count === 1
        ? `Your scorecard for ${oldest.candidateName}: the interview ended ${oldest.endedAgo} ago.`
        : `The oldest is for ${oldest.candidateName}: that interview ended ${oldest.endedAgo} ago.`,
    oldest,
    items: count > NOTICE_LINKS_MAX ? null : due.slice(0, NOTICE_LINKS_MAX).map(item),
  };
}
