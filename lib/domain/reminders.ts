// Reminders for missing scorecards (issue 10). Pure; clock and time zone passed in.

/** The first reminder (in-app notice and e-mail) comes this long after the interview ended. */
export const FIRST_REMINDER_AFTER_MS = 60 * 60_000;
