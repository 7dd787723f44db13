import "server-only";
import { db } from "../db";
import { groupMyInterviews } from "../domain/my-interviews";

/** The signed-in interviewer's own interviews, grouped for "My interviews". */
export async function listMyInterviews(userId: string, now = new Date()) {
  const rows = await db.interview.findMany({
    where: { interviewerId: userId, status: "scheduled" },
    select: {
      id: true,
      scheduledAt: true,
      durationMinutes: true,
      candidate: { select: { name: true, opening: { select: { title: true, templateVersion: { select: { title: true } } } } } },
      exercise: { select: { title: true, duration: true } },
      scorecard: { select: { status: true, submittedAt: true, updatedAt: true } },
    },
  });
  return groupMyInterviews(rows, now);
}

/**
 * The other interviewers' submitted scorecards on a candidate, for an interviewer of that
 * candidate. Independent ratings first (PRODUCT.md "Visibility"): until the user has submitted a
 * scorecard of their own for this candidate, nothing of the others' is returned.
 */
export async function listPanelScorecards(userId: string, candidateId: string) {
  const own = await db.scorecard.count({ where: { candidateId, authorId: userId, status: "submitted" } });
  if (own === 0) return { unlocked: false as const, scorecards: [] };
  const rows = await db.scorecard.findMany({
    where: { candidateId, status: "submitted", authorId: { not: userId } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      submittedAt: true,
      keyTakeaways: true,
      recommendation: true,
      author: { select: { name: true } },
      interview: { select: { exercise: { select: { title: true } } } },
      ratings: { select: { dimensionId: true, rating: true, notAssessed: true, evidence: true } },
      redFlags: { select: { redFlagId: true, note: true } },
      _count: { select: { amendments: true } },
    },
  });
  return { unlocked: true as const, scorecards: rows };
}

