import "server-only";
import { db } from "../db";
import { groupMyInterviews } from "../domain/my-interviews";

/** The signed-in interviewer's own interviews, grouped for "My interviews". */
export type MyInterviewGroup = "toFill" | "upcoming" | "submitted";

/**
 * My interviews: each group's first `first` rows (all of a group named in `whole`) and every
 * group's full count. Six small indexed queries, whatever the length of the interviewer's
 * history (issue 9: a long-serving interviewer has thousands).
 */
export async function listMyInterviews(userId: string, now = new Date(), opts: { first?: number; whole?: MyInterviewGroup[] } = {}) {
  const take = (g: MyInterviewGroup) => (opts.whole?.includes(g) || opts.first === undefined ? undefined : opts.first);
  const mine = { interviewerId: userId, status: "scheduled" };
  const open = { OR: [{ scorecard: { is: null } }, { scorecard: { status: { not: "submitted" } } }] };
  const where = {
    toFill: { ...mine, ...open, scheduledAt: { lte: now } },
    upcoming: { ...mine, ...open, scheduledAt: { gt: now } },
    submitted: { ...mine, scorecard: { status: "submitted" } },
  };
  const select = {
    id: true,
    scheduledAt: true,
    durationMinutes: true,
    candidate: { select: { name: true, opening: { select: { title: true, templateVersion: { select: { title: true } } } } } },
    exercise: { select: { title: true, duration: true } },
    scorecard: { select: { status: true, submittedAt: true, updatedAt: true } },
  } as const;
  const [toFill, upcoming, submitted, counts] = await Promise.all([
    db.interview.findMany({ where: where.toFill, select, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }], take: take("toFill") }),
    db.interview.findMany({ where: where.upcoming, select, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }], take: take("upcoming") }),
    db.interview.findMany({ where: where.submitted, select, orderBy: [{ scorecard: { submittedAt: "desc" } }, { id: "asc" }], take: take("submitted") }),
    Promise.all([db.interview.count({ where: where.toFill }), db.interview.count({ where: where.upcoming }), db.interview.count({ where: where.submitted })]),
  ]);
  // the same grouping rules as ever (lib/domain/my-interviews), over the rows fetched
  return { ...groupMyInterviews([...toFill, ...upcoming, ...submitted], now), counts: { toFill: counts[0], upcoming: counts[1], submitted: counts[2] } };
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

