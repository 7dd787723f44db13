// The reminder e-mails' words (docs/decisions/013-reminders.md). Pure: written at send time from
// what the database holds then (the Reminder table stores no candidate text), in the recipient's
// own time zone.
import { OVERDUE_AFTER_MS } from "./my-interviews";

export type Composed = { subject: string; text: string; html: string };

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** "Fri 4 Dec 2026, 15:00" in the zone. */
export function formatWhen(at: Date, timeZone: string): string {
  // assembled from parts: the punctuation of a locale's own format varies between ICU versions
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** How long past due a scorecard is: from a day after the interview ended (isOverdue). */
export function formatOverdue(endsAt: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - endsAt.getTime() - OVERDUE_AFTER_MS);
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 48) return hours === 1 ? "1 hour" : `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}

const paragraphsHtml = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join("\n");
const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

export type ScorecardReminderInput = {
  baseUrl: string;
  interviewId: string;
  interviewerName: string;
  candidateName: string;
  openingTitle: string;
  exerciseTitle: string | null;
  scheduledAt: Date;
  timeZone: string;
  /** 0 = the first reminder; followUpDays = the last */
  n: number;
  followUpDays: number;
};

export function scorecardReminderMail(r: ScorecardReminderInput): Composed {
  const url = `${r.baseUrl}/interviews/${r.interviewId}`;
  const what = r.exerciseTitle ? `${r.candidateName} (${r.exerciseTitle})` : r.candidateName;
  const when = `${formatWhen(r.scheduledAt, r.timeZone)} (${r.timeZone})`;
  const subject =
    r.n === 0
      ? `Scorecard due: ${r.candidateName} — ${r.openingTitle}`
      : `Reminder: your scorecard for ${r.candidateName} is still due — ${r.openingTitle}`;
  const last = r.n >= r.followUpDays;
  const lead = `Your scorecard for your interview with ${what} on ${when}, for ${r.openingTitle}, is not submitted yet.`;
  const after = last
    ? "This is the last reminder for this interview."
    : `You will be reminded each business day at 09:00 your time (${r.followUpDays - r.n} more at most) until it is submitted.`;
  const settings = `${r.baseUrl}/settings`;
  const pause = `To pause reminders, or to change your time zone: ${settings}`;
  const text = [`Hello ${r.interviewerName},`, lead, `Fill it in: ${url}`, after, pause].join("\n\n") + "\n";
  const html = paragraphsHtml([
    `Hello ${escapeHtml(r.interviewerName)},`,
    escapeHtml(lead),
    link(url, "Open the scorecard"),
    escapeHtml(after),
    `To pause reminders, or to change your time zone: ${link(settings, "your settings")}`,
  ]);
  return { subject, text, html };
}

export type DigestItem = {
  candidateId: string;
  candidateName: string;
  interviewerName: string;
  scheduledAt: Date;
  endsAt: Date;
};
export type DigestOpening = {
  id: string;
  title: string;
  items: DigestItem[];
  /** overdue in total (items may be a first part) */ total: number;
};

export type DigestInput = {
  baseUrl: string;
  recruiterName: string;
  timeZone: string;
  now: Date;
  openings: DigestOpening[];
};

export function digestMail(d: DigestInput): Composed {
  const total = d.openings.reduce((n, o) => n + o.total, 0);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const subject = `Overdue scorecards: ${plural(total, "scorecard", "scorecards")} in ${plural(d.openings.length, "opening", "openings")}`;
  const intro = `These scorecards are more than a day past their interview and not submitted yet (times in ${d.timeZone}).`;
  const line = (i: DigestItem) =>
    `${i.candidateName} — interviewer ${i.interviewerName}, interview ${formatWhen(i.scheduledAt, d.timeZone)}, overdue by ${formatOverdue(i.endsAt, d.now)}`;
  const more = (o: DigestOpening) => (o.total > o.items.length ? `…and ${o.total - o.items.length} more` : null);
  const openingUrl = (o: DigestOpening) => `${d.baseUrl}/openings/${o.id}?missing=1`;
  const candidateUrl = (i: DigestItem) => `${d.baseUrl}/candidates/${i.candidateId}`;

  const textParts = [`Hello ${d.recruiterName},`, intro];
  for (const o of d.openings) {
    const rows = o.items.map((i) => `- ${line(i)}\n  ${candidateUrl(i)}`);
    const m = more(o);
    textParts.push(
      [
        `${o.title} (${plural(o.total, "overdue scorecard", "overdue scorecards")}): ${openingUrl(o)}`,
        ...rows,
        ...(m ? [m] : []),
      ].join("\n"),
    );
  }
  const footer =
    "One digest each business day at 09:00 your time while any scorecard is overdue. To pause reminders, or to change your time zone:";
  textParts.push(`${footer} ${d.baseUrl}/settings`);

  const htmlParts = [paragraphsHtml([`Hello ${escapeHtml(d.recruiterName)},`, escapeHtml(intro)])];
  for (const o of d.openings) {
    const m = more(o);
    htmlParts.push(
      `<h2>${link(openingUrl(o), o.title)} (${escapeHtml(plural(o.total, "overdue scorecard", "overdue scorecards"))})</h2>\n<ul>\n` +
        o.items
          .map(
            (i) =>
              `<li>${link(candidateUrl(i), i.candidateName)} — interviewer ${escapeHtml(i.interviewerName)}, interview ${escapeHtml(formatWhen(i.scheduledAt, d.timeZone))}, overdue by ${escapeHtml(formatOverdue(i.endsAt, d.now))}</li>`,
          )
          .join("\n") +
        (m ? `\n<li>${escapeHtml(m)}</li>` : "") +
        "\n</ul>",
    );
  }
  htmlParts.push(paragraphsHtml([`${escapeHtml(footer)} ${link(`${d.baseUrl}/settings`, "your settings")}`]));
  return { subject, text: textParts.join("\n\n") + "\n", html: htmlParts.join("\n") };
}
