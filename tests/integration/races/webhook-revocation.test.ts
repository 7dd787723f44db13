// Turning a webhook off while deliveries are being claimed and sent (docs/decisions/017): once
// deactivateWebhook has returned, no new attempt starts. Attempts already under way may finish,
// but none is put back in the queue, and an event queued by a transaction that read the endpoint
// as still on is never sent. A real receiver on 127.0.0.1 counts what arrives.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deactivateWebhook, deliverDue, enqueueEvent } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { createUser } from "@/seed/factories";
import { race } from "../../support/race";

const N = 6;
const ALLOW = ["127.0.0.1"];
const held: ServerResponse[] = [];
let heard = 0;
const heardIds: string[] = [];
let holding = true; // while true, requests wait for the test to release them
const server = createServer((req, res) => {
  heard++;
  heardIds.push(String(req.headers["x-scorecards-delivery"]));
  req.resume();
  if (holding) held.push(res);
  else res.writeHead(500).end();
});
let url = "";
let admin: { id: string; roles: ["admin"] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(10);
  }
}
const release = (status: number) => held.splice(0).forEach((r) => r.writeHead(status).end());

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const a = await createUser(db, { email: "revoke-admin@test.local", name: "Revoke Admin", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
});
afterAll(async () => {
  release(200);
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(async () => {
  release(200);
  holding = true;
  heard = 0;
  heardIds.length = 0;
  await db.webhookDelivery.deleteMany();
  await db.webhookEndpoint.deleteMany();
});

async function endpoint() {
  return (
    await db.webhookEndpoint.create({
      data: { url, events: "decision.recorded", secret: "whsec_test", createdById: admin.id },
      select: { id: true },
    })
  ).id;
}
const queue = (n: number) =>
  db.$transaction(async (tx) => {
    for (let i = 0; i < n; i++) await enqueueEvent(tx, "decision.recorded", { decisionId: `d${i}` });
  });

/** Later worker passes, long after every retry would be due. */
async function laterPasses() {
  for (const hours of [1, 3, 24])
    await deliverDue({ allowHosts: ALLOW, now: new Date(Date.now() + hours * 3_600_000), limit: 50 });
}

describe("turning a webhook off while its deliveries are in flight", () => {
  it(`${N} workers claiming ${N} deliveries: after deactivateWebhook returns, no new attempt starts`, async () => {
    const id = await endpoint();
    await queue(N);
    const workers = race(N, () => deliverDue({ allowHosts: ALLOW, limit: N }));
    await until(() => heard >= 2); // several attempts are under way (the receiver holds them)
    await deactivateWebhook(admin, id);
    // the attempts that had started: claimed (their lease set) before the turn-off returned. A
    // claimed attempt's request may still be on its way; no other delivery may be sent.
    const claimedBefore = (
      await db.webhookDelivery.findMany({
        where: { endpointId: id, nextAttemptAt: { gt: new Date(Date.now() + 60_000) } },
        select: { id: true },
      })
    ).map((d) => d.id);
    holding = false;
    release(500); // the attempts under way fail: they must not be queued again
    const settled = await workers;
    expect(settled.every((s) => s.status === "fulfilled")).toBe(true);
    await laterPasses();
    expect(claimedBefore.length).toBeGreaterThanOrEqual(2);
    expect(new Set(heardIds).size, "no delivery was sent twice").toBe(heardIds.length);
    expect(
      heardIds.filter((d) => !claimedBefore.includes(d)),
      "deliveries sent that had not been claimed before the turn-off returned",
    ).toEqual([]);
    const rows = await db.webhookDelivery.findMany({
      where: { endpointId: id },
      select: { status: true, lastError: true },
    });
    expect(rows).toHaveLength(N);
    expect(rows.filter((r) => r.status === "pending")).toEqual([]);
    expect(rows.every((r) => r.status === "failed" && /endpoint turned off/.test(r.lastError ?? ""))).toBe(true);
  });

  it("an attempt under way that succeeds is recorded as delivered, and nothing is sent again", async () => {
    const id = await endpoint();
    await queue(1);
    const worker = deliverDue({ allowHosts: ALLOW });
    await until(() => heard === 1);
    await deactivateWebhook(admin, id);
    holding = false;
    release(200);
    expect((await worker).map((r) => r.outcome)).toEqual(["delivered"]);
    await laterPasses();
    expect(heard).toBe(1);
    expect(
      await db.webhookDelivery.findFirstOrThrow({
        where: { endpointId: id },
        select: { status: true, attempts: true },
      }),
    ).toEqual({ status: "delivered", attempts: 1 });
  });

  it("an event queued by a transaction that saw the endpoint on, committed after deactivateWebhook: never sent", async () => {
    const id = await endpoint();
    let commit!: () => void;
    const go = new Promise<void>((r) => (commit = r));
    let enqueued!: () => void;
    const inTx = new Promise<void>((r) => (enqueued = r));
    const writer = db.$transaction(
      async (tx) => {
        await enqueueEvent(tx, "decision.recorded", { decisionId: "late" });
        enqueued();
        await go;
      },
      { timeout: 20_000 },
    );
    await inTx;
    const off = deactivateWebhook(admin, id);
    // PostgreSQL: the turn-off commits first. SQLite has one writer: it waits for the event's
    // transaction, so that one is let go after a moment.
    await Promise.race([off, sleep(300)]);
    commit();
    await Promise.all([writer, off]);
    expect(await deliverDue({ allowHosts: ALLOW })).toEqual([]);
    await laterPasses();
    expect(heard).toBe(0);
    expect(await db.webhookDelivery.findMany({ where: { endpointId: id }, select: { status: true } })).toEqual([
      { status: "failed" },
    ]);
  });
});
