import "server-only";
import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { normalizeHost, refusedDestination } from "./domain/outbound-address";
import { REDIRECT_REFUSED } from "./domain/webhooks";

// Outbound HTTP to URLs that admins enter (webhooks), checked at every request (docs/decisions/017):
// the host is resolved once, every address is checked, and the request goes to the checked
// address itself, so a DNS answer that changes between check and connect (rebinding) cannot
// aim it elsewhere. Global fetch would resolve the name again and follow redirects.

export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export type PostResult = { kind: "refused"; reason: string } | { kind: "answered"; status: number };

export type PostOptions = {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allow: ReadonlySet<string>;
  resolve?: Resolve;
};

/** How one outbound attempt ended, as webhook deliveries and chat notices record it. */
export type Attempt = { status?: number; error: string | null; refused?: true };

/** An answer: 2xx is delivered; a redirect is not followed (docs/decisions/017); anything else failed. */
export function attemptFromStatus(status: number): Attempt {
  if (status >= 300 && status < 400) return { status, error: `HTTP ${status}: ${REDIRECT_REFUSED}` };
  if (status < 200 || status >= 300) return { status, error: `HTTP ${status}` };
  return { status, error: null };
}

/** No answer (network error, timeout): the error in short. */
export const attemptFromError = (e: unknown): Attempt => ({
  error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : "request failed",
});

/** postChecked, its outcome as an Attempt: never throws. */
export async function attemptPost(url: string, opts: PostOptions): Promise<Attempt> {
  try {
    const res = await postChecked(url, opts);
    return res.kind === "refused" ? { error: res.reason, refused: true } : attemptFromStatus(res.status);
  } catch (e) {
    return attemptFromError(e);
  }
}

/**
 * POSTs `body` to `url` unless its host resolves to an address that is not public (and is not on
 * the allow-list): then nothing is sent and the reason is returned. The answer's body is not read;
 * redirects are answers like any other (the caller decides). Network errors and the timeout throw.
 */
export async function postChecked(url: string, opts: PostOptions): Promise<PostResult> {
  const u = new URL(url);
  const host = normalizeHost(u.hostname);
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const checked = await checkedAddresses(u, { ...opts, signal: deadline });
  if ("refused" in checked) return { kind: "refused", reason: checked.refused };
  const { addresses } = checked;
  const tls = u.protocol === "https:";
  const send = tls ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve, reject) => {
    const req = send(
      {
        host: addresses[0],
        port: u.port || (tls ? 443 : 80),
        path: `${u.pathname}${u.search}`,
        method: "POST",
        headers: { ...opts.headers, Host: u.host, "Content-Length": String(Buffer.byteLength(opts.body)) },
        // the certificate is checked against the name in the URL, not the address connected to
        ...(tls && !isIP(host) ? { servername: host } : {}),
        signal: deadline,
      },
      (res) => {
        res.destroy(); // only the status matters; a large or endless body is not read
        resolve({ kind: "answered", status: res.statusCode ?? 0 });
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/**
 * The one lookup and check of every outbound request: the addresses `u`'s host resolves to, or why
 * it is refused. A caller that connects must connect to these addresses (postChecked, or a client
 * given an agent pinned to them: lib/chat-send.ts), never resolve the name again.
 */
export async function checkedAddresses(
  u: URL,
  opts: { allow: ReadonlySet<string>; resolve?: Resolve; signal: AbortSignal },
): Promise<{ refused: string } | { addresses: string[] }> {
  const host = normalizeHost(u.hostname);
  const addresses = isIP(host) ? [host] : await withSignal((opts.resolve ?? systemResolve)(host), opts.signal);
  const refused = refusedDestination(host, addresses, opts.allow);
  return refused ? { refused } : { addresses };
}

function withSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
