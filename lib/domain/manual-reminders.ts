// A recruiter's Remind (docs/decisions/049-manual-reminders.md): chasing a scorecard that is owed,
// for one interviewer or everyone owing on a candidate or an opening. At most one manual reminder
// per interview in REMIND_INTERVAL_MS; sent like the automatic ones (a Reminder row, an in-app
// notice, an e-mail when SMTP is configured). Pure; clock injected.
import { escapeHtml, formatWhen, type Composed } from "./reminder-mail";

/** One manual reminder per interview in this long: a second click or a second recruiter is refused. */
export const REMIND_INTERVAL_MS = 12 * 60 * 60_000;
/** The in-app notice names who reminded an interviewer for this long after they did. */
export const REMINDED_NOTICE_MS = 7 * 24 * 60 * 60_000;

export const manualReminderKey = (interviewId: string, at: Date) => `manual:${interviewId}:${at.getTime()}`;

/** An interview as Remind reads it. */
export type RemindableInterview = {
  status: string;
  scheduledAt: Date;
  scorecard: { status: string } | null;
  candidate: { erasedAt: Date | null; opening: { status: string } };
  interviewer: { name: string; active: boolean; remindersPaused: boolean };
  /** the newest manual reminder about this interview, if any */
  lastRemindedAt: Date | null;
};

/** When Remind may next be pressed for an interview last reminded at `last`. */
export const nextRemindAt = (last: Date) => new Date(last.getTime() + REMIND_INTERVAL_MS);

/**
 * Why this interview cannot be reminded about now (the words the recruiter reads), or null when it
 * can: only a scorecard owed (the interview has begun, none submitted), to an active interviewer
 * who has not paused reminders, on a candidate not erased, in an opening not closed; and not again
 * within REMIND_INTERVAL_MS. `when` formats an instant for the reader.
 */
export function remindRefusal(i: RemindableInterview, now: Date, when: (d: Date) => string): string | null {
  const who = i.interviewer.name;
  if (i.status !== "scheduled") return "This interview is cancelled; no scorecard is owed.";
  if (i.scorecard?.status === "submitted") return `${who} has already submitted this scorecard.`;
  if (i.scheduledAt > now) return "This interview has not taken place yet; there is nothing to chase.";
  if (i.candidate.erasedAt) return "This candidate's data was erased.";
  if (i.candidate.opening.status === "closed") return "This opening is closed.";
  if (!i.interviewer.active) return `${who}'s account is deactivated.`;
  if (i.interviewer.remindersPaused) return `${who} has paused reminders (on leave, for example).`;
  if (i.lastRemindedAt && now.getTime() - i.lastRemindedAt.getTime() < REMIND_INTERVAL_MS)
    return `${who} was reminded ${when(i.lastRemindedAt)}; you can remind again from ${when(nextRemindAt(i.lastRemindedAt))}.`;
  return null;
}

export type ManualReminderInput = {
  baseUrl: string;
  interviewId: string;
  interviewerName: string;
  requestedByName: string;
  candidateName: string;
  openingTitle: string;
  exerciseTitle: string | null;
  scheduledAt: Date;
  timeZone: string;
};

/** The e-mail of a manual reminder, written at send time in the interviewer's zone. */
export function manualReminderMail(r: ManualReminderInput): Composed {
  const url = `${r.baseUrl}/interviews/${r.interviewId}`;
  const what = r.exerciseTitle ? `${r.candidateName} (${r.exerciseTitle})` : r.candidateName;
  const when = `${formatWhen(r.scheduledAt, r.timeZone)} (${r.timeZone})`;
  const lines = [
    `Hello ${r.interviewerName},`,
    `${r.requestedByName} asks for your scorecard for ${what}, ${r.openingTitle}: the interview was on ${when}.`,
    `Fill it in here: ${url}`,
    "You can pause reminders in your settings.",
  ];
  const html = [
    `<p>Hello ${escapeHtml(r.interviewerName)},</p>`,
    `<p>${escapeHtml(r.requestedByName)} asks for your scorecard for ${escapeHtml(what)}, ${escapeHtml(r.openingTitle)}: the interview was on ${escapeHtml(when)}.</p>`,
    `<p><a href="${escapeHtml(url)}">Fill in the scorecard</a></p>`,
    "<p>You can pause reminders in your settings.</p>",
  ].join("\n");
  return {
    subject: `${r.requestedByName} asks for your scorecard: ${r.candidateName} — ${r.openingTitle}`,
    text: lines.join("\n\n"),
    html,
  };
}
