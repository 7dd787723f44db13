import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { parseAllowHosts } from "../domain/outbound-address";
import { env } from "../env";
import { ConflictError, NotFoundError } from "../errors";
import type { Viewer } from "../domain/permissions";
import { audit } from "./audit";
import { assertAdmin, attemptOnce, failPending, type DeliverOptions } from "./webhooks";

// Deleting a webhook and sending it a test event (docs/decisions/056-webhook-delete-and-test.md).
// A deleted endpoint is turned off in the same way as deactivateWebhook (so the delivery
// guarantees of docs/decisions/017 hold unchanged: no new attempt starts once this returns), its
// secret is wiped and it is no longer listed; the row stays so the audit log and queued events
// that name it still point at something.

const DELETED = "endpoint deleted";

export async function deleteWebhook(viewer: Viewer, id: string, now = new Date()) {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({
      where: { id, deletedAt: null },
      select: { url: true, events: true, active: true },
    });
    if (!row) throw new NotFoundError("Webhook not found.");
    // conditional, so of two deletes at once only one is recorded
    const done = await tx.webhookEndpoint.updateMany({
      where: { id, deletedAt: null },
      data: { active: false, deletedAt: now, secret: "" },
    });
    if (done.count !== 1) throw new NotFoundError("Webhook not found.");
    await failPending(tx, id, DELETED);
    await audit(tx, {
      actorId: viewer.id,
      action: "webhook.deleted",
      entityType: "WebhookEndpoint",
      entityId: id,
      before: { url: row.url, events: row.events, active: row.active },
    });
    return { id, deleted: true };
  });
}

export type TestEventResult = {
  outcome: "delivered" | "failed" | "refused";
  status: number | null;
  /** What the admin reads: the answer's status code, or why nothing was sent. */
  message: string;
};

/**
 * Sends a signed `ping` event now, through the same checked outbound path as every delivery
 * (lib/outbound.ts: the address is resolved and refused if private unless allow-listed), and
 * records it among the endpoint's deliveries. Not retried: the admin sees the answer at once.
 */
export async function sendTestEvent(
  viewer: Viewer,
  id: string,
  opts: Pick<DeliverOptions, "allowHosts" | "resolve" | "timeoutMs"> = {},
  now = new Date(),
): Promise<TestEventResult> {
  assertAdmin(viewer);
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id, deletedAt: null },
    select: { id: true, url: true, secret: true, active: true },
  });
  if (!endpoint) throw new NotFoundError("Webhook not found.");
  if (!endpoint.active) throw new ConflictError("This webhook is turned off; add it again to send it events.");
  const deliveryId = randomUUID();
  const payload = JSON.stringify({
    id: randomUUID(),
    event: "ping",
    occurredAt: now.toISOString(),
    data: { webhookId: endpoint.id },
  });
  const allow = parseAllowHosts(opts.allowHosts ?? env.WEBHOOK_ALLOW_HOSTS);
  const attempt = await attemptOnce({ id: deliveryId, event: "ping", payload, endpoint }, now, allow, {
    ...opts,
    timeoutMs: opts.timeoutMs ?? 10_000,
  });
  const outcome = attempt.refused ? "refused" : attempt.error ? "failed" : "delivered";
  await db.webhookDelivery.create({
    data: {
      id: deliveryId,
      endpointId: endpoint.id,
      event: "ping",
      payload,
      status: outcome === "delivered" ? "delivered" : "failed",
      attempts: 1,
      nextAttemptAt: now,
      lastStatusCode: attempt.status ?? null,
      lastError: attempt.error,
      deliveredAt: outcome === "delivered" ? now : null,
    },
    select: { id: true },
  });
  const message =
    outcome === "delivered"
      ? `Delivered: the endpoint answered HTTP ${attempt.status}.`
      : `Not delivered — ${attempt.error}.`;
  return { outcome, status: attempt.status ?? null, message };
}
