import "server-only";
import { db } from "../db";
import type { Viewer } from "../domain/permissions";
import { NotFoundError, parseInput } from "../errors";
import { interviewerPoolSchema } from "../validations/hiring";
import { audit } from "./audit";
import { assertCanSetUp, field } from "./openings";
import { serialize } from "./sql";

// An opening's interviewer pool (docs/decisions/051-standard-loop-pool-durations-stage.md): the
// people who interview for it, whom the standard loop gives interviews to first. Edited on the
// opening's edit page, replaced whole, audited.

export async function getInterviewerPool(openingId: string): Promise<string[]> {
  const rows = await db.openingInterviewer.findMany({ where: { openingId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

export async function setInterviewerPool(viewer: Viewer, openingId: string, input: unknown) {
  assertCanSetUp(viewer);
  const { interviewerIds } = parseInput(interviewerPoolSchema, input);
  const ids = [...new Set(interviewerIds)].sort();
  return db.$transaction(async (tx) => {
    // one change of an opening at a time (as lib/data/openings.ts updateOpening): the audit's
    // "before" is what the last change left
    await serialize(tx, `opening:${openingId}`);
    if (!(await tx.opening.count({ where: { id: openingId } }))) throw new NotFoundError("Opening not found.");
    const ok = await tx.user.count({
      where: { id: { in: ids }, active: true, roles: { some: { role: "interviewer" } } },
    });
    if (ok !== ids.length) throw field("interviewerIds", "Choose active interviewers only");
    const before = (
      await tx.openingInterviewer.findMany({
        where: { openingId },
        select: { userId: true },
        orderBy: { userId: "asc" },
      })
    ).map((r) => r.userId);
    await tx.openingInterviewer.deleteMany({ where: { openingId } });
    if (ids.length) await tx.openingInterviewer.createMany({ data: ids.map((userId) => ({ openingId, userId })) });
    await audit(tx, {
      actorId: viewer.id,
      action: "opening.interviewer-pool-changed",
      entityType: "Opening",
      entityId: openingId,
      before: { interviewerIds: before },
      after: { interviewerIds: ids },
    });
    return { interviewerIds: ids };
  });
}
