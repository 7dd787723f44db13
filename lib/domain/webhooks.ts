// Webhook rules that need no database (docs/decisions/007-api-tokens-and-webhooks.md,
// 017-outbound-requests.md): signatures, retry schedule, URL checks.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { isLocalName, isPublicAddress, normalizeHost } from "./outbound-address";

export const WEBHOOK_MAX_ATTEMPTS = 6;

/** Delay before attempt n+1 after n failed attempts: 30 s, 2 min, 8 min, 32 min, ~2 h 8 min. */
export function retryDelayMs(failedAttempts: number): number {
  return 30_000 * 4 ** Math.max(0, failedAttempts - 1);
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` — the receiver recomputes and compares. */
export function signPayload(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** What a receiver does: check the signature and that it is recent (default 5 minutes). */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  now = new Date(),
  toleranceSeconds = 300,
): boolean {
  const m = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], "hex"));
}

/** What a delivery records when a 3xx answers: following it would reach a URL nobody checked. */
export const REDIRECT_REFUSED = "redirects are not followed";

/**
 * Why a URL may not receive webhooks, or null when it may: only http(s), no credentials in it,
 * never the app itself (its own origins), and not a plainly local host (localhost, a loopback or
 * private IP address) unless the allow-list names it. This is the form's first line of defence;
 * each delivery resolves the host and checks again (docs/decisions/017).
 */
export function webhookUrlProblem(
  url: string,
  ownOrigins: readonly string[],
  allow: ReadonlySet<string> = new Set(),
): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "Enter an http:// or https:// URL";
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return "Only http:// and https:// URLs receive webhooks";
  if (u.username || u.password) return "Put no credentials in the URL; verify the signature instead";
  const own = new Set(
    ownOrigins.flatMap((o) => {
      try {
        return [new URL(o).host.toLowerCase()];
      } catch {
        return [];
      }
    }),
  );
  if (own.has(u.host.toLowerCase())) return "This is the app's own address; webhooks go to other systems";
  const host = normalizeHost(u.hostname);
  if (!allow.has(host) && (isLocalName(host) || (isIP(host) && !isPublicAddress(host)))) {
    return "This is a local or private network address; webhooks go to systems on the internet";
  }
  return null;
}
