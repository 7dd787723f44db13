import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("with no trusted proxy, is the socket's peer whatever X-Forwarded-For claims", () => {
    expect(clientAddress({ forwardedFor: "10.8.8.9", socketAddress: "203.0.113.7", trustedHops: 0 })).toBe(
      "203.0.113.7",
    );
    expect(
      clientAddress({ forwardedFor: "10.8.8.9, 10.8.8.10", socketAddress: "::ffff:203.0.113.7", trustedHops: 0 }),
    ).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: "10.8.8.9", socketAddress: null, trustedHops: 0 })).toBeNull();
  });

  it("with trusted proxies, is the entry that many hops from the right (what the client wrote on the left is ignored)", () => {
    // the client sent "10.8.8.9"; our one proxy appended the address it saw
    expect(clientAddress({ forwardedFor: "10.8.8.9, 198.51.100.4", socketAddress: "10.0.0.2", trustedHops: 1 })).toBe(
      "198.51.100.4",
    );
    // two proxies: the outer one appended the client, the inner one the outer proxy
    expect(
      clientAddress({ forwardedFor: "1.1.1.1, 198.51.100.4, 10.0.0.3", socketAddress: "10.0.0.2", trustedHops: 2 }),
    ).toBe("198.51.100.4");
    expect(clientAddress({ forwardedFor: "198.51.100.4", socketAddress: "10.0.0.2", trustedHops: 1 })).toBe(
      "198.51.100.4",
    );
  });

  it("with fewer entries than trusted proxies, falls back to the socket's peer", () => {
    expect(clientAddress({ forwardedFor: "198.51.100.4", socketAddress: "203.0.113.7", trustedHops: 2 })).toBe(
      "203.0.113.7",
    );
    expect(clientAddress({ forwardedFor: "", socketAddress: "203.0.113.7", trustedHops: 1 })).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: null, socketAddress: null, trustedHops: 1 })).toBeNull();
  });

  it("an entry that is not an address counts as unknown", () => {
    expect(
      clientAddress({ forwardedFor: "10.0.0.1, not-an-ip", socketAddress: "10.0.0.2", trustedHops: 1 }),
    ).toBeNull();
    expect(clientAddress({ forwardedFor: "unknown", socketAddress: "10.0.0.2", trustedHops: 1 })).toBeNull();
  });
});

describe("addressKey", () => {
  it("normalises what proxies and sockets write", () => {
    expect(addressKey("198.51.100.4")).toBe("198.51.100.4");
    expect(addressKey(" 198.51.100.4:51234 ")).toBe("198.51.100.4");
    expect(addressKey("::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(addressKey("[2001:db8:1:2:3:4:5:6]:443")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::99")).toBe("2001:db8:1:2::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
  it("one IPv6 subscriber's /64 is one key", () => {
    expect(addressKey("2001:db8:aa:bb::1")).toBe(addressKey("2001:db8:aa:bb:ffff:ffff:ffff:ffff"));
    expect(addressKey("2001:db8:aa:bb::1")).not.toBe(addressKey("2001:db8:aa:bc::1"));
  });
  it("is null for anything else", () => {
    for (const s of [
      null,
      undefined,
      "",
      "10",
      "0x0a.0.0.1",
      "1.2.3.4.5",
      "evil.example",
      "1.2.3.4, 5.6.7.8",
      "<script>",
    ])
      expect(addressKey(s)).toBeNull();
  });
});
