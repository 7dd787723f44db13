// The address a sign-in attempt is counted against (docs/decisions/015). X-Forwarded-For is
// written by whoever sends the request: with no proxy in front, all of it is the client's own
// claim, and Next.js keeps a value the client sent (it fills the header from the socket only when
// it is missing). So the client is the socket's peer, unless TRUSTED_PROXY_HOPS proxies are known
// to append to X-Forwarded-For: then it is the entry that many hops from the right, the last one
// written by a proxy we trust. Pure.
import ipaddr from "ipaddr.js";

/**
 * The request header carrying the socket's peer address: set by the server on every request
 * (lib/socket-address.ts), overwriting any the client sent.
 */
export const SOCKET_ADDRESS_HEADER = "x-scorecards-socket-address";

/**
 * The client's address as a throttle key: IPv4 as is, IPv6 as its /64 network (one subscriber
 * holds a whole /64, so single IPv6 addresses would be fresh for ever), or null when unknown.
 */
export function clientAddress(input: {
  forwardedFor?: string | null;
  socketAddress?: string | null;
  trustedHops: number;
}): string | null {
  if (input.trustedHops <= 0) return addressKey(input.socketAddress);
  const hops = (input.forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // fewer entries than trusted proxies: the request did not come through all of them, so none of
  // its header can be believed; the socket's peer is the nearest address we know
  if (hops.length < input.trustedHops) return addressKey(input.socketAddress);
  return addressKey(hops[hops.length - input.trustedHops]);
}

/** A normalised address ("::ffff:10.0.0.1" is 10.0.0.1; brackets and a port dropped), or null when it is not one. */
export function addressKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  const bracketed = s.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%.*$/, ""); // an IPv6 zone ("fe80::1%eth0") names a local interface, not a client
  // dotted quads or IPv6 only: ipaddr.js would also take "10" or "0x0a.1" as IPv4
  if (!ipaddr.IPv4.isValidFourPartDecimal(s) && !ipaddr.IPv6.isValid(s)) return null;
  const ip = ipaddr.process(s);
  if (ip.kind() === "ipv4") return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(":")}::/64`;
}
