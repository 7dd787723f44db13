import "server-only";
import { db } from "../db";
import { groupMyInterviews } from "../domain/my-interviews";
import { withheldFeedback } from "./independence";
import { notSubmitted, sql, type Sql } from "./sql";

/** The signed-in interviewer's own interviews, grouped for "My interviews". */
export type MyInterviewGroup = "toFill" | "upcoming" | "submitted";

/** A row of My interviews, with what the page shows of its candidate, opening, role and exercise. */
export type MyInterviewRow = {
  id: string;
  scheduledAt: Date;
  durationMinutes: number;
  candidate: { name: string; opening: { title: string; templateVersion: { title: string } } };
  exercise: { title: string; duration: string | null } | null;
  scorecard: { status: string; submittedAt: Date | null; updatedAt: Date } | null;
};

type RawRow = {
  id: string;
  scheduledAt: Date;
  durationMinutes: number | bigint;
  candidateName: string;
  openingTitle: string;
  roleTitle: string;
  exerciseTitle: string | null;
  exerciseDuration: string | null;
  scorecardStatus: string | null;
  submittedAt: Date | null;
  scorecardUpdatedAt: Date | null;
};

const asDate = (d: Date | string) => new Date(d);

/**
 * My interviews: each group's first `first` rows (all of a group named in `whole`) and every
 * group's full count, in four statements whatever the length of the interviewer's history (a
 * long-serving interviewer has thousands; docs/decisions/010-page-weight-and-render-cost.md): one
 * join per group, limited, and one count of all three (docs/decisions/011). Same SQL on SQLite and
 * PostgreSQL. A scorecard's author is always its interview's interviewer; saying so in the join
 * lets PostgreSQL use the author index instead of scanning every scorecard.
 */
export async function listMyInterviews(
  userId: string,
  now = new Date(),
  opts: { first?: number; whole?: MyInterviewGroup[] } = {},
) {
  const limit = (g: MyInterviewGroup) =>
    opts.whole?.includes(g) || opts.first === undefined ? sql`` : sql` LIMIT ${opts.first}`;
  const rows = (where: Sql, order: Sql, g: MyInterviewGroup) =>
    db.$queryRaw<RawRow[]>(sql`
      SELECT i."id", i."scheduledAt", i."durationMinutes", c."name" AS "candidateName", o."title" AS "openingTitle", v."title" AS "roleTitle",
        e."title" AS "exerciseTitle", e."duration" AS "exerciseDuration", s."status" AS "scorecardStatus", s."submittedAt", s."updatedAt" AS "scorecardUpdatedAt"
      FROM "Interview" i
      JOIN "Candidate" c ON c."id" = i."candidateId"
      JOIN "Opening" o ON o."id" = c."openingId"
      JOIN "RoleTemplateVersion" v ON v."id" = o."templateVersionId"
      LEFT JOIN "Exercise" e ON e."id" = i."exerciseId"
      LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" AND s."authorId" = ${userId}
      WHERE i."interviewerId" = ${userId} AND i."status" = 'scheduled' AND ${where}
      ORDER BY ${order}${limit(g)}`);
  const byTime = sql`i."scheduledAt" ASC, i."id" ASC`;
  const [toFill, upcoming, submitted, [counts]] = await Promise.all([
    rows(sql`${notSubmitted} AND i."scheduledAt" <= ${now}`, byTime, "toFill"),
    rows(sql`${notSubmitted} AND i."scheduledAt" > ${now}`, byTime, "upcoming"),
    rows(sql`s."status" = 'submitted'`, sql`s."submittedAt" DESC, i."id" ASC`, "submitted"),
    db.$queryRaw<{ toFill: unknown; upcoming: unknown; submitted: unknown }[]>(sql`
      SELECT SUM(CASE WHEN ${notSubmitted} AND i."scheduledAt" <= ${now} THEN 1 ELSE 0 END) AS "toFill",
        SUM(CASE WHEN ${notSubmitted} AND i."scheduledAt" > ${now} THEN 1 ELSE 0 END) AS "upcoming",
        SUM(CASE WHEN s."status" = 'submitted' THEN 1 ELSE 0 END) AS "submitted"
      FROM "Interview" i LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" AND s."authorId" = ${userId}
      WHERE i."interviewerId" = ${userId} AND i."status" = 'scheduled'`),
  ]);
  const shape = (r: RawRow): MyInterviewRow => ({
    id: r.id,
    scheduledAt: asDate(r.scheduledAt),
    durationMinutes: Number(r.durationMinutes),
    candidate: { name: r.candidateName, opening: { title: r.openingTitle, templateVersion: { title: r.roleTitle } } },
    exercise: r.exerciseTitle === null ? null : { title: r.exerciseTitle, duration: r.exerciseDuration },
    scorecard:
      r.scorecardStatus === null
        ? null
        : {
            status: r.scorecardStatus,
            submittedAt: r.submittedAt === null ? null : asDate(r.submittedAt),
            updatedAt: asDate(r.scorecardUpdatedAt!),
          },
  });
  // the same grouping rules as ever (lib/domain/my-interviews), over the rows fetched
  return {
    ...groupMyInterviews([...toFill, ...upcoming, ...submitted].map(shape), now),
    // SUM over no rows is NULL
    counts: {
      toFill: Number(counts?.toFill ?? 0),
      upcoming: Number(counts?.upcoming ?? 0),
      submitted: Number(counts?.submitted ?? 0),
    },
  };
}

/**
 * The other interviewers' submitted scorecards on a candidate, for an interviewer of that
 * candidate. Independent ratings first (docs/product.md "Visibility and independence"): until the
 * user has submitted a scorecard of their own for this candidate, and while any other of their
 * scheduled interviews with the candidate still has none (the same rule as every other read,
 * withheldFeedback), nothing of the others' is returned.
 */
export async function listPanelScorecards(userId: string, candidateId: string) {
  const [own, withheld] = await Promise.all([
    db.scorecard.count({ where: { candidateId, authorId: userId, status: "submitted" } }),
    withheldFeedback(db, userId, { candidateId }),
  ]);
  if (own === 0 || withheld.has(candidateId)) return { unlocked: false as const, scorecards: [] };
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
