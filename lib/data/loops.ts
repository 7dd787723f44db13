import "server-only";
import { db, type DbTx } from "../db";
import { describeCoverage, doubleBooked, loopCoverage } from "../domain/loop-plan";
import type { Viewer } from "../domain/permissions";
import { ConflictError, NotFoundError, parseInput } from "../errors";
import { interviewSchema } from "../validations/hiring";
import type { z } from "zod";
import { audit, auditMany } from "./audit";
import { queueFirstInvites, queueInvites } from "./calendar";
import { lockCandidate } from "./candidate-lock";
import { assertCanSetUp, assertHolds, field } from "./openings";

// A candidate's loop: the interviews planned for them, one by one or as the standard loop, for
// recruiters and admins. Every write takes the candidate's lock (lib/data/candidate-lock.ts), so
// it cannot cross the interviewer's scorecard writes (docs/decisions/014).

/** A candidate's loop as the loop builder shows it, with coverage and double bookings. */
export async function getLoop(viewer: Viewer, candidateId: string) {
  assertCanSetUp(viewer);
  const candidate = await db.candidate.findUnique({
    where: { id: candidateId },
    select: {
      id: true,
      name: true,
      email: true,
      stage: true,
      source: true,
      notes: true,
      opening: {
        select: {
          id: true,
          title: true,
          status: true,
          templateVersion: {
            select: {
              dimensions: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } },
              exercises: {
                orderBy: { position: "asc" },
                select: {
                  id: true,
                  title: true,
                  duration: true,
                  dimensions: { orderBy: { position: "asc" }, select: { dimensionId: true } },
                },
              },
            },
          },
        },
      },
      interviews: {
        orderBy: { scheduledAt: "asc" },
        select: {
          id: true,
          scheduledAt: true,
          durationMinutes: true,
          status: true,
          interviewer: { select: { id: true, name: true } },
          exercise: { select: { id: true, title: true } },
          focus: { select: { dimensionId: true } },
          scorecard: { select: { status: true } },
        },
      },
    },
  });
  if (!candidate) throw new NotFoundError("Candidate not found.");
  const v = candidate.opening.templateVersion;
  const plan = candidate.interviews.map((i) => ({
    interviewerId: i.interviewer.id,
    focusDimensionIds: i.focus.map((f) => f.dimensionId),
    status: i.status,
  }));
  const coverage = loopCoverage(v.dimensions, plan);
  return {
    candidate,
    dimensions: v.dimensions,
    exercises: v.exercises.map((e) => ({
      id: e.id,
      title: e.title,
      duration: e.duration,
      dimensionIds: e.dimensions.map((d) => d.dimensionId),
    })),
    coverage: { ...coverage, text: describeCoverage(coverage) },
    doubleBooked: doubleBooked(plan),
  };
}

async function checkInterview(tx: DbTx, candidateId: string, v: z.output<typeof interviewSchema>) {
  const candidate = await tx.candidate.findUnique({
    where: { id: candidateId },
    select: {
      opening: {
        select: {
          status: true,
          templateVersion: { select: { dimensions: { select: { id: true } }, exercises: { select: { id: true } } } },
        },
      },
    },
  });
  if (!candidate) throw new NotFoundError("Candidate not found.");
  if (candidate.opening.status === "closed")
    throw new ConflictError("This opening is closed; reopen it to plan interviews.");
  const t = candidate.opening.templateVersion;
  if (v.exerciseId && !t.exercises.some((e) => e.id === v.exerciseId))
    throw field("exerciseId", "Choose one of this role's exercises");
  const dims = new Set(t.dimensions.map((d) => d.id));
  if (v.focusDimensionIds.some((d) => !dims.has(d)))
    throw field("focusDimensionIds", "Focus dimensions must be this role's dimensions");
  await assertHolds(tx, v.interviewerId, "interviewer", "interviewerId");
}

export async function insertInterview(
  tx: DbTx,
  viewer: Viewer,
  candidateId: string,
  v: z.output<typeof interviewSchema>,
) {
  await lockCandidate(tx, candidateId);
  await checkInterview(tx, candidateId, v);
  const [interview] = await planInterviews(tx, viewer, [{ candidateId, v }]);
  return interview;
}

export type PlannedInterviewInput = { candidateId: string; v: z.output<typeof interviewSchema> };

/**
 * Writes checked interviews and everything planning one brings with it: the focus dimensions,
 * the audit entry, the candidate moved on from *applied*. The loop builder (one interview) and the
 * candidate import (thousands, docs/decisions/071-candidate-import.md) both plan through this, so
 * a later side effect of planning lands for both. The caller holds the candidates' locks (or
 * created them in this transaction) and has checked each interview.
 */
export async function planInterviews(
  tx: DbTx,
  viewer: Viewer,
  items: readonly PlannedInterviewInput[],
  batch = 500,
): Promise<{ id: string }[]> {
  const out: { id: string }[] = [];
  for (let i = 0; i < items.length; i += batch) {
    const part = items.slice(i, i + batch);
    const created = await tx.interview.createManyAndReturn({
      data: part.map(({ candidateId, v }) => ({
        candidateId,
        interviewerId: v.interviewerId,
        exerciseId: v.exerciseId,
        scheduledAt: new Date(v.scheduledAt),
        durationMinutes: v.durationMinutes,
      })),
      select: { id: true, candidateId: true, interviewerId: true },
    });
    // one INSERT … RETURNING answers in the order of its rows on both databases; checked, not assumed
    if (
      created.length !== part.length ||
      created.some((c, k) => c.candidateId !== part[k].candidateId || c.interviewerId !== part[k].v.interviewerId)
    )
      throw new Error("planned interviews came back out of order");
    const focus = created.flatMap((c, k) =>
      [...new Set(part[k].v.focusDimensionIds)].map((dimensionId) => ({ interviewId: c.id, dimensionId })),
    );
    for (let f = 0; f < focus.length; f += 2000) await tx.interviewFocus.createMany({ data: focus.slice(f, f + 2000) });
    // each interviewer's calendar invite, queued with the interview (docs/decisions/069)
    await queueFirstInvites(tx, created, new Date());
    await auditMany(
      tx,
      created.map((c, k) => ({
        actorId: viewer.id,
        action: "interview.planned",
        entityType: "Interview",
        entityId: c.id,
        after: { candidateId: c.candidateId, ...part[k].v },
      })),
    );
    out.push(...created.map((c) => ({ id: c.id })));
  }
  await startInterviewing(tx, viewer, [...new Set(items.map((x) => x.candidateId))]);
  return out;
}

/**
 * A candidate with a loop planned is interviewing: the first interview moves one still at
 * *applied* on, audited as any stage change (docs/decisions/051-standard-loop-pool-durations-stage.md).
 * Any later stage is left as it is.
 */
async function startInterviewing(tx: DbTx, viewer: Viewer, candidateIds: readonly string[], batch = 500) {
  for (let i = 0; i < candidateIds.length; i += batch) {
    const ids = candidateIds.slice(i, i + batch);
    const applied = await tx.candidate.findMany({
      where: { id: { in: ids }, stage: "applied" },
      select: { id: true },
    });
    if (!applied.length) continue;
    const moved = applied.map((c) => c.id);
    await tx.candidate.updateMany({ where: { id: { in: moved }, stage: "applied" }, data: { stage: "interviewing" } });
    await auditMany(
      tx,
      moved.map((candidateId) => ({
        actorId: viewer.id,
        action: "candidate.stage-changed",
        entityType: "Candidate",
        entityId: candidateId,
        before: { stage: "applied" },
        after: { stage: "interviewing", why: "interview planned" },
      })),
    );
  }
}

/** The candidate an interview is about (it never changes), read before taking their lock. */
async function candidateOfInterview(interviewId: string) {
  const i = await db.interview.findUnique({ where: { id: interviewId }, select: { candidateId: true } });
  if (!i) throw new NotFoundError("Interview not found.");
  return i.candidateId;
}

export async function addInterview(viewer: Viewer, candidateId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(interviewSchema, input);
  return db.$transaction((tx) => insertInterview(tx, viewer, candidateId, v));
}

export async function updateInterview(viewer: Viewer, interviewId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(interviewSchema, input);
  const candidateId = await candidateOfInterview(interviewId);
  return db.$transaction(async (tx) => {
    // the interviewer's scorecard writes take this lock too: "no scorecard yet" stays true until
    // this change is written
    await lockCandidate(tx, candidateId);
    const before = await tx.interview.findUnique({
      where: { id: interviewId },
      select: {
        candidateId: true,
        interviewerId: true,
        exerciseId: true,
        scheduledAt: true,
        durationMinutes: true,
        status: true,
        scorecard: { select: { status: true } },
        focus: { select: { dimensionId: true } },
      },
    });
    if (!before) throw new NotFoundError("Interview not found.");
    if (before.status === "cancelled") throw new ConflictError("This interview is cancelled.");
    if (before.scorecard && before.interviewerId !== v.interviewerId)
      throw field("interviewerId", "The interviewer has started a scorecard for this interview; it stays theirs");
    await checkInterview(tx, before.candidateId, v);
    await tx.interviewFocus.deleteMany({ where: { interviewId } });
    await tx.interview.update({
      where: { id: interviewId },
      data: {
        interviewerId: v.interviewerId,
        exerciseId: v.exerciseId,
        scheduledAt: new Date(v.scheduledAt),
        durationMinutes: v.durationMinutes,
        focus: { create: [...new Set(v.focusDimensionIds)].map((dimensionId) => ({ dimensionId })) },
      },
    });
    // what the invite says changed: a new sequence, to the interviewer and to the one replaced
    // (who gets a CANCEL); a change of focus alone is not in the invite
    if (
      before.interviewerId !== v.interviewerId ||
      before.exerciseId !== v.exerciseId ||
      before.scheduledAt.getTime() !== new Date(v.scheduledAt).getTime() ||
      before.durationMinutes !== v.durationMinutes
    )
      await queueInvites(tx, interviewId, [v.interviewerId, before.interviewerId], new Date());
    await audit(tx, {
      actorId: viewer.id,
      action: "interview.updated",
      entityType: "Interview",
      entityId: interviewId,
      before: { ...before, focus: before.focus.map((f) => f.dimensionId) },
      after: v,
    });
    return { id: interviewId };
  });
}

export async function cancelInterview(viewer: Viewer, interviewId: string) {
  assertCanSetUp(viewer);
  const candidateId = await candidateOfInterview(interviewId);
  return db.$transaction(async (tx) => {
    // a submission racing the cancellation lands before it (and is refused) or finds it cancelled
    await lockCandidate(tx, candidateId);
    const i = await tx.interview.findUnique({
      where: { id: interviewId },
      select: { status: true, interviewerId: true, scorecard: { select: { status: true } } },
    });
    if (!i) throw new NotFoundError("Interview not found.");
    if (i.scorecard?.status === "submitted")
      throw new ConflictError("A scorecard has been submitted for this interview; it cannot be cancelled.");
    await tx.interview.update({ where: { id: interviewId }, data: { status: "cancelled" } });
    if (i.status !== "cancelled") await queueInvites(tx, interviewId, [i.interviewerId], new Date());
    await audit(tx, {
      actorId: viewer.id,
      action: "interview.cancelled",
      entityType: "Interview",
      entityId: interviewId,
      before: { status: i.status },
    });
    return { id: interviewId };
  });
}
