import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { isAdmin, type Viewer } from "../domain/permissions";
import { ForbiddenError, NotFoundError, parseInput, UnauthenticatedError } from "../errors";
import { env } from "../env";
import { scimTokenCreateSchema } from "../validations/scim";
import { hashToken } from "./api-tokens";
import { audit } from "./audit";
import { consumeRate } from "./rate-limit";

// SCIM tokens (docs/decisions/072): made like API tokens (256 random bits, only the SHA-256
// stored, shown once), but acting as no person: a SCIM token may only provision accounts and
// their roles, and an API token is never accepted by /scim/v2 (nor the other way round).

export const SCIM_TOKEN_PREFIX = "scim_";

function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins manage SCIM tokens.");
}

export async function createScimToken(viewer: Viewer, input: unknown) {
  assertAdmin(viewer);
  const v = parseInput(scimTokenCreateSchema, input);
  const token = SCIM_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    const row = await tx.scimToken.create({
      data: { name: v.name, tokenHash: hashToken(token), prefix: token.slice(0, 9), createdById: viewer.id },
      select: { id: true, name: true, prefix: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "scim-token.created",
      entityType: "ScimToken",
      entityId: row.id,
      after: { name: v.name },
    });
    return { ...row, token };
  });
}

export async function listScimTokens(viewer: Viewer) {
  assertAdmin(viewer);
  return db.scimToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, revokedAt: true, lastUsedAt: true },
  });
}

export async function revokeScimToken(viewer: Viewer, id: string, now = new Date()) {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    // as for API tokens: of two revocations at once, only the one that changed the row is audited
    const changed = await tx.scimToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    const t = await tx.scimToken.findUnique({ where: { id }, select: { id: true, revokedAt: true } });
    if (!t) throw new NotFoundError("Token not found.");
    if (changed.count === 1)
      await audit(tx, { actorId: viewer.id, action: "scim-token.revoked", entityType: "ScimToken", entityId: id });
    return t;
  });
}

/** The SCIM token a request carries, or 401 (unknown and revoked tokens alike). */
export async function authenticateScimToken(
  authorization: string | null,
  now = new Date(),
): Promise<{ tokenId: string }> {
  const m = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m) throw new UnauthenticatedError("Send a SCIM token: Authorization: Bearer <token>.");
  const row = await db.scimToken.findUnique({
    where: { tokenHash: hashToken(m[1]) },
    select: { id: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) throw new UnauthenticatedError("The SCIM token is not valid (unknown or revoked).");
  await consumeRate("scim", row.id, env.API_RATE_LIMIT_PER_MINUTE, now);
  // accepted by this conditional statement, not by the read above: a request that read the
  // token before a revocation and gets here after is refused (lib/data/api-tokens.ts)
  const stale = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000;
  const still = await db.scimToken.updateMany({
    where: { id: row.id, revokedAt: null },
    data: { lastUsedAt: stale ? now : row.lastUsedAt },
  });
  if (still.count !== 1) throw new UnauthenticatedError("The SCIM token is not valid (unknown or revoked).");
  return { tokenId: row.id };
}
