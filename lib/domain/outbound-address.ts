// Which addresses the app's outbound requests (webhooks) may reach (docs/decisions/017). The
// ranges come from ipaddr.js: only its "unicast" range, the public internet, is open; loopback,
// private, link-local, unique-local, unspecified, CGNAT, multicast, broadcast, reserved and the
// IPv6 forms that embed an IPv4 address are not. The allow-list opens hosts an install names.
import ipaddr from "ipaddr.js";

/** A host as written in a URL or the allow-list: lower case, no brackets, no trailing dot. */
export function normalizeHost(host: string): string {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.+$/, "");
  return ipaddr.isValid(h) ? ipaddr.process(h).toString() : h;
}

/** The range an IP address falls in ("unicast" = public), or "invalid". v4-mapped IPv6 counts as its IPv4. */
export function addressRange(address: string): string {
  const bare = address.replace(/%.*$/, ""); // an IPv6 zone id names an interface, not an address
  if (!ipaddr.isValid(bare)) return "invalid";
  const ip = ipaddr.process(bare);
  const range = ip.range();
  // the deprecated IPv4-compatible form (::a.b.c.d) is not a range ipaddr.js names
  if (
    range === "unicast" &&
    ip.kind() === "ipv6" &&
    ip
      .toByteArray()
      .slice(0, 12)
      .every((b) => b === 0)
  )
    return "ipv4Compatible";
  return range;
}

export const isPublicAddress = (address: string) => addressRange(address) === "unicast";

/** Names that are local by definition (RFC 6761), refused without asking DNS. */
export const isLocalName = (host: string) => {
  const h = normalizeHost(host);
  return h === "localhost" || h.endsWith(".localhost");
};

/** WEBHOOK_ALLOW_HOSTS: comma-separated host names or IP addresses, normalized. */
export function parseAllowHosts(list: string | readonly string[]): Set<string> {
  const items = typeof list === "string" ? list.split(",") : list;
  return new Set(items.map(normalizeHost).filter(Boolean));
}

/**
 * Why a request to `host` (resolved to `addresses`) is refused, or null when it may go: a host the
 * allow-list names exactly (the name as written in the URL, or that IP address) goes wherever it
 * resolves; any other host only when every address it resolves to is public.
 */
export function refusedDestination(
  host: string,
  addresses: readonly string[],
  allow: ReadonlySet<string>,
): string | null {
  const h = normalizeHost(host);
  if (allow.has(h)) return null;
  if (isLocalName(h) || !addresses.length || !addresses.every(isPublicAddress))
    return `refused: ${h} resolves to a private address`;
  return null;
}
