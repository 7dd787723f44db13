import { describe, expect, it } from "vitest";
import { addressRange, isPublicAddress, parseAllowHosts, refusedDestination } from "@/lib/domain/outbound-address";
import {
  retryDelayMs,
  signPayload,
  verifySignature,
  webhookUrlProblem,
  WEBHOOK_MAX_ATTEMPTS,
} from "@/lib/domain/webhooks";

describe("webhook signatures", () => {
  const at = new Date("2026-11-23T10:00:00Z");
  it("sign and verify round-trip; a changed body, secret or stale time fails", () => {
    const sig = signPayload("s3cret", '{"a":1}', at);
    expect(sig).toMatch(/^t=1795428000,v1=[0-9a-f]{64}$/);
    expect(verifySignature("s3cret", '{"a":1}', sig, at)).toBe(true);
    expect(verifySignature("s3cret", '{"a":2}', sig, at)).toBe(false);
    expect(verifySignature("other", '{"a":1}', sig, at)).toBe(false);
    expect(verifySignature("s3cret", '{"a":1}', sig, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature("s3cret", '{"a":1}', "garbage", at)).toBe(false);
  });
});

describe("retries", () => {
  it("back off by four each time, for a bounded number of attempts", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 120_000, 480_000, 1_920_000, 7_680_000]);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(6);
  });
});

describe("webhook URLs", () => {
  const own = ["https://scorecards.example.com", "http://127.0.0.1:3000"];
  it("accept other http(s) hosts; a local one only when the allow-list names it", () => {
    expect(webhookUrlProblem("https://ats.example.com/hooks/scorecards", own)).toBeNull();
    expect(webhookUrlProblem("http://93.184.215.14:8080/hook", own)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:4010/hook", own, parseAllowHosts("127.0.0.1"))).toBeNull();
    expect(webhookUrlProblem("http://ats.corp.internal/hook", own)).toBeNull(); // a name: checked when delivering
  });
  it("refuse plainly local hosts: loopback, private, link-local, unspecified, localhost", () => {
    for (const url of [
      "http://127.0.0.1:4010/hook",
      "http://[::1]:4010",
      "http://[::ffff:127.0.0.1]:4010",
      "http://0.0.0.0:4010",
      "http://LOCALHOST.:4010",
      "http://a.localhost",
      "http://10.0.0.1",
      "http://192.168.1.1",
      "http://169.254.169.254/latest/meta-data",
      "http://[fd12::1]",
      "http://0x7f.1",
    ]) {
      expect(webhookUrlProblem(url, own), url).toMatch(/local or private network address/);
    }
    expect(webhookUrlProblem("http://127.0.0.1:4010/hook", own, parseAllowHosts("localhost"))).toMatch(
      /local or private/,
    );
  });
  it("refuse other schemes, credentials and the app's own origins", () => {
    expect(webhookUrlProblem("ftp://x.example.com", own)).toMatch(/Only http/);
    expect(webhookUrlProblem("file:///etc/passwd", own)).toMatch(/Only http/);
    expect(webhookUrlProblem("https://user:pw@x.example.com", own)).toMatch(/credentials/);
    expect(webhookUrlProblem("https://SCORECARDS.example.com/api/v1/me", own)).toMatch(/own address/);
    expect(webhookUrlProblem("http://127.0.0.1:3000/api", own)).toMatch(/own address/);
    expect(webhookUrlProblem("not a url", own)).toMatch(/Enter an http/);
  });
});

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
