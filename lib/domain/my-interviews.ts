// "My interviews" (README "Using the app"): to fill now (taken place, no submitted scorecard,
// oldest first), upcoming (soonest first) and submitted (newest first). Pure; clock injected.

/** A scorecard is overdue once a working day has passed since the interview ended. */
export const OVERDUE_AFTER_MS = 24 * 60 * 60_000;

export type InterviewRow = {
  id: string;
  scheduledAt: Date;
  durationMinutes: number;
  scorecard: { status: string; submittedAt: Date | null } | null;
};

/**
 * Longer than any interview lasts (they are at most 8 hours: lib/validations/hiring.ts): a scan
 * by start time that goes back this much further catches every interview ending in its window.
 */
export const LONGEST_INTERVIEW_MS = 24 * 60 * 60_000;

export function endsAt(i: Pick<InterviewRow, "scheduledAt" | "durationMinutes">): Date {
  return new Date(i.scheduledAt.getTime() + i.durationMinutes * 60_000);
}

export function isOverdue(i: Pick<InterviewRow, "scheduledAt" | "durationMinutes" | "scorecard">, now: Date): boolean {
  return i.scorecard?.status !== "submitted" && now.getTime() - endsAt(i).getTime() > OVERDUE_AFTER_MS;
}

export function groupMyInterviews<T extends InterviewRow>(rows: T[], now: Date) {
  const submitted = rows.filter((r) => r.scorecard?.status === "submitted");
  const open = rows.filter((r) => r.scorecard?.status !== "submitted");
  const byTime = (a: T, b: T) => a.scheduledAt.getTime() - b.scheduledAt.getTime();
  return {
    toFill: open
      .filter((r) => r.scheduledAt <= now)
      .sort(byTime)
      .map((r) => ({ ...r, overdue: isOverdue(r, now) })),
    upcoming: open.filter((r) => r.scheduledAt > now).sort(byTime),
    submitted: submitted.sort(
      (a, b) => (b.scorecard!.submittedAt?.getTime() ?? 0) - (a.scorecard!.submittedAt?.getTime() ?? 0),
    ),
  };
}

/**
 * A row's subtitle: the opening, and the role only when the opening's title does not already
 * name it ("Lead AI Platform Engineer — ML Platform" says its role; "Platform hire" does not).
 */
export function openingAndRole(openingTitle: string, roleTitle: string): string {
  const names = openingTitle.toLocaleLowerCase().includes(roleTitle.trim().toLocaleLowerCase());
  return names ? openingTitle : `${openingTitle} · ${roleTitle}`;
}
