// Calendar invites and the private feed (docs/decisions/069-calendar-invites-and-feed.md).
// Pure: what an invite or a feed says, written with ical-generator from facts read at send time.
// An invite names the candidate, the opening, the exercise, when, and links to the interview kit
// and the scorecard; never evidence, ratings or anyone's feedback.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { escapeHtml, formatWhen } from "./reminder-mail";

export type InviteFacts = {
  baseUrl: string;
  interviewId: string;
  candidateName: string;
  openingTitle: string;
  exerciseTitle: string | null;
  scheduledAt: Date;
  durationMinutes: number;
  /** the interviewer's own IANA zone: DTSTART/DTEND carry it with its VTIMEZONE */
  timeZone: string;
};

export type InviteInput = InviteFacts & {
  method: "REQUEST" | "CANCEL";
  /** grows on every change to the interview (RFC 5546 §2.1.4); the invite's copy of it */
  sequence: number;
  interviewer: { name: string; email: string };
  /** the sender (MAIL_FROM): RFC 5546 requires an ORGANIZER on REQUEST and CANCEL */
  organizer: { name: string; email: string };
  now: Date;
};

export type Invite = { subject: string; text: string; html: string; ics: string };

export const kitUrl = (baseUrl: string, interviewId: string) => `${baseUrl}/interviews/${interviewId}#kit-heading`;
export const scorecardUrl = (baseUrl: string, interviewId: string) =>
  `${baseUrl}/interviews/${interviewId}#scorecard-heading`;

/** The same UID for every invite about one interview, on every worker: a client updates, never duplicates. */
export function interviewUid(interviewId: string, baseUrl: string): string {
  let host = "localhost";
  try {
    host = new URL(baseUrl).hostname || host;
  } catch {
    // a base URL the parser refuses keeps the default host; the UID stays stable
  }
  return `interview-${interviewId}@${host}`;
}

/** The sender, "Name <address>" or a bare address (MAIL_FROM), as the invite's ORGANIZER. */
export function organizerOf(from: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(from);
  return m
    ? { name: m[1] || "Interview Scorecards", email: m[2] }
    : { name: "Interview Scorecards", email: from.trim() };
}

const PROD_ID = { company: "Interview Scorecards", product: "Scorecards", language: "EN" };

// VTIMEZONE blocks come from the generator; the calendar itself has no zone name, so DTSTAMP,
// CREATED and LAST-MODIFIED stay in UTC ("Z") as RFC 5545 §3.8.7.2 requires.
const zones = { name: null, generator: (tz: string) => getVtimezoneComponent(tz) };

/** A zone the bundled VTIMEZONE set knows; otherwise UTC, which needs none. */
const calendarZone = (timeZone: string) => (timeZone !== "UTC" && getVtimezoneComponent(timeZone) ? timeZone : "UTC");

function title(f: InviteFacts) {
  return `Interview: ${f.candidateName} — ${f.openingTitle}`;
}

function descriptionLines(f: InviteFacts) {
  return [
    `Candidate: ${f.candidateName}`,
    `Opening: ${f.openingTitle}`,
    ...(f.exerciseTitle ? [`Exercise: ${f.exerciseTitle}`] : []),
    `Length: ${f.durationMinutes} minutes`,
    `Interview kit: ${kitUrl(f.baseUrl, f.interviewId)}`,
    `Scorecard: ${scorecardUrl(f.baseUrl, f.interviewId)}`,
  ];
}

function eventTimes(f: InviteFacts) {
  const timezone = calendarZone(f.timeZone);
  const start = DateTime.fromJSDate(f.scheduledAt, { zone: timezone });
  return { timezone, start, end: start.plus({ minutes: f.durationMinutes }) };
}

/** An iTIP invite (RFC 5546) for one interviewer, with its e-mail words. */
export function interviewInvite(input: InviteInput): Invite {
  const { timezone, start, end } = eventTimes(input);
  const cancel = input.method === "CANCEL";
  const cal = ical({
    prodId: PROD_ID,
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: zones,
  });
  cal.createEvent({
    id: interviewUid(input.interviewId, input.baseUrl),
    sequence: input.sequence,
    stamp: input.now,
    start,
    end,
    timezone,
    summary: title(input),
    description: descriptionLines(input).join("\n"),
    url: kitUrl(input.baseUrl, input.interviewId),
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: [
      {
        name: input.interviewer.name,
        email: input.interviewer.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  const when = `${formatWhen(input.scheduledAt, timezone)} (${timezone})`;
  const what = input.exerciseTitle ? `${input.candidateName} (${input.exerciseTitle})` : input.candidateName;
  const subject = cancel
    ? `Cancelled: interview with ${input.candidateName} — ${input.openingTitle}`
    : input.sequence > 0
      ? `Updated: interview with ${input.candidateName} — ${input.openingTitle}, ${when}`
      : `Interview: ${input.candidateName} — ${input.openingTitle}, ${when}`;
  const lead = cancel
    ? `Your interview with ${what} on ${when}, for ${input.openingTitle}, is cancelled. Your calendar removes it.`
    : `${input.sequence > 0 ? "Your interview has changed. It is now" : "You are interviewing"} ${what} on ${when}, ${input.durationMinutes} minutes, for ${input.openingTitle}.`;
  const kit = kitUrl(input.baseUrl, input.interviewId);
  const card = scorecardUrl(input.baseUrl, input.interviewId);
  const links = cancel ? [] : [`Interview kit: ${kit}`, `Scorecard: ${card}`];
  const text = [`Hello ${input.interviewer.name},`, lead, ...links].join("\n\n") + "\n";
  const html = [
    `Hello ${escapeHtml(input.interviewer.name)},`,
    escapeHtml(lead),
    ...(cancel
      ? []
      : [
          `<a href="${escapeHtml(kit)}">Open the interview kit</a>`,
          `<a href="${escapeHtml(card)}">Open the scorecard</a>`,
        ]),
  ]
    .map((p) => `<p>${p}</p>`)
    .join("\n");
  return { subject, text, html, ics: cal.toString() };
}

export type FeedEntry = InviteFacts & { sequence: number };

/**
 * A person's private feed (METHOD:PUBLISH): their planned interviews, each with the same UID and
 * SEQUENCE as the invites, in their own zone. No attendees, no one else's interviews.
 */
export function interviewFeed(entries: readonly FeedEntry[], now: Date, timeZone: string): string {
  const cal = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: "Your interviews",
    timezone: zones,
    ttl: 60 * 60,
  });
  for (const e of entries) {
    const { timezone, start, end } = eventTimes({ ...e, timeZone });
    cal.createEvent({
      id: interviewUid(e.interviewId, e.baseUrl),
      sequence: e.sequence,
      stamp: now,
      start,
      end,
      timezone,
      summary: title(e),
      description: descriptionLines(e).join("\n"),
      url: kitUrl(e.baseUrl, e.interviewId),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** Whether a path segment is a feed file name: the secret (base64url, 43 characters) and ".ics". */
export function feedSecretOf(file: string): string | null {
  const m = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file);
  return m ? m[1] : null;
}
