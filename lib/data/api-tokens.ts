import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { isAdmin } from "../domain/permissions";
import type { AppRole } from "../domain/vocabulary";
import { ForbiddenError, NotFoundError, parseInput, UnauthenticatedError, ValidationError } from "../errors";
import { apiTokenCreateSchema } from "../validations/api";
import { env } from "../env";
import { audit } from "./audit";
import { consumeRate } from "./rate-limit";
import type { Viewer } from "../domain/permissions";

// API tokens (docs/decisions/007-api-tokens-and-webhooks.md): "sc_" + 43 base64url characters
// (256 random bits). Only the SHA-256 is stored — a fast hash is right here, the token being
// random rather than chosen by a person.

export const TOKEN_PREFIX = "sc_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins manage API tokens.");
}

export async function createApiToken(viewer: Viewer, input: unknown, now = new Date()) {
  assertAdmin(viewer);
  const v = parseInput(apiTokenCreateSchema, input);
  const owner = await db.user.findUnique({ where: { id: v.userId }, select: { id: true, active: true } });
  if (!owner || !owner.active)
    throw new ValidationError("Some answers need attention.", { userId: ["Choose an active user"] });
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = v.expiresInDays ? new Date(now.getTime() + v.expiresInDays * 86_400_000) : null;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: v.userId,
        name: v.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 7),
        createdById: viewer.id,
        expiresAt,
      },
      select: { id: true, name: true, prefix: true, expiresAt: true, userId: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "api-token.created",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: v.name, userId: v.userId, expiresAt },
    });
    return { ...row, token };
  });
}

export async function listApiTokens(viewer: Viewer) {
  assertAdmin(viewer);
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
}

export async function revokeApiToken(viewer: Viewer, id: string, now = new Date()) {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    // one conditional statement: of two revocations at once, only the one that changed the row
    // writes the audit entry; the other returns the time already stored
    const changed = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    const t = await tx.apiToken.findUnique({ where: { id }, select: { id: true, revokedAt: true } });
    if (!t) throw new NotFoundError("Token not found.");
    if (changed.count === 1)
      await audit(tx, { actorId: viewer.id, action: "api-token.revoked", entityType: "ApiToken", entityId: id });
    return t;
  });
}

export type TokenUser = { id: string; email: string; name: string; roles: AppRole[]; tokenId: string };

/**
 * The user a bearer token acts as: unknown, revoked and expired tokens and deactivated users all
 * get the same 401 (the message does not say which). Marks the token used at most once a minute.
 */
export async function authenticateToken(authorization: string | null, now = new Date()): Promise<TokenUser> {
  const m = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m) throw new UnauthenticatedError("Send an API token: Authorization: Bearer <token>.");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(m[1]) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, active: true, roles: { select: { role: true } } } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.user.active) {
    throw new UnauthenticatedError("The API token is not valid (unknown, revoked or expired).");
  }
  await consumeRate("token", row.id, env.API_RATE_LIMIT_PER_MINUTE, now);
  // the token is accepted by this one conditional statement, not by the read above: a request
  // that read it before a revocation and gets here after is refused (on PostgreSQL the statement
  // waits for the revoking transaction and then sees it; SQLite has one writer). lastUsedAt
  // moves at most once a minute; otherwise the statement writes the value it has.
  const stale = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000;
  const still = await db.apiToken.updateMany({
    where: { id: row.id, revokedAt: null },
    data: { lastUsedAt: stale ? now : row.lastUsedAt },
  });
  if (still.count !== 1) throw new UnauthenticatedError("The API token is not valid (unknown, revoked or expired).");
  const { user } = row;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.map((r) => r.role as AppRole),
    tokenId: row.id,
  };
}
