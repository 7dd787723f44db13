// Deleting a webhook and sending it a test event (docs/decisions/056-webhook-delete-and-test.md):
// the ping goes through the checked outbound path to a real receiver on 127.0.0.1 (allowed the way
// WEBHOOK_ALLOW_HOSTS allows it), a private address is refused before anything is sent, and a
// deleted endpoint is audited, unlisted and sent nothing more.
import { describe, expect, it } from "vitest";
import { deleteWebhook, sendTestEvent } from "@/lib/data/webhook-endpoints";
import { deactivateWebhook, deliverDue, enqueueEvent, listWebhooks } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { verifySignature } from "@/lib/domain/webhooks";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { webhookFixture } from "../support/webhook-fixture";

const ALLOW = ["127.0.0.1"];
const { receiver, admin: adminOf, endpoint } = webhookFixture("hooks-admin@test.local");

describe("send a test event", () => {
  it("posts a signed ping to the receiver and tells the admin its status code; it is listed", async () => {
    const id = await endpoint();
    receiver.state.status = 204;
    const r = await sendTestEvent(adminOf(), id, { allowHosts: ALLOW });
    expect(r).toEqual({ outcome: "delivered", status: 204, message: expect.stringContaining("HTTP 204") });
    expect(receiver.heard).toHaveLength(1);
    const { headers, body } = receiver.heard[0];
    expect(headers["x-scorecards-event"]).toBe("ping");
    expect(JSON.parse(body)).toMatchObject({ event: "ping", data: { webhookId: id } });
    expect(verifySignature("whsec_test", body, String(headers["x-scorecards-signature"]))).toBe(true);
    const hook = (await listWebhooks(adminOf())).find((h) => h.id === id)!;
    expect(hook.deliveries.map((d) => [d.event, d.status, d.lastStatusCode])).toEqual([["ping", "delivered", 204]]);
  });

  it("an error answer is reported with its code, and never retried", async () => {
    const id = await endpoint();
    receiver.state.status = 500;
    const r = await sendTestEvent(adminOf(), id, { allowHosts: ALLOW });
    expect(r).toMatchObject({ outcome: "failed", status: 500, message: expect.stringContaining("HTTP 500") });
    expect(await deliverDue({ allowHosts: ALLOW, now: new Date(Date.now() + 86_400_000) })).toEqual([]);
    expect(receiver.heard).toHaveLength(1);
  });

  it("a private address is refused before anything is sent, and the reason is shown", async () => {
    const id = await endpoint();
    const r = await sendTestEvent(adminOf(), id, { allowHosts: [] });
    expect(r.outcome).toBe("refused");
    expect(r.status).toBeNull();
    expect(r.message).toMatch(/refused/);
    expect(receiver.heard).toHaveLength(0);
    // a name that resolves to a private address is refused the same way
    const named = await endpoint("http://hooks.example.test/in");
    const viaDns = await sendTestEvent(adminOf(), named, { allowHosts: [], resolve: async () => ["10.0.0.7"] });
    expect(viaDns.outcome).toBe("refused");
  });

  it("only admins send one; a turned-off or deleted webhook is not sent one", async () => {
    const id = await endpoint();
    await expect(sendTestEvent({ id: adminOf().id, roles: ["recruiter"] }, id)).rejects.toBeInstanceOf(ForbiddenError);
    await deactivateWebhook(adminOf(), id);
    await expect(sendTestEvent(adminOf(), id, { allowHosts: ALLOW })).rejects.toBeInstanceOf(ConflictError);
    const other = await endpoint();
    await deleteWebhook(adminOf(), other);
    await expect(sendTestEvent(adminOf(), other, { allowHosts: ALLOW })).rejects.toBeInstanceOf(NotFoundError);
    expect(receiver.heard).toHaveLength(0);
  });
});

describe("delete a webhook", () => {
  it("is audited, unlisted, its secret wiped and its queued deliveries never sent", async () => {
    const id = await endpoint();
    await db.$transaction((tx) => enqueueEvent(tx, "decision.recorded", { decisionId: "d1" }));
    expect(await deleteWebhook(adminOf(), id)).toEqual({ id, deleted: true });
    expect((await listWebhooks(adminOf())).map((h) => h.id)).not.toContain(id);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true, active: true } });
    expect(row).toEqual({ secret: "", active: false });
    expect(await deliverDue({ allowHosts: ALLOW, now: new Date(Date.now() + 86_400_000) })).toEqual([]);
    expect(receiver.heard).toHaveLength(0);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "webhook.deleted", entityId: id } });
    expect(entry.actorId).toBe(adminOf().id);
    expect(JSON.parse(entry.before!)).toMatchObject({ url: receiver.url, active: true });
    // an event after the delete is not queued for it
    await db.$transaction((tx) => enqueueEvent(tx, "decision.recorded", { decisionId: "d2" }));
    expect(await db.webhookDelivery.count({ where: { endpointId: id, status: "pending" } })).toBe(0);
  });

  it("a second delete, a turn-off after it, and anyone but an admin are refused", async () => {
    const id = await endpoint();
    await expect(deleteWebhook({ id: adminOf().id, roles: ["hiring-manager"] }, id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await deleteWebhook(adminOf(), id);
    await expect(deleteWebhook(adminOf(), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deactivateWebhook(adminOf(), id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditLog.count({ where: { action: "webhook.deleted", entityId: id } })).toBe(1);
  });
});
