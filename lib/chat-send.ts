import "server-only";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { IncomingWebhook } from "@slack/webhook";
import { chatPayload, type ChatFacts, type ChatKind } from "./domain/chat-notices";
import {
  attemptFromError,
  attemptFromStatus,
  attemptPost,
  checkedAddresses,
  type Attempt,
  type Resolve,
} from "./outbound";

// Sending one chat notice (docs/decisions/073-chat-notices.md) under the outbound rules of
// docs/decisions/017: the host is resolved and checked once (checkedAddresses) and the connection
// goes to the address checked. Slack goes through its official client, @slack/webhook, given an
// agent whose lookup answers only that address (the client makes no lookup of its own, follows
// no redirect and, as configured, retries nothing: the reminder worker retries); Teams is a
// plain JSON POST through postChecked.

export type ChatSendOptions = { allow: ReadonlySet<string>; resolve?: Resolve; timeoutMs: number };
export type ChatAttempt = Attempt;

/** An agent that connects to `address` whatever name it is asked for (TLS still checks the URL's name). */
function pinnedAgent(tls: boolean, address: string) {
  const family = isIP(address);
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return tls ? new HttpsAgent({ lookup }) : new HttpAgent({ lookup });
}

type SlackError = Error & { original?: { response?: { status?: number } } };

async function sendSlack(url: string, body: object, opts: ChatSendOptions): Promise<ChatAttempt> {
  const u = new URL(url);
  const checked = await checkedAddresses(u, { ...opts, signal: AbortSignal.timeout(opts.timeoutMs) });
  if ("refused" in checked) return { error: checked.refused, refused: true };
  const agent = pinnedAgent(u.protocol === "https:", checked.addresses[0]);
  const hook = new IncomingWebhook(url, { agent, timeout: opts.timeoutMs });
  // the client reads the answer's body; a receiver must not be able to make it read without end
  const axios = (hook as unknown as { axios: { defaults: { maxContentLength: number } } }).axios;
  axios.defaults.maxContentLength = 64 * 1024;
  try {
    await hook.send(body);
    return { status: 200, error: null };
  } catch (e) {
    const status = (e as SlackError).original?.response?.status;
    return status !== undefined ? attemptFromStatus(status) : attemptFromError(e);
  } finally {
    agent.destroy();
  }
}

function sendTeams(url: string, body: object, opts: ChatSendOptions): Promise<ChatAttempt> {
  return attemptPost(url, {
    ...opts,
    headers: { "Content-Type": "application/json", "User-Agent": "Scorecards-Chat/1" },
    body: JSON.stringify(body),
  });
}

/** One attempt at one notice. Errors are returned, never thrown, and never hold the URL (a secret). */
export async function sendChatNotice(kind: ChatKind, url: string, facts: ChatFacts, opts: ChatSendOptions) {
  const body = chatPayload(kind, facts);
  const attempt = kind === "slack" ? await sendSlack(url, body, opts) : await sendTeams(url, body, opts);
  const u = new URL(url);
  const secret = `${u.pathname}${u.search}`;
  return attempt.error && secret.length > 1 ? { ...attempt, error: attempt.error.split(secret).join("/…") } : attempt;
}
