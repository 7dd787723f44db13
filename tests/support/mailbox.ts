// A real SMTP server on 127.0.0.1 (a free port) that keeps what it accepts, parsed with
// mailparser, for tests of the e-mail the app sends. It can be told to refuse mail (a status
// code at RCPT TO) or to answer slowly. Close it when done.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  autoSubmitted: string;
  /** a text/calendar part (an iMIP invite): its METHOD parameter and its iCalendar text */
  calendar: { method: string; content: string } | null;
};

export type Mailbox = {
  url: string;
  messages: ReceivedMail[];
  /** every RCPT TO the server saw, accepted or refused, in order */
  attempts: string[];
  /** set to refuse every recipient with this SMTP reply (e.g. 451, 550); null accepts */
  refuse: { code: number; message: string } | null;
  /** wait this long before accepting each message (to make concurrent senders overlap) */
  delayMs: number;
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
};

/** mailparser hands a text/calendar alternative over as an attachment, with its Content-Type's parameters. */
function calendarPart(parts: { contentType: string; content: Buffer; headers: Map<string, unknown> }[]) {
  const part = parts.find((a) => a.contentType === "text/calendar");
  if (!part) return null;
  const type = part.headers.get("content-type") as { params?: Record<string, string> } | undefined;
  return { method: type?.params?.method ?? "", content: part.content.toString("utf8") };
}

export async function startMailbox(): Promise<Mailbox> {
  const box: Mailbox = {
    url: "",
    messages: [],
    attempts: [],
    refuse: null,
    delayMs: 0,
    to: (address) => box.messages.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      box.attempts.push(address.address.toLowerCase());
      if (!box.refuse) return callback();
      const error = Object.assign(new Error(box.refuse.message), { responseCode: box.refuse.code });
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (box.delayMs) await new Promise((r) => setTimeout(r, box.delayMs));
          box.messages.push({
            to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
            from: mail.from?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
            autoSubmitted: String(mail.headers.get("auto-submitted") ?? ""),
            calendar: calendarPart(mail.attachments),
          });
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  box.url = `smtp://127.0.0.1:${port}`;
  return box;
}
