import "server-only";
import { db } from "../db";
import { assignInterviewers, standardLoop, standardLoopOrder, standardLoopTimes } from "../domain/loop-plan";
import type { Viewer } from "../domain/permissions";
import { LONGEST_INTERVIEW_MS } from "../domain/my-interviews";
import { ConflictError, parseInput } from "../errors";
import { interviewSchema, standardLoopSchema } from "../validations/hiring";
import { lockCandidate } from "./candidate-lock";
import { getLoop, insertInterview } from "./loops";
import { assertCanSetUp } from "./openings";

// The one-click standard loop (docs/decisions/027-standard-loop-and-coverage.md, as changed by
// docs/decisions/051-standard-loop-pool-durations-stage.md).

/**
 * One click: one interview per exercise of the role, focus dimensions from the exercise, each as
 * long as its exercise says, one after another with 15-minute breaks from `startAt`; interviewers
 * from the opening's pool first, never another opening's hiring manager unless pooled, a different
 * one for each interview where possible, and nobody in a slot they are booked elsewhere in
 * (docs/decisions/051-standard-loop-pool-durations-stage.md).
 */
export async function createStandardLoop(viewer: Viewer, candidateId: string, input: unknown) {
  assertCanSetUp(viewer);
  const { startAt } = parseInput(standardLoopSchema.pick({ startAt: true }), input);
  const loop = await getLoop(viewer, candidateId);
  if (!loop.exercises.length)
    throw new ConflictError(
      "This role has no exercises to build a standard loop from; plan the interviews one by one.",
    );
  const openingId = loop.candidate.opening.id;
  const people = await db.user.findMany({
    where: { active: true, roles: { some: { role: "interviewer" } } },
    select: {
      id: true,
      _count: { select: { interviews: { where: { status: "scheduled", scheduledAt: { gte: new Date() } } } } },
      managedOpenings: { where: { id: { not: openingId }, status: { not: "closed" } }, select: { id: true }, take: 1 },
      interviewerPools: { where: { openingId }, select: { openingId: true } },
    },
  });
  const alreadyHere = new Set(
    loop.candidate.interviews.filter((i) => i.status !== "cancelled").map((i) => i.interviewer.id),
  );
  const order = standardLoopOrder(
    people.map((p) => ({
      id: p.id,
      inPool: p.interviewerPools.length > 0,
      managesOtherOpening: p.managedOpenings.length > 0,
      alreadyOnLoop: alreadyHere.has(p.id),
      upcoming: p._count.interviews,
    })),
  );
  if (!order.length) throw new ConflictError("There are no active interviewers to assign.");
  const exercises = standardLoop(loop.exercises);
  const times = standardLoopTimes(
    new Date(startAt),
    loop.exercises.map((e) => e.duration),
  );
  // everyone's other bookings in the loop's window, so nobody is given a slot they are busy in
  const from = times[0].scheduledAt;
  const last = times.at(-1)!;
  const booked = await db.interview.findMany({
    where: {
      status: "scheduled",
      interviewerId: { in: order.map((p) => p.id) },
      scheduledAt: {
        gt: new Date(from.getTime() - LONGEST_INTERVIEW_MS),
        lt: new Date(last.scheduledAt.getTime() + last.durationMinutes * 60_000),
      },
    },
    select: { interviewerId: true, scheduledAt: true, durationMinutes: true },
  });
  const busy = new Map<string, { scheduledAt: Date; durationMinutes: number }[]>();
  for (const b of booked) busy.set(b.interviewerId, [...(busy.get(b.interviewerId) ?? []), b]);
  const assigned = assignInterviewers(order, times, busy);
  // all or nothing; the loop is offered while none is planned, and asked for twice at once
  // (a double click, two recruiters) it is planned once
  return db.$transaction(async (tx) => {
    await lockCandidate(tx, candidateId);
    if (await tx.interview.count({ where: { candidateId, status: "scheduled" } }))
      throw new ConflictError("This candidate already has interviews planned; add more one by one.");
    const created: string[] = [];
    for (const [k, e] of exercises.entries()) {
      const v = parseInput(interviewSchema, {
        interviewerId: assigned[k].id,
        exerciseId: e.exerciseId,
        focusDimensionIds: e.focusDimensionIds.length ? e.focusDimensionIds : loop.dimensions.map((d) => d.id),
        scheduledAt: times[k].scheduledAt.toISOString(),
        durationMinutes: times[k].durationMinutes,
      });
      created.push((await insertInterview(tx, viewer, candidateId, v)).id);
    }
    return { created };
  });
}
