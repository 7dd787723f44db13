import { describe, expect, it } from "vitest";
import { parseAllowHosts } from "./outbound-address";
import { retryDelayMs, signPayload, verifySignature, webhookUrlProblem, WEBHOOK_MAX_ATTEMPTS } from "./webhooks";

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
