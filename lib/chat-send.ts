import "server-only";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { IncomingWebhook } from "@slack/webhook";
import { chatPayload, type ChatFacts, type ChatKind } from "./domain/chat-notices";
import { REDIRECT_REFUSED } from "./domain/webhooks";
import { checkedAddresses, postChecked, type Resolve } from "./outbound";

// Sending one chat notice (docs/decisions/073-chat-notices.md) under the outbound rules of
// docs/decisions/017: the host is resolved and checked once (checkedAddresses) and the connection
// goes to the address checked. Slack goes through its official client, @slack/webhook, given an
// agent whose lookup answers only that address (the client makes no lookup of its own, follows
// no redirect and, as configured, retries nothing: the reminder worker retries); Teams is a
// plain JSON POST through postChecked.

export type ChatSendOptions = { allow: ReadonlySet<string>; resolve?: Resolve; timeoutMs: number };
export type ChatAttempt = { status?: number; error: string | null; refused?: true };

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
    if (status !== undefined && status >= 300 && status < 400)
      return { status, error: `HTTP ${status}: ${REDIRECT_REFUSED}` };
    if (status !== undefined) return { status, error: `HTTP ${status}` };
    return { error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : "request failed" };
  } finally {
    agent.destroy();
  }
}

async function sendTeams(url: string, body: object, opts: ChatSendOptions): Promise<ChatAttempt> {
  try {
    const res = await postChecked(url, {
      ...opts,
      headers: { "Content-Type": "application/json", "User-Agent": "Scorecards-Chat/1" },
      body: JSON.stringify(body),
    });
    if (res.kind === "refused") return { error: res.reason, refused: true };
    if (res.status >= 300 && res.status < 400)
      return { status: res.status, error: `HTTP ${res.status}: ${REDIRECT_REFUSED}` };
    if (res.status < 200 || res.status >= 300) return { status: res.status, error: `HTTP ${res.status}` };
    return { status: res.status, error: null };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : "request failed" };
  }
}

/** One attempt at one notice. Errors are returned, never thrown, and never hold the URL (a secret). */
export async function sendChatNotice(kind: ChatKind, url: string, facts: ChatFacts, opts: ChatSendOptions) {
  const body = chatPayload(kind, facts);
  const attempt = kind === "slack" ? await sendSlack(url, body, opts) : await sendTeams(url, body, opts);
  const u = new URL(url);
  const secret = `${u.pathname}${u.search}`;
  return attempt.error && secret.length > 1 ? { ...attempt, error: attempt.error.split(secret).join("/…") } : attempt;
}
