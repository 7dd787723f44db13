import "server-only";
import { db } from "../db";
import { readableChanges } from "../domain/audit-diff";
import { actionMatch } from "../domain/audit-filter";
import { isAdmin } from "../domain/permissions";
import { ForbiddenError } from "../errors";
import type { AuditFilter } from "../validations/audit";
import type { Viewer } from "../domain/permissions";
import { auditNames } from "./audit-names";
import { likeIsLiteral } from "./search";

// The audit log, read by admins (docs/decisions/030-audit-view.md). Every filter goes into the SQL
// where clause, so a page costs the same however long the log grows (indexes on at, actor+at and
// entity+at).

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_CSV_LIMIT = 50_000;

/**
 * One action, or a family (`user.*`) as every action beginning with its prefix (the forms are in
 * lib/domain/audit-filter.ts). Prisma's startsWith is a LIKE: a prefix with a LIKE wildcard in it
 * is matched against the actions there are instead (lib/data/search.ts).
 */
async function actionFilter(text: string) {
  const m = actionMatch(text);
  if (!m || m.kind === "any") return m ? {} : { in: [] };
  if (m.kind === "equals") return { equals: m.action };
  if (likeIsLiteral(m.prefix)) return { startsWith: m.prefix };
  const actions = await db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return { in: actions.map((a) => a.action).filter((a) => a.startsWith(m.prefix)) };
}

async function where(f: AuditFilter) {
  const at: { gte?: Date; lt?: Date } = {};
  if (f.from) at.gte = new Date(`${f.from}T00:00:00Z`);
  if (f.to) at.lt = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000);
  return {
    ...(f.action ? { action: await actionFilter(f.action) } : {}),
    ...(f.actor ? { actorId: f.actor } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to ? { at } : {}),
  };
}

const select = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true, email: true } },
} as const;

function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins read the audit log.");
}

/** One page of entries, newest first, with what changed in each. */
export async function listAuditEntries(viewer: Viewer, filter: AuditFilter) {
  assertAdmin(viewer);
  const page = filter.page ?? 1;
  const w = await where(filter);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where: w }),
    db.auditLog.findMany({
      where: w,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select,
    }),
  ]);
  const names = await auditNames(rows);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: rows.map((r) => ({
      ...r,
      entityName: names.get(r.entityId) ?? null,
      changes: readableChanges(r.before, r.after, names),
    })),
  };
}

/** The choices for the filter form: actions and entity types seen so far, and people who acted. */
export async function auditFilterChoices(viewer: Viewer) {
  assertAdmin(viewer);
  const [actions, types, actors] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
    db.user.findMany({
      where: { auditEntries: { some: {} } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: types.map((t) => t.entityType), actors };
}

/** Every entry matching the filter (newest first, capped), for CSV. */
export async function auditEntriesForExport(viewer: Viewer, filter: AuditFilter) {
  assertAdmin(viewer);
  return db.auditLog.findMany({
    where: await where(filter),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_CSV_LIMIT,
    select,
  });
}
