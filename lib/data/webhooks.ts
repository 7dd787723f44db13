import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db, type DbTx } from "../db";
import { isAdmin } from "../domain/permissions";
import { parseAllowHosts } from "../domain/outbound-address";
import { retryDelayMs, signPayload, WEBHOOK_MAX_ATTEMPTS, webhookUrlProblem } from "../domain/webhooks";
import { env } from "../env";
import { fieldErrorsOf, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { attemptPost, type Attempt, type Resolve } from "../outbound";
import { webhookCreateSchema, type WebhookEvent } from "../validations/api";
import { audit } from "./audit";
import type { Viewer } from "../domain/permissions";
import { sql } from "./sql";

// Webhooks (docs/decisions/007-api-tokens-and-webhooks.md, 017-outbound-requests.md). Events are
// written in the same transaction as the change they report (an outbox), so none is lost or sent
// for a change that rolled back. Any app instance may deliver them: a delivery is claimed by a
// conditional update, so two instances never send the same attempt. Payloads carry ids and
// outcomes, not evidence text: receivers fetch the rest with the API, under their own token's
// permissions.

export function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins manage webhooks.");
}

/** The app's own origins: its configured URL and the host the admin is using now. */
export function ownOrigins(requestUrl?: string) {
  return [env.NEXTAUTH_URL, requestUrl].filter((u): u is string => !!u);
}

export const TURNED_OFF = "endpoint turned off";

export async function createWebhook(
  viewer: Viewer,
  input: unknown,
  origins: string[],
  allowHosts: string | readonly string[] = env.WEBHOOK_ALLOW_HOSTS,
) {
  assertAdmin(viewer);
  const r = webhookCreateSchema.safeParse(input);
  const fields = fieldErrorsOf(r.success ? [] : r.error.issues);
  const problem = r.success ? webhookUrlProblem(r.data.url, origins, parseAllowHosts(allowHosts)) : null;
  if (problem) fields.url = [problem];
  if (!r.success || problem) throw new ValidationError("Some answers need attention.", fields);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { url: r.data.url, events: [...new Set(r.data.events)].join(","), secret, createdById: viewer.id },
      select: { id: true, url: true, events: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "webhook.created",
      entityType: "WebhookEndpoint",
      entityId: row.id,
      after: { url: row.url, events: row.events },
    });
    return { ...row, secret };
  });
}

/** An endpoint turned off or deleted: its queued deliveries fail with `why` (never sent later). */
export function failPending(tx: DbTx, endpointId: string, why: string) {
  return tx.webhookDelivery.updateMany({
    where: { endpointId, status: "pending" },
    data: { status: "failed", lastError: why },
  });
}

export async function deactivateWebhook(viewer: Viewer, id: string) {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({
      where: { id, deletedAt: null },
      select: { active: true, url: true },
    });
    if (!row) throw new NotFoundError("Webhook not found.");
    if (!row.active) return { id, active: false };
    await tx.webhookEndpoint.update({ where: { id }, data: { active: false }, select: { id: true } });
    await failPending(tx, id, TURNED_OFF);
    await audit(tx, {
      actorId: viewer.id,
      action: "webhook.deactivated",
      entityType: "WebhookEndpoint",
      entityId: id,
      before: { active: true },
      after: { active: false },
    });
    return { id, active: false };
  });
}

export async function listWebhooks(viewer: Viewer) {
  assertAdmin(viewer);
  return db.webhookEndpoint.findMany({
    where: { deletedAt: null },
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      url: true,
      events: true,
      active: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: 20,
        select: {
          id: true,
          event: true,
          status: true,
          attempts: true,
          nextAttemptAt: true,
          lastStatusCode: true,
          lastError: true,
          createdAt: true,
          deliveredAt: true,
        },
      },
    },
  });
}

/** Queues an event for every active endpoint subscribed to it, inside the caller's transaction. */
export async function enqueueEvent(tx: DbTx, event: WebhookEvent, data: Record<string, unknown>, now = new Date()) {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, events: true } });
  const targets = endpoints.filter((e) => e.events.split(",").includes(event));
  if (!targets.length) return;
  const payload = JSON.stringify({ id: randomUUID(), event, occurredAt: now.toISOString(), data });
  await tx.webhookDelivery.createMany({
    data: targets.map((e) => ({ endpointId: e.id, event, payload, nextAttemptAt: now })),
  });
}

export type DeliverOptions = {
  now?: Date;
  limit?: number;
  timeoutMs?: number;
  /** Hosts opened although they resolve to private addresses; default WEBHOOK_ALLOW_HOSTS. */
  allowHosts?: string | readonly string[];
  /** Name resolution (tests); default the system's resolver. */
  resolve?: Resolve;
};

type Outcome = "delivered" | "retry" | "failed" | "refused";

/**
 * Sends every delivery that is due (at most `limit`), once each: 2xx is delivered; anything else,
 * a redirect (not followed), a timeout or a network error counts as a failed attempt and is
 * retried with backoff, until WEBHOOK_MAX_ATTEMPTS, then marked failed. A host that resolves to
 * a private address is refused before anything is sent, recorded without a status code, and not
 * retried (docs/decisions/017). Returns what happened, for tests and logs.
 */
export async function deliverDue(opts: DeliverOptions = {}) {
  const now = opts.now ?? new Date();
  const allow = parseAllowHosts(opts.allowHosts ?? env.WEBHOOK_ALLOW_HOSTS);
  // an event queued while its endpoint was being turned off is never sent. One statement each,
  // here and in the claim: Prisma runs an updateMany with a relation filter as a read and then a
  // write by id, and a change committed between the two would not be seen.
  await db.$executeRaw(
    sql`UPDATE "WebhookDelivery" SET "status" = 'failed', "lastError" = ${TURNED_OFF} WHERE "status" = 'pending' AND "endpointId" IN (SELECT "id" FROM "WebhookEndpoint" WHERE "active" = ${false})`,
  );
  const due = await db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, endpoint: { active: true } },
    orderBy: { nextAttemptAt: "asc" },
    take: opts.limit ?? 20,
    select: {
      id: true,
      event: true,
      payload: true,
      attempts: true,
      nextAttemptAt: true,
      endpoint: { select: { url: true, secret: true } },
    },
  });
  const results: { id: string; outcome: Outcome; status?: number }[] = [];
  for (const d of due) {
    // claim: only the instance whose update matches the row as read sends this attempt, and only
    // while the endpoint is on: a claim after deactivateWebhook has returned matches nothing
    const lease = new Date(now.getTime() + 5 * 60_000);
    const claimed = await db.$executeRaw(sql`
      UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${lease}
      WHERE "id" = ${d.id} AND "status" = 'pending' AND "nextAttemptAt" = ${d.nextAttemptAt}
        AND EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e."id" = "WebhookDelivery"."endpointId" AND e."active" = ${true})`);
    if (claimed !== 1) continue;
    const attempt = await attemptOnce(d, now, allow, opts);
    const attempts = d.attempts + 1;
    const outcome: Outcome = attempt.refused
      ? "refused"
      : !attempt.error
        ? "delivered"
        : attempts >= WEBHOOK_MAX_ATTEMPTS
          ? "failed"
          : "retry";
    const data =
      outcome === "delivered"
        ? { status: "delivered", attempts, lastStatusCode: attempt.status, lastError: null, deliveredAt: now }
        : {
            status: outcome === "retry" ? "pending" : "failed",
            attempts,
            lastStatusCode: attempt.status ?? null,
            lastError: attempt.error,
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          };
    // written over this claim only while it is still pending: an endpoint turned off while the
    // attempt ran has failed it, and it must not go back in the queue
    const written = await db.webhookDelivery.updateMany({
      where: { id: d.id, status: "pending", nextAttemptAt: lease },
      data,
    });
    if (written.count === 0) {
      const ended =
        outcome === "delivered" ? data : { ...data, status: "failed", lastError: `${attempt.error}; ${TURNED_OFF}` };
      await db.webhookDelivery.updateMany({ where: { id: d.id, nextAttemptAt: lease }, data: ended });
    }
    results.push({ id: d.id, outcome, status: attempt.status });
  }
  return results;
}

type Due = { id: string; event: string; payload: string; endpoint: { url: string; secret: string } };

/** One signed POST of a delivery through the checked outbound path; also the test event's (webhook-endpoints.ts). */
export function attemptOnce(d: Due, now: Date, allow: ReadonlySet<string>, opts: DeliverOptions): Promise<Attempt> {
  return attemptPost(d.endpoint.url, {
    allow,
    resolve: opts.resolve,
    timeoutMs: opts.timeoutMs ?? 10_000,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Scorecards-Webhooks/1",
      "X-Scorecards-Event": d.event,
      "X-Scorecards-Delivery": d.id,
      "X-Scorecards-Signature": signPayload(d.endpoint.secret, d.payload, now),
    },
    body: d.payload,
  });
}
