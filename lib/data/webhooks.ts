import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db, type DbTx } from "../db";
import { isAdmin } from "../domain/permissions";
import { retryDelayMs, signPayload, WEBHOOK_MAX_ATTEMPTS, webhookUrlProblem } from "../domain/webhooks";
import { env } from "../env";
import { fieldErrorsOf, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { webhookCreateSchema, type WebhookEvent } from "../validations/api";
import { audit } from "./audit";
import type { Viewer } from "./candidates";

// Webhooks (issue 7). Events are written in the same transaction as the change they report
// (an outbox), so none is lost or sent for a change that rolled back. Any app instance may
// deliver them: a delivery is claimed by a conditional update, so two instances never send the
// same attempt. Payloads carry ids and outcomes, not evidence text: receivers fetch the rest with
// the API, under their own token's permissions.

function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins manage webhooks.");
}

/** The app's own origins: its configured URL and the host the admin is using now. */
export function ownOrigins(requestUrl?: string) {
  return [env.NEXTAUTH_URL, requestUrl].filter((u): u is string => !!u);
}

export async function createWebhook(viewer: Viewer, input: unknown, origins: string[]) {
  assertAdmin(viewer);
  const r = webhookCreateSchema.safeParse(input);
  const fields = fieldErrorsOf(r.success ? [] : r.error.issues);
  const problem = r.success ? webhookUrlProblem(r.data.url, origins) : null;
  if (problem) fields.url = [problem];
  if (!r.success || problem) throw new ValidationError("Some answers need attention.", fields);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({ data: { url: r.data.url, events: [...new Set(r.data.events)].join(","), secret, createdById: viewer.id }, select: { id: true, url: true, events: true } });
    await audit(tx, { actorId: viewer.id, action: "webhook.created", entityType: "WebhookEndpoint", entityId: row.id, after: { url: row.url, events: row.events } });
    return { ...row, secret };
  });
}

export async function deactivateWebhook(viewer: Viewer, id: string) {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({ where: { id }, select: { active: true, url: true } });
    if (!row) throw new NotFoundError("Webhook not found.");
    if (!row.active) return { id, active: false };
    await tx.webhookEndpoint.update({ where: { id }, data: { active: false }, select: { id: true } });
    await tx.webhookDelivery.updateMany({ where: { endpointId: id, status: "pending" }, data: { status: "failed", lastError: "endpoint turned off" } });
    await audit(tx, { actorId: viewer.id, action: "webhook.deactivated", entityType: "WebhookEndpoint", entityId: id, before: { active: true }, after: { active: false } });
    return { id, active: false };
  });
}

export async function listWebhooks(viewer: Viewer) {
  assertAdmin(viewer);
  return db.webhookEndpoint.findMany({
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      url: true,
      events: true,
      active: true,
      createdAt: true,
      deliveries: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, event: true, status: true, attempts: true, nextAttemptAt: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true } },
    },
  });
}

/** Queues an event for every active endpoint subscribed to it, inside the caller's transaction. */
export async function enqueueEvent(tx: DbTx, event: WebhookEvent, data: Record<string, unknown>, now = new Date()) {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, events: true } });
  const targets = endpoints.filter((e) => e.events.split(",").includes(event));
  if (!targets.length) return;
  const payload = JSON.stringify({ id: randomUUID(), event, occurredAt: now.toISOString(), data });
  await tx.webhookDelivery.createMany({ data: targets.map((e) => ({ endpointId: e.id, event, payload, nextAttemptAt: now })) });
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Sends every delivery that is due (at most `limit`), once each: 2xx is delivered; anything else,
 * a redirect, a timeout or a network error counts as a failed attempt and is retried with backoff,
 * until WEBHOOK_MAX_ATTEMPTS, then marked failed. Returns what happened, for tests and logs.
 */
export async function deliverDue(opts: { now?: Date; fetch?: Fetch; limit?: number; timeoutMs?: number } = {}) {
  const now = opts.now ?? new Date();
  const send = opts.fetch ?? fetch;
  const due = await db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: opts.limit ?? 20,
    select: { id: true, event: true, payload: true, attempts: true, nextAttemptAt: true, endpoint: { select: { url: true, secret: true, active: true } } },
  });
  const results: { id: string; outcome: "delivered" | "retry" | "failed"; status?: number }[] = [];
  for (const d of due) {
    // claim: only the instance whose update matches the row as read sends this attempt
    const lease = new Date(now.getTime() + 5 * 60_000);
    const claimed = await db.webhookDelivery.updateMany({ where: { id: d.id, status: "pending", nextAttemptAt: d.nextAttemptAt }, data: { nextAttemptAt: lease } });
    if (claimed.count !== 1) continue;
    let status: number | undefined;
    let error: string | null = null;
    try {
      const res = await send(d.endpoint.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Scorecards-Webhooks/1",
          "X-Scorecards-Event": d.event,
          "X-Scorecards-Delivery": d.id,
          "X-Scorecards-Signature": signPayload(d.endpoint.secret, d.payload, now),
        },
        body: d.payload,
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : "request failed";
    }
    const attempts = d.attempts + 1;
    if (!error) {
      await db.webhookDelivery.update({ where: { id: d.id }, data: { status: "delivered", attempts, lastStatusCode: status, lastError: null, deliveredAt: now }, select: { id: true } });
      results.push({ id: d.id, outcome: "delivered", status });
    } else {
      const gaveUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
      await db.webhookDelivery.update({
        where: { id: d.id },
        data: { status: gaveUp ? "failed" : "pending", attempts, lastStatusCode: status ?? null, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
        select: { id: true },
      });
      results.push({ id: d.id, outcome: gaveUp ? "failed" : "retry", status });
    }
  }
  return results;
}
