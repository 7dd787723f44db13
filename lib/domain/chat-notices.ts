// Chat notices to Slack and Microsoft Teams incoming webhooks (docs/decisions/073-chat-notices.md):
// the queue keys, the words and the two payload formats. Pure. A notice says who, which candidate,
// which opening and links to the page — never evidence, ratings, a recommendation or an outcome:
// an opening's channel is shared, and people in it may still owe their own scorecard.
import { isIP } from "node:net";
import { CHAT_URL_MAX, type ChatKind } from "./chat-kinds";
import { normalizeHost } from "./outbound-address";
import { webhookUrlProblem } from "./webhooks";

export { CHAT_KINDS, CHAT_URL_MAX, isChatKind, type ChatKind } from "./chat-kinds";

/** reminder: a person's scorecard reminder (e-mail's twin); the rest go to an opening's channel. */
export type ChatEvent = "reminder" | "submitted" | "debrief" | "decision";
export type ChatDestination = { type: "user" | "opening"; id: string };

/**
 * One Reminder row per event and destination, so a second insert does nothing:
 * `chat:<event>:<user|opening>:<id>:<subject>` — the subject (a reminder's own key, a scorecard,
 * candidate or decision id) last, as a reminder key has colons of its own.
 */
export const chatKey = (event: ChatEvent, dest: ChatDestination, subject: string) =>
  `chat:${event}:${dest.type}:${dest.id}:${subject}`;

export const isChatKey = (key: string) => key.startsWith("chat:");

export function parseChatKey(key: string): { event: ChatEvent; dest: ChatDestination; subject: string } | null {
  const m = /^chat:(reminder|submitted|debrief|decision):(user|opening):([^:]+):(.+)$/.exec(key);
  if (!m) return null;
  return { event: m[1] as ChatEvent, dest: { type: m[2] as ChatDestination["type"], id: m[3] }, subject: m[4] };
}

/** What a notice may say. Names are cut so a long one cannot push the link out of a message. */
export type ChatFacts =
  | {
      event: "reminder";
      candidateName: string;
      openingTitle: string;
      link: string;
      overdue: boolean;
      requestedByName?: string;
    }
  | { event: "submitted"; personName: string; candidateName: string; openingTitle: string; link: string }
  | { event: "debrief"; candidateName: string; openingTitle: string; link: string }
  | { event: "decision"; personName: string; candidateName: string; openingTitle: string; link: string };

const cut = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The one line every notice carries, and the label of its link. */
export function chatWords(f: ChatFacts): { text: string; linkLabel: string } {
  const c = cut(f.candidateName);
  const o = cut(f.openingTitle);
  switch (f.event) {
    case "reminder":
      return {
        text: f.requestedByName
          ? `${cut(f.requestedByName)} asked for your scorecard for ${c} (${o}).`
          : f.overdue
            ? `Your scorecard for ${c} (${o}) is overdue.`
            : `Reminder: your scorecard for ${c} (${o}) is due.`,
        linkLabel: "Open the scorecard",
      };
    case "submitted":
      return { text: `${cut(f.personName)} submitted a scorecard for ${c} (${o}).`, linkLabel: "Open the candidate" };
    case "debrief":
      return {
        text: `Everyone on the loop has submitted for ${c} (${o}) — ready for debrief.`,
        linkLabel: "Open the candidate",
      };
    case "decision":
      return { text: `${cut(f.personName)} recorded a decision for ${c} (${o}).`, linkLabel: "Open the candidate" };
  }
}

/** Slack's mrkdwn control characters: `<!channel>` in a name must not notify a whole channel. */
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A Block Kit message: `text` (the notification's fallback, escaped) and a plain_text section —
 * plain text so no name is read as markup or a mention — with a button to the page.
 */
export function slackMessage(f: ChatFacts) {
  const { text, linkLabel } = chatWords(f);
  return {
    text: slackEscape(`${text} ${f.link}`),
    blocks: [
      { type: "section", text: { type: "plain_text", text, emoji: false } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: linkLabel, emoji: false }, url: f.link }],
      },
    ],
  };
}

/** Adaptive Card TextBlocks read a markdown subset: a name like `[x](https://…)` must stay text. */
const markdownEscape = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (ch) => `\\${ch}`);

/** A Teams message for Workflows and incoming webhooks: one Adaptive Card 1.4 with a link action. */
export function teamsMessage(f: ChatFacts) {
  const { text, linkLabel } = chatWords(f);
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [{ type: "TextBlock", text: markdownEscape(text), wrap: true }],
          actions: [{ type: "Action.OpenUrl", title: linkLabel, url: f.link }],
        },
      },
    ],
  };
}

export const chatPayload = (kind: ChatKind, f: ChatFacts) => (kind === "slack" ? slackMessage(f) : teamsMessage(f));

/** How a stored URL is shown back: its host and last four characters, never the secret path. */
export function maskChatUrl(url: string): string {
  let host = "";
  try {
    host = new URL(url).host;
  } catch {
    /* a stored value that no longer parses still shows its last characters */
  }
  return `${host} …${url.slice(-4)}`;
}

/**
 * Why a URL may not receive chat notices, or null: the webhook rules (docs/decisions/017: no
 * credentials, not the app itself, not a local or private address unless allow-listed) plus
 * https — the URL is a bearer secret — except for a host the allow-list names (a receiver on the
 * install's own network, or a test's on 127.0.0.1).
 */
export function chatUrlProblem(url: string, ownOrigins: readonly string[], allow: ReadonlySet<string>): string | null {
  if (url.length > CHAT_URL_MAX) return `At most ${CHAT_URL_MAX} characters`;
  const problem = webhookUrlProblem(url, ownOrigins, allow);
  if (problem)
    return problem
      .replace("receive webhooks", "receive chat notices")
      .replace("; verify the signature instead", "")
      .replace("webhooks go", "notices go");
  const u = new URL(url);
  const host = normalizeHost(u.hostname);
  if (u.protocol !== "https:" && !allow.has(host)) return "Use the https:// URL the chat app gave you";
  if (!isIP(host) && !host.includes(".") && !allow.has(host)) return "Enter the full URL the chat app gave you";
  return null;
}

/** What an answer means: 2xx sent; 429, 5xx and no answer are tried again; other answers are final. */
export function chatAnswer(status: number | undefined): "sent" | "retry" | "final" {
  if (status === undefined) return "retry";
  if (status >= 200 && status < 300) return "sent";
  return status === 429 || status >= 500 ? "retry" : "final";
}
