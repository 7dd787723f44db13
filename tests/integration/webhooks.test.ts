// API tokens (stored as hashes, revocable, expiring) and webhooks (outbox in the same
// transaction, signed, retried with backoff, claimed once across instances). A real HTTP receiver
// on 127.0.0.1 (opened by the allow-list, as an on-premises install would: docs/decisions/017),
// a real database.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/data/api-tokens";
import { recordDecision } from "@/lib/data/decisions";
import { submitScorecard } from "@/lib/data/scorecards";
import { createWebhook, deactivateWebhook, deliverDue, listWebhooks } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { verifySignature, WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";

type Received = { headers: Record<string, string | string[] | undefined>; body: string };
let server: Server;
let base = "";
const received: Received[] = [];
let answer = 200;

// the receiver is on loopback: opened for these tests as WEBHOOK_ALLOW_HOSTS would open it
const ALLOW = ["127.0.0.1"];
const deliver = (opts: Parameters<typeof deliverDue>[0] = {}) => deliverDue({ allowHosts: ALLOW, ...opts });

let p: Awaited<ReturnType<typeof createPanel>>;
let admin: { id: string; roles: ["admin"] };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  p = await createPanel(db);
  const a = await createUser(db, { email: "hooks-admin@test.local", name: "Hooks Admin", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("API tokens", () => {
  it("only admins create them; the token is shown once and only its hash is stored", async () => {
    await expect(
      createApiToken(
        { id: p.users.recruiter.id, roles: ["recruiter"] },
        { userId: p.users.recruiter.id, name: "Mine" },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await createApiToken(admin, { userId: "", name: "x", expiresInDays: "0" }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["expiresInDays", "name", "userId"]);
    const t = await createApiToken(admin, { userId: p.users.recruiter.id, name: "ATS sync", expiresInDays: "30" });
    expect(t.token).toMatch(/^sc_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(JSON.stringify(row)).not.toContain(t.token.slice(3));
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(29.9 * 86_400_000);
    expect((await authenticateToken(`Bearer ${t.token}`)).id).toBe(p.users.recruiter.id);
    expect((await listApiTokens(admin)).map((x) => x.name)).toContain("ATS sync");
  });

  it("revoked and expired tokens stop at once; creation and revocation are audited", async () => {
    const t = await createApiToken(admin, { userId: p.users.a.id, name: "Chat bot" });
    await revokeApiToken(admin, t.id);
    await expect(authenticateToken(`Bearer ${t.token}`)).rejects.toBeInstanceOf(UnauthenticatedError);
    const e = await createApiToken(admin, { userId: p.users.a.id, name: "Short lived", expiresInDays: 1 });
    await expect(authenticateToken(`Bearer ${e.token}`, new Date(Date.now() + 2 * 86_400_000))).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    expect((await authenticateToken(`bearer ${e.token}`)).id).toBe(p.users.a.id);
    await expect(authenticateToken(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(authenticateToken(`Basic ${e.token}`)).rejects.toBeInstanceOf(UnauthenticatedError);
    const actions = (
      await db.auditLog.findMany({ where: { entityType: "ApiToken", entityId: t.id }, orderBy: { at: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["api-token.created", "api-token.revoked"]);
    await expect(revokeApiToken({ id: p.users.a.id, roles: ["interviewer"] }, e.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

/**
 * A new webhook (both events unless given) made the only active one, with the receiver emptied and
 * answering 200: each test hears only the events it caused.
 */
async function onlyHook(events = ["scorecard.submitted", "decision.recorded"]) {
  await db.webhookEndpoint.updateMany({ where: { active: true }, data: { active: false } });
  received.length = 0;
  answer = 200;
  return createWebhook(admin, { url: `${base}/hooks`, events }, ["http://app.example.com:8080"], ALLOW);
}

describe("webhooks", () => {
  it("only admins register them; only http(s), never the app's own address", async () => {
    await expect(
      createWebhook(
        { id: p.users.recruiter.id, roles: ["recruiter"] },
        { url: base, events: ["decision.recorded"] },
        [],
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const endpoints = await db.webhookEndpoint.count();
    for (const [url, message] of [
      ["ftp://files.example.com/x", /http:\/\/ or https:\/\//],
      ["http://app.example.com:8080/api/v1/me", /own address/],
      ["https://user:pw@hooks.example.com", /credentials/],
    ] as const) {
      const e = await createWebhook(admin, { url, events: ["scorecard.submitted"] }, [
        "http://app.example.com:8080",
      ]).catch((x) => x);
      expect(e.fieldErrors.url[0]).toMatch(message);
    }
    const none = await createWebhook(admin, { url: base, events: [] }, []).catch((x) => x);
    expect(none.fieldErrors.events).toBeDefined();
    expect(await db.webhookEndpoint.count()).toBe(endpoints);
    const h = await createWebhook(
      admin,
      { url: `${base}/hooks`, events: ["scorecard.submitted", "decision.recorded"] },
      ["http://app.example.com:8080"],
      ALLOW,
    );
    expect(h.secret).toMatch(/^whsec_/);
  });

  it("a submitted scorecard is delivered once, signed; a refused submission queues nothing", async () => {
    const hook = await onlyHook();
    const queued = () => db.webhookDelivery.count({ where: { endpointId: hook.id } });
    const refused = await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: { ratings: {}, redFlags: {}, keyTakeaways: "", recommendation: "" },
      submissionKey: randomUUID(),
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(await queued()).toBe(0);

    const key = randomUUID();
    await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0, "4"),
      submissionKey: key,
    });
    await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0, "4"),
      submissionKey: key,
    }); // a retry
    expect(await queued()).toBe(1);

    // two instances look at once: one sends
    const [r1, r2] = await Promise.all([deliver(), deliver()]);
    expect([...r1, ...r2].map((r) => r.outcome)).toEqual(["delivered"]);
    expect(received).toHaveLength(1);
    const got = received[0];
    expect(got.headers["x-scorecards-event"]).toBe("scorecard.submitted");
    expect(verifySignature(hook.secret, got.body, String(got.headers["x-scorecards-signature"]))).toBe(true);
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({
      event: "scorecard.submitted",
      data: { interviewId: p.interviews.a.id, candidateId: p.candidates.cand1.id, interviewerId: p.users.a.id },
    });
    expect(got.body).not.toContain("evidence");
    expect(await deliver()).toEqual([]);
    const listed = (await listWebhooks(admin)).find((h) => h.id === hook.id)!;
    expect(listed.deliveries[0]).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
  });

  it("a failing receiver is retried with growing delays, then given up", async () => {
    const hook = await onlyHook();
    answer = 500;
    await submitScorecard(p.users.b.id, p.interviews.b.id, {
      baseVersion: 0,
      values: p.completeValues(1, "3"),
      submissionKey: randomUUID(),
    });
    let now = new Date();
    const seen: number[] = [];
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      const r = await deliver({ now });
      expect(r.map((x) => x.outcome)).toEqual([attempt < WEBHOOK_MAX_ATTEMPTS ? "retry" : "failed"]);
      expect(await deliver({ now })).toEqual([]); // not due again yet
      const d = await db.webhookDelivery.findFirstOrThrow({
        where: { endpointId: hook.id, event: "scorecard.submitted", status: { not: "delivered" } },
      });
      seen.push(Math.round((d.nextAttemptAt.getTime() - now.getTime()) / 1000));
      now = new Date(d.nextAttemptAt.getTime() + 1000);
    }
    expect(seen.slice(0, 5)).toEqual([30, 120, 480, 1920, 7680]);
    const d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id, status: "failed" } });
    expect(d).toMatchObject({ attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 500, lastError: "HTTP 500" });
  });

  it("a recorded decision is an event; a turned-off webhook gets nothing more", async () => {
    const hook = await onlyHook();
    const decision = await recordDecision(
      { id: p.users.manager.id, roles: ["hiring-manager"] },
      p.candidates.cand1.id,
      { outcome: "hold", rationale: "Waiting for the second loop to finish." },
    );
    await deliver();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0].body)).toMatchObject({
      event: "decision.recorded",
      data: { decisionId: decision.id, outcome: "hold", candidateId: p.candidates.cand1.id },
    });
    await deactivateWebhook(admin, hook.id);
    await recordDecision({ id: p.users.manager.id, roles: ["hiring-manager"] }, p.candidates.cand1.id, {
      outcome: "hold",
      rationale: "Still waiting for the second loop.",
      previousDecisionId: decision.id,
    });
    expect(await deliver()).toEqual([]);
    expect(received).toHaveLength(1);
  });
});
