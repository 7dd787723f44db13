import type { Db } from "../../lib/db";

/** Row counts of every table, to prove that a refused write changed nothing. */
export async function rowCounts(db: Db) {
  const [users, templates, versions, dimensions, anchors, exercises, items, links, redFlags, signals, areas, audit] =
    await Promise.all([
      db.user.count(),
      db.roleTemplate.count(),
      db.roleTemplateVersion.count(),
      db.dimension.count(),
      db.dimensionAnchor.count(),
      db.exercise.count(),
      db.exerciseItem.count(),
      db.exerciseDimension.count(),
      db.redFlag.count(),
      db.signal.count(),
      db.assessArea.count(),
      db.auditLog.count(),
    ]);
  return { users, templates, versions, dimensions, anchors, exercises, items, links, redFlags, signals, areas, audit };
}
