import { describe, expect, it } from "vitest";
import { addressRange, isPublicAddress, parseAllowHosts, refusedDestination } from "./outbound-address";

describe("outbound address classification", () => {
  it("only public unicast addresses are open", () => {
    for (const a of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
      expect(isPublicAddress(a), a).toBe(true);
  });
  it("names the range of every address that is not", () => {
    const cases: [string, string][] = [
      ["127.0.0.1", "loopback"],
      ["127.255.0.9", "loopback"],
      ["::1", "loopback"],
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["0.0.0.0", "unspecified"],
      ["::", "unspecified"],
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["192.168.0.1", "private"],
      ["::ffff:192.168.0.1", "private"],
      ["100.64.0.1", "carrierGradeNat"],
      ["169.254.169.254", "linkLocal"],
      ["fe80::1", "linkLocal"],
      ["fe80::1%eth0", "linkLocal"],
      ["fc00::1", "uniqueLocal"],
      ["fd00::1", "uniqueLocal"],
      ["224.0.0.1", "multicast"],
      ["ff02::1", "multicast"],
      ["255.255.255.255", "broadcast"],
      ["240.0.0.1", "reserved"],
      ["192.0.2.1", "reserved"],
      ["2001:db8::1", "reserved"],
      ["::7f00:1", "ipv4Compatible"],
      ["64:ff9b::7f00:1", "rfc6052"],
      ["2002:7f00:1::", "6to4"],
      ["not-an-ip", "invalid"],
    ];
    for (const [a, range] of cases) expect([a, addressRange(a)]).toEqual([a, range]);
    for (const [a] of cases) expect(isPublicAddress(a), a).toBe(false);
  });
  it("a destination is refused when any address is not public, unless the allow-list names the host", () => {
    const none = parseAllowHosts("");
    expect(refusedDestination("hooks.example.com", ["93.184.215.14"], none)).toBeNull();
    expect(refusedDestination("hooks.example.com", ["93.184.215.14", "10.0.0.1"], none)).toBe(
      "refused: hooks.example.com resolves to a private address",
    );
    expect(refusedDestination("hooks.example.com", [], none)).toMatch(/^refused/);
    expect(refusedDestination("localhost", ["93.184.215.14"], none)).toMatch(/^refused: localhost/);
    const allow = parseAllowHosts(" Hooks.Corp.Internal. , 10.0.0.5,[::1],");
    expect([...allow]).toEqual(["hooks.corp.internal", "10.0.0.5", "::1"]);
    expect(refusedDestination("HOOKS.corp.internal", ["10.9.9.9"], allow)).toBeNull();
    expect(refusedDestination("10.0.0.5", ["10.0.0.5"], allow)).toBeNull();
    expect(refusedDestination("[::1]", ["::1"], allow)).toBeNull();
    expect(refusedDestination("other.corp.internal", ["10.0.0.5"], allow)).toMatch(/^refused/); // the address is listed, this name is not
    expect(refusedDestination("10.0.0.6", ["10.0.0.6"], allow)).toMatch(/^refused/);
  });
});
