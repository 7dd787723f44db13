import "server-only";
import { db } from "../db";
import { referencedIds } from "../domain/audit-diff";

// The names the audit view shows instead of record ids (README "Audit log"): each kind of record
// is looked up by id in one query per page, whatever the entries hold. An erased candidate's name
// is gone, so they are shown as erased (docs/product.md, privacy).

export const ERASED_CANDIDATE = "Erased candidate";

const candidateName = (c: { name: string; erasedAt: Date | null }) => (c.erasedAt ? ERASED_CANDIDATE : c.name);
const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Ids → names for the entries' records and every id their snapshots refer to. */
export async function auditNames(
  entries: readonly { entityId: string; before: string | null; after: string | null }[],
): Promise<Map<string, string>> {
  const ids = [...new Set(entries.flatMap((e) => [e.entityId, ...referencedIds(e.before, e.after)]))];
  const names = new Map<string, string>();
  if (!ids.length) return names;
  const where = { id: { in: ids } };
  const [
    users,
    candidates,
    openings,
    dimensions,
    flags,
    exercises,
    versions,
    interviews,
    scorecards,
    tokens,
    hooks,
    scim,
  ] = await Promise.all([
    db.user.findMany({ where, select: { id: true, name: true } }),
    db.candidate.findMany({ where, select: { id: true, name: true, erasedAt: true } }),
    db.opening.findMany({ where, select: { id: true, title: true } }),
    db.dimension.findMany({ where, select: { id: true, name: true } }),
    db.redFlag.findMany({ where, select: { id: true, text: true } }),
    db.exercise.findMany({ where, select: { id: true, title: true } }),
    db.roleTemplateVersion.findMany({ where, select: { id: true, title: true, version: true } }),
    db.interview.findMany({
      where,
      select: {
        id: true,
        candidate: { select: { name: true, erasedAt: true } },
        interviewer: { select: { name: true } },
        exercise: { select: { title: true } },
      },
    }),
    db.scorecard.findMany({
      where,
      select: {
        id: true,
        interview: {
          select: { candidate: { select: { name: true, erasedAt: true } }, interviewer: { select: { name: true } } },
        },
      },
    }),
    db.apiToken.findMany({ where, select: { id: true, name: true } }),
    db.webhookEndpoint.findMany({ where, select: { id: true, url: true } }),
    db.scimToken.findMany({ where, select: { id: true, name: true } }),
  ]);
  for (const u of users) names.set(u.id, u.name);
  for (const c of candidates) names.set(c.id, candidateName(c));
  for (const o of openings) names.set(o.id, o.title);
  for (const d of dimensions) names.set(d.id, d.name);
  for (const f of flags) names.set(f.id, short(f.text));
  for (const x of exercises) names.set(x.id, x.title);
  for (const v of versions) names.set(v.id, `${v.title}, version ${v.version}`);
  for (const i of interviews)
    names.set(
      i.id,
      `${candidateName(i.candidate)} with ${i.interviewer.name}${i.exercise ? ` · ${i.exercise.title}` : ""}`,
    );
  for (const s of scorecards)
    names.set(s.id, `${s.interview.interviewer.name}'s scorecard on ${candidateName(s.interview.candidate)}`);
  for (const t of tokens) names.set(t.id, t.name);
  for (const h of hooks) names.set(h.id, h.url);
  for (const t of scim) names.set(t.id, `SCIM token “${t.name}”`);
  return names;
}
