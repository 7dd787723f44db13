// The quality-of-hire check-in e-mail's words (docs/decisions/079-quality-of-hire.md). Pure: written
// at send time from what the database holds then, like every reminder (lib/domain/reminder-mail.ts).
import { escapeHtml, type Composed } from "./reminder-mail";

export type CheckInMailInput = {
  baseUrl: string;
  candidateId: string;
  managerName: string;
  candidateName: string;
  openingTitle: string;
  periodDays: number;
};

/** The page the notice and the e-mail link to. */
export const checkInPath = (candidateId: string, days: number) => `/candidates/${candidateId}/check-in/${days}`;

export function checkInMail(m: CheckInMailInput): Composed {
  const url = `${m.baseUrl}${checkInPath(m.candidateId, m.periodDays)}`;
  const subject = `${m.periodDays}-day check-in: how is ${m.candidateName} doing? — ${m.openingTitle}`;
  const lead = `It is ${m.periodDays} days since ${m.candidateName} was hired for ${m.openingTitle}. A short check-in (a rating per dimension of the role, an overall rating, and whether you would hire them again) lets the team see whether its interviews predict how hires turn out.`;
  const after = "It takes about two minutes. This is the only e-mail about this check-in.";
  const text = [`Hello ${m.managerName},`, lead, `Fill it in: ${url}`, after].join("\n\n") + "\n";
  const html = [
    `Hello ${escapeHtml(m.managerName)},`,
    escapeHtml(lead),
    `<a href="${escapeHtml(url)}">Fill in the check-in</a>`,
    escapeHtml(after),
  ]
    .map((p) => `<p>${p}</p>`)
    .join("\n");
  return { subject, text, html };
}
