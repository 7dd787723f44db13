import "server-only";
import nodemailer from "nodemailer";
import { env } from "./env";

// Outgoing e-mail (docs/decisions/013-reminders.md): one SMTP transport from SMTP_URL (smtp:// or
// smtps://, optional user:pass@, nodemailer's `?tls.…` options). Unset SMTP_URL = no e-mail at
// all; reminders are then in-app notices only. Timeouts are short and bounded so a send always ends
// well inside the reminder worker's lease (REMINDER_LEASE_MS): a hung server fails the attempt, it
// never leaves the row looking abandoned while a message might still go out.

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** a calendar invite (RFC 6047 iMIP): sent as a text/calendar part with its METHOD */
  icalEvent?: { method: "REQUEST" | "CANCEL"; content: string };
  /** deterministic per reminder (messageIdFor), so a receiving server can drop a duplicate */
  messageId: string;
};

export type Mailer = {
  /** the sender, MAIL_FROM by default */ from: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
};

export function createMailer(url: string, from = env.MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    dnsTimeout: 20_000,
  });
  return {
    from,
    async send(m) {
      // resolves once the server accepted the message for every recipient; rejects otherwise
      // (Auto-Submitted: RFC 3834, so auto-responders do not answer a reminder)
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.icalEvent ? { icalEvent: { method: m.icalEvent.method, content: m.icalEvent.content } } : {}),
        messageId: m.messageId,
        headers: { "Auto-Submitted": "auto-generated" },
      });
    },
    close: () => transport.close(),
  };
}

/**
 * The Message-ID for a reminder key ("scorecard:<id>:2" → "<scorecard.<id>.2@host>"): the same for
 * every attempt at the same reminder, on any worker. The host is MAIL_FROM's domain.
 */
export function messageIdFor(key: string, from = env.MAIL_FROM): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return `<${key.replace(/[^A-Za-z0-9_-]/g, ".")}@${domain}>`;
}

let configured: Mailer | null | undefined;

/** The mailer SMTP_URL configures, or null when it is unset. */
export function configuredMailer(): Mailer | null {
  if (configured === undefined) configured = env.SMTP_URL ? createMailer(env.SMTP_URL) : null;
  return configured;
}
