// Deleting a webhook while its deliveries are being claimed and sent, and two deletes at once
// (docs/decisions/056-webhook-delete-and-test.md, 017): once deleteWebhook has returned no new
// attempt starts, none is queued again, an event from a transaction that saw the endpoint on is
// never sent, and of several deletes exactly one succeeds and is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deleteWebhook } from "@/lib/data/webhook-endpoints";
import { deliverDue, enqueueEvent } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { fulfilled, race, rejected } from "../../support/race";
import { sleep, until, webhookReceiver } from "../../support/webhook-receiver";

const N = 6;
const ALLOW = ["127.0.0.1"];
const receiver = webhookReceiver();
let admin: { id: string; roles: ["admin"] };

beforeAll(async () => {
  await receiver.start();
  const a = await createUser(db, { email: "delete-admin@test.local", name: "Delete Admin", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
});
afterAll(() => receiver.stop());
beforeEach(async () => {
  receiver.reset();
  await db.webhookDelivery.deleteMany();
  await db.webhookEndpoint.deleteMany();
});

async function endpoint() {
  return (
    await db.webhookEndpoint.create({
      data: { url: receiver.url, events: "decision.recorded", secret: "whsec_test", createdById: admin.id },
      select: { id: true },
    })
  ).id;
}
const heardIds = () => receiver.heard.map((h) => String(h.headers["x-scorecards-delivery"]));
async function laterPasses() {
  for (const hours of [1, 3, 24])
    await deliverDue({ allowHosts: ALLOW, now: new Date(Date.now() + hours * 3_600_000), limit: 50 });
}

describe("deleting a webhook while its deliveries are in flight", () => {
  it(`${N} workers claiming ${N} deliveries: after deleteWebhook returns, no new attempt starts`, async () => {
    const id = await endpoint();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < N; i++) await enqueueEvent(tx, "decision.recorded", { decisionId: `d${i}` });
    });
    receiver.state.holding = true;
    const workers = race(N, () => deliverDue({ allowHosts: ALLOW, limit: N }));
    await until(() => receiver.heard.length >= 2);
    await deleteWebhook(admin, id);
    const claimedBefore = (
      await db.webhookDelivery.findMany({
        where: { endpointId: id, nextAttemptAt: { gt: new Date(Date.now() + 60_000) } },
        select: { id: true },
      })
    ).map((d) => d.id);
    receiver.state.holding = false;
    receiver.state.status = 500;
    receiver.release(500);
    const settled = await workers;
    expect(settled.every((s) => s.status === "fulfilled")).toBe(true);
    await laterPasses();
    expect(claimedBefore.length).toBeGreaterThanOrEqual(2);
    expect(new Set(heardIds()).size, "no delivery was sent twice").toBe(heardIds().length);
    expect(heardIds().filter((d) => !claimedBefore.includes(d))).toEqual([]);
    const rows = await db.webhookDelivery.findMany({ where: { endpointId: id }, select: { status: true } });
    expect(rows).toHaveLength(N);
    expect(rows.every((r) => r.status === "failed")).toBe(true);
  });

  it("an event queued by a transaction that saw the endpoint on, committed after the delete: never sent", async () => {
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
    const del = deleteWebhook(admin, id);
    // PostgreSQL: the delete commits first. SQLite has one writer: it waits for the event's
    // transaction, so that one is let go after a moment.
    await Promise.race([del, sleep(300)]);
    commit();
    await Promise.all([writer, del]);
    expect(await deliverDue({ allowHosts: ALLOW })).toEqual([]);
    await laterPasses();
    expect(receiver.heard).toHaveLength(0);
  });

  it(`${N} admins deleting one webhook at once: one succeeds, the others are told it is gone, one audit entry`, async () => {
    const id = await endpoint();
    const results = await race(N, () => deleteWebhook(admin, id));
    expect(fulfilled(results)).toHaveLength(1);
    expect(rejected(results).every((e) => e instanceof NotFoundError)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "webhook.deleted", entityId: id } })).toBe(1);
  });
});
