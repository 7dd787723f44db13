import "server-only";
import { db, type DbTx } from "../db";
import type { Viewer } from "../domain/permissions";
import { diffTemplates } from "../domain/template-diff";
import { planTemplateMigration, remapSnapshot } from "../domain/template-migration";
import { ConflictError, NotFoundError } from "../errors";
import { audit } from "./audit";
import type { SnapshotContent } from "./debriefs";
import { refreshOpeningScores } from "./candidate-scores";
import { withheldFeedback } from "./independence";
import { assertCanSetUp } from "./openings";
import { roleVersionSelect, toRoleTemplateJson } from "./role-templates";
import { scoringScorecardSelect, toScoringScorecard, toScoringTemplate } from "./scoring-input";
import { serialize } from "./sql";

// Moving an opening to a newer version of its role: a preview, then the move, which re-points the
// opening's rows to the new version's by name (lib/domain/template-migration.ts matches them).

async function loadVersion(tx: DbTx, id: string) {
  return tx.roleTemplateVersion.findUniqueOrThrow({ where: { id }, select: roleVersionSelect });
}

async function migrationPlan(tx: DbTx, openingId: string) {
  const opening = await tx.opening.findUnique({
    where: { id: openingId },
    select: {
      id: true,
      title: true,
      templateVersionId: true,
      templateVersion: { select: { version: true, templateId: true } },
    },
  });
  if (!opening) throw new NotFoundError("Opening not found.");
  const latest = await tx.roleTemplateVersion.findFirst({
    where: { templateId: opening.templateVersion.templateId },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
  if (!latest || latest.id === opening.templateVersionId)
    return { opening, from: null, to: null, maps: null, candidates: [] as never[] };
  const [from, to] = await Promise.all([loadVersion(tx, opening.templateVersionId), loadVersion(tx, latest.id)]);
  const scorecards = await tx.scorecard.findMany({
    where: { candidate: { openingId }, status: "submitted" },
    select: { ...scoringScorecardSelect, candidateId: true },
  });
  const candidates = await tx.candidate.findMany({
    where: { openingId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  const plan = planTemplateMigration(
    toScoringTemplate(from),
    toScoringTemplate(to),
    candidates,
    scorecards.map((s) => ({
      candidateId: s.candidateId,
      scorecard: toScoringScorecard(s),
      storedDimensionIds: s.ratings.map((r) => r.dimensionId),
    })),
  );
  return { opening, from, to, ...plan };
}

/** What moving the opening to its role's current version would change, before confirming. */
export async function previewOpeningMigration(viewer: Viewer, openingId: string) {
  assertCanSetUp(viewer);
  const [plan, withheld] = await Promise.all([
    migrationPlan(db, openingId),
    withheldFeedback(db, viewer.id, { openingId }),
  ]);
  if (!plan.from || !plan.to) return { upToDate: true as const, opening: plan.opening };
  return {
    upToDate: false as const,
    opening: plan.opening,
    from: { id: plan.from.id, version: plan.from.version },
    to: { id: plan.to.id, version: plan.to.version },
    changes: diffTemplates(toRoleTemplateJson(plan.from), toRoleTemplateJson(plan.to)),
    // independent ratings first: a candidate the viewer still owes a scorecard on shows no scores
    candidates: plan.candidates.map((c) =>
      withheld.has(c.id)
        ? { id: c.id, name: c.name, withheld: true as const, before: null, after: null }
        : { ...c, withheld: false as const },
    ),
    lostRatings: plan.lostRatings,
    lostFlags: plan.lostFlags,
  };
}

/**
 * Moves the opening to the version the preview showed (`toVersionId`, refused if the role has
 * moved on since): interviews, focus dimensions, ratings and red-flag observations are re-pointed
 * to the new version's rows by name. Ratings of removed dimensions stay stored but no longer count.
 */
export async function migrateOpening(viewer: Viewer, openingId: string, toVersionId: string) {
  assertCanSetUp(viewer);
  return db.$transaction(
    async (tx) => {
      // two moves at once: the second waits, then finds the opening moved already (without the
      // lock, it re-pointed the focus rows the first had just re-pointed, and lost them)
      await serialize(tx, `opening:${openingId}`);
      const plan = await migrationPlan(tx, openingId);
      if (!plan.from || !plan.to) throw new ConflictError("This opening already uses the role's current version.");
      if (plan.to.id !== toVersionId)
        throw new ConflictError("The role has a newer version than the one previewed. Look at the preview again.");
      const { maps } = plan;
      for (const [from, to] of maps.exercise)
        await tx.interview.updateMany({
          where: { candidate: { openingId }, exerciseId: from },
          data: { exerciseId: to },
        });
      // exercises that no longer exist: the interview keeps its time and interviewer, without an exercise
      await tx.interview.updateMany({
        where: {
          candidate: { openingId },
          exerciseId: { in: plan.from.exercises.map((e) => e.id).filter((id) => !maps.exercise.has(id)) },
        },
        data: { exerciseId: null },
      });
      const interviewIds = (
        await tx.interview.findMany({ where: { candidate: { openingId } }, select: { id: true } })
      ).map((i) => i.id);
      const focus = await tx.interviewFocus.findMany({ where: { interviewId: { in: interviewIds } } });
      await tx.interviewFocus.deleteMany({ where: { interviewId: { in: interviewIds } } });
      const newFocus = focus.flatMap((f) =>
        maps.dimension.has(f.dimensionId)
          ? [{ interviewId: f.interviewId, dimensionId: maps.dimension.get(f.dimensionId)! }]
          : [],
      );
      if (newFocus.length) await tx.interviewFocus.createMany({ data: newFocus });
      for (const [from, to] of maps.dimension)
        await tx.dimensionRating.updateMany({
          where: { scorecard: { candidate: { openingId } }, dimensionId: from },
          data: { dimensionId: to },
        });
      // a hire's check-in ratings follow their dimensions too (docs/decisions/079-quality-of-hire.md)
      for (const [from, to] of maps.dimension)
        await tx.hireCheckInRating.updateMany({
          where: { checkIn: { candidate: { openingId } }, dimensionId: from },
          data: { dimensionId: to },
        });
      // a debrief's snapshot follows its dimensions and red flags too (docs/decisions/078-debrief-mode.md)
      const snapshots = await tx.debriefSnapshot.findMany({
        where: { debrief: { candidate: { openingId } } },
        select: { debriefId: true, scorecardId: true, snapshot: true },
      });
      for (const d of snapshots)
        await tx.debriefSnapshot.update({
          where: { debriefId_scorecardId: { debriefId: d.debriefId, scorecardId: d.scorecardId } },
          data: { snapshot: JSON.stringify(remapSnapshot(JSON.parse(d.snapshot) as SnapshotContent, maps)) },
          select: { debriefId: true },
        });
      for (const [from, to] of maps.redFlag)
        await tx.redFlagObservation.updateMany({
          where: { scorecard: { candidate: { openingId } }, redFlagId: from },
          data: { redFlagId: to },
        });
      await tx.opening.update({ where: { id: openingId }, data: { templateVersionId: plan.to.id } });
      // new weights, thresholds or recommendOn, and ratings re-pointed to new dimensions (offsets move)
      await refreshOpeningScores(tx, [openingId], { ratingsMoved: true });
      await audit(tx, {
        actorId: viewer.id,
        action: "opening.template-version-moved",
        entityType: "Opening",
        entityId: openingId,
        before: { version: plan.from.version },
        // ids and scores, no names: an entry about the opening is not erased with a candidate
        after: {
          version: plan.to.version,
          candidates: plan.candidates.map((c) => ({ id: c.id, before: c.before, after: c.after })),
        },
      });
      return { version: plan.to.version, candidates: plan.candidates };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}
