import "server-only";
import { db, type DbTx } from "../db";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Appends one entry to the audit log (append-only: the database refuses updates and deletes). */
export async function audit(tx: DbTx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
    select: { id: true },
  });
}

/** Appends many entries at once, in batches (an import of thousands of rows, docs/decisions/071). */
export async function auditMany(tx: DbTx, entries: readonly AuditEntry[], batch = 1000): Promise<void> {
  for (let i = 0; i < entries.length; i += batch)
    await tx.auditLog.createMany({
      data: entries.slice(i, i + batch).map((entry) => ({
        actorId: entry.actorId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
      })),
    });
}

/** The audit entry for a write through the JSON API, whatever its answer (docs/api.md). */
export async function auditApiWrite(
  user: { id: string; tokenId: string },
  write: { method: string; path: string; status: number },
): Promise<void> {
  await audit(db, {
    actorId: user.id,
    action: "api.write",
    entityType: "ApiToken",
    entityId: user.tokenId,
    after: write,
  });
}

/** The audit entry for a write through SCIM, whatever its answer: the SCIM token is the actor (docs/decisions/072). */
export async function auditScimWrite(tokenId: string, write: { method: string; path: string; status: number }) {
  await audit(db, { actorId: null, action: "scim.write", entityType: "ScimToken", entityId: tokenId, after: write });
}
