import { describe, expect, it } from "vitest";
import { retryDelayMs, signPayload, verifySignature, webhookUrlProblem, WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";

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
  it("accept other http(s) hosts", () => {
    expect(webhookUrlProblem("https://ats.example.com/hooks/scorecards", own)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:4010/hook", own)).toBeNull();
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
