import "server-only";
import { db } from "../db";
import { clashVisibility, findClashes, loopClashes, type BookedInterview, type Slot } from "../domain/loop-clashes";
import { LONGEST_INTERVIEW_MS } from "../domain/my-interviews";
import { candidateScope, type Viewer } from "../domain/permissions";
import { parseInput } from "../errors";
import { clashQuerySchema } from "../validations/hiring";
import { assertCanSetUp } from "./openings";

// Time clashes for the loop builder (docs/decisions/050-loop-time-clashes.md): the scheduled
// interviews of the candidate, and of the interviewers concerned, that overlap a window — read by
// start time on the (candidateId, scheduledAt) and (interviewerId, scheduledAt) indexes. A warning
// shown before saving; nothing here refuses a write.

async function bookedBetween(candidateId: string, interviewerIds: string[], from: Date, to: Date) {
  const rows = await db.interview.findMany({
    where: {
      status: "scheduled",
      OR: [{ candidateId }, { interviewerId: { in: interviewerIds } }],
      // an interview lasts at most 8 hours: one that began a day before `from` has ended by then
      scheduledAt: { gt: new Date(from.getTime() - LONGEST_INTERVIEW_MS), lt: to },
    },
    select: {
      id: true,
      candidateId: true,
      interviewerId: true,
      scheduledAt: true,
      durationMinutes: true,
      interviewer: { select: { name: true } },
      candidate: { select: { name: true, erasedAt: true, opening: { select: { id: true, title: true } } } },
    },
  });
  return rows.map((r): BookedInterview => ({
    id: r.id,
    candidateId: r.candidateId,
    interviewerId: r.interviewerId,
    scheduledAt: r.scheduledAt,
    durationMinutes: r.durationMinutes,
    interviewerName: r.interviewer.name,
    candidateName: r.candidate.name,
    erased: !!r.candidate.erasedAt,
    openingId: r.candidate.opening.id,
    openingTitle: r.candidate.opening.title,
  }));
}

/** Who the viewer may see bookings of, in detail (docs/product.md "Visibility and independence"). */
async function visibilityFor(viewer: Viewer) {
  const scope = candidateScope(viewer.roles);
  const managed =
    scope === "managed"
      ? (await db.opening.findMany({ where: { hiringManagerId: viewer.id }, select: { id: true } })).map((o) => o.id)
      : [];
  return clashVisibility(scope, new Set(managed));
}

/**
 * What a planned slot would clash with (the form asks as the recruiter chooses, before saving):
 * `{ interviewerId, scheduledAt, durationMinutes, interviewId? }` — the interview being changed is
 * left out.
 */
export async function clashesFor(viewer: Viewer, candidateId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(clashQuerySchema, input);
  const slot: Slot = {
    interviewerId: v.interviewerId,
    scheduledAt: new Date(v.scheduledAt),
    durationMinutes: v.durationMinutes,
  };
  const end = new Date(slot.scheduledAt.getTime() + slot.durationMinutes * 60_000);
  const booked = await bookedBetween(candidateId, [v.interviewerId], slot.scheduledAt, end);
  return findClashes(
    slot,
    candidateId,
    booked.filter((b) => b.id !== v.interviewId),
    await visibilityFor(viewer),
  );
}

/** The clashes of each of a loop's planned interviews, for the builder's list. */
export async function clashesOfLoop(viewer: Viewer, candidateId: string, loop: (Slot & { id: string })[]) {
  if (!loop.length) return new Map<string, ReturnType<typeof findClashes>>();
  const from = new Date(Math.min(...loop.map((i) => i.scheduledAt.getTime())));
  const to = new Date(Math.max(...loop.map((i) => i.scheduledAt.getTime() + i.durationMinutes * 60_000)));
  const booked = await bookedBetween(candidateId, [...new Set(loop.map((i) => i.interviewerId))], from, to);
  return loopClashes(loop, candidateId, booked, await visibilityFor(viewer));
}
