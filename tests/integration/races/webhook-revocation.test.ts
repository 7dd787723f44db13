// Turning a webhook off, or deleting it, while deliveries are being claimed and sent
// (docs/decisions/017, 056-webhook-delete-and-test.md): once deactivateWebhook or deleteWebhook has
// returned, no new attempt starts. Attempts already under way may finish, but none is put back in
// the queue, and an event queued by a transaction that read the endpoint as still on is never
// sent. Of several deletes at once exactly one succeeds and is audited. A real receiver on
// 127.0.0.1 counts what arrives.
import { describe, expect, it } from "vitest";
import { deleteWebhook } from "@/lib/data/webhook-endpoints";
import { deactivateWebhook, deliverDue, enqueueEvent } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { fulfilled, race, rejected } from "../../support/race";
import { webhookFixture } from "../../support/webhook-fixture";
import { sleep, until } from "../../support/webhook-receiver";

const N = 6;
const ALLOW = ["127.0.0.1"];
const { receiver, admin, endpoint } = webhookFixture("revoke-admin@test.local");

const heardIds = () => receiver.heard.map((h) => String(h.headers["x-scorecards-delivery"]));
const queue = (n: number) =>
  db.$transaction(async (tx) => {
    for (let i = 0; i < n; i++) await enqueueEvent(tx, "decision.recorded", { decisionId: `d${i}` });
  });

/** Later worker passes, long after every retry would be due. */
async function laterPasses() {
  for (const hours of [1, 3, 24])
    await deliverDue({ allowHosts: ALLOW, now: new Date(Date.now() + hours * 3_600_000), limit: 50 });
}

const STOPS = [
  { how: "turning off", stop: deactivateWebhook, failedWith: /endpoint turned off/ },
  { how: "deleting", stop: deleteWebhook, failedWith: /endpoint (turned off|deleted)/ },
] as const;

describe.each(STOPS)("$how a webhook while its deliveries are in flight", ({ stop, failedWith }) => {
  it(`${N} workers claiming ${N} deliveries: after it returns, no new attempt starts`, async () => {
    const id = await endpoint();
    await queue(N);
    receiver.state.holding = true;
    const workers = race(N, () => deliverDue({ allowHosts: ALLOW, limit: N }));
    await until(() => receiver.heard.length >= 2); // several attempts are under way (the receiver holds them)
    await stop(admin(), id);
    // the attempts that had started: claimed (their lease set) before the stop returned. A
    // claimed attempt's request may still be on its way; no other delivery may be sent.
    const claimedBefore = (
      await db.webhookDelivery.findMany({
        where: { endpointId: id, nextAttemptAt: { gt: new Date(Date.now() + 60_000) } },
        select: { id: true },
      })
    ).map((d) => d.id);
    receiver.state.holding = false;
    receiver.state.status = 500;
    receiver.release(500); // the attempts under way fail: they must not be queued again
    const settled = await workers;
    expect(settled.every((s) => s.status === "fulfilled")).toBe(true);
    await laterPasses();
    expect(claimedBefore.length).toBeGreaterThanOrEqual(2);
    expect(new Set(heardIds()).size, "no delivery was sent twice").toBe(heardIds().length);
    expect(
      heardIds().filter((d) => !claimedBefore.includes(d)),
      "deliveries sent that had not been claimed before the stop returned",
    ).toEqual([]);
    const rows = await db.webhookDelivery.findMany({
      where: { endpointId: id },
      select: { status: true, lastError: true },
    });
    expect(rows).toHaveLength(N);
    expect(rows.filter((r) => r.status === "pending")).toEqual([]);
    expect(rows.every((r) => r.status === "failed" && failedWith.test(r.lastError ?? ""))).toBe(true);
  });

  it("an attempt under way that succeeds is recorded as delivered, and nothing is sent again", async () => {
    const id = await endpoint();
    await queue(1);
    receiver.state.holding = true;
    const worker = deliverDue({ allowHosts: ALLOW });
    await until(() => receiver.heard.length === 1);
    await stop(admin(), id);
    receiver.state.holding = false;
    receiver.release(200);
    expect((await worker).map((r) => r.outcome)).toEqual(["delivered"]);
    await laterPasses();
    expect(receiver.heard).toHaveLength(1);
    expect(
      await db.webhookDelivery.findFirstOrThrow({
        where: { endpointId: id },
        select: { status: true, attempts: true },
      }),
    ).toEqual({ status: "delivered", attempts: 1 });
  });

  it("an event queued by a transaction that saw the endpoint on, committed after it returns: never sent", async () => {
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
    const stopped = stop(admin(), id);
    // PostgreSQL: the stop commits first. SQLite has one writer: it waits for the event's
    // transaction, so that one is let go after a moment.
    await Promise.race([stopped, sleep(300)]);
    commit();
    await Promise.all([writer, stopped]);
    expect(await deliverDue({ allowHosts: ALLOW })).toEqual([]);
    await laterPasses();
    expect(receiver.heard).toHaveLength(0);
    expect(await db.webhookDelivery.findMany({ where: { endpointId: id }, select: { status: true } })).toEqual([
      { status: "failed" },
    ]);
  });
});

describe("deleting one webhook several times at once", () => {
  it(`${N} admins at once: one succeeds, the others are told it is gone, one audit entry`, async () => {
    const id = await endpoint();
    const results = await race(N, () => deleteWebhook(admin(), id));
    expect(fulfilled(results)).toHaveLength(1);
    expect(rejected(results).every((e) => e instanceof NotFoundError)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "webhook.deleted", entityId: id } })).toBe(1);
  });
});
