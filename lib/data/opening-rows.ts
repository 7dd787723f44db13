import "server-only";
import type { DbTx } from "../db";
import { isOverdue, OVERDUE_AFTER_MS } from "../domain/my-interviews";
import { join, notSubmitted, sql, stamp, type Sql } from "./sql";

// The rows an opening's list and comparison are built from, in SQL written by hand
// (docs/decisions/011). Prisma's relation loading sends a second query per relation with every
// parent id in an IN list and builds an object per row: for an opening with 1,000 candidates that
// is 5,000 interviews and 4,400 scorecards. Here counts are aggregated by the database (one row
// per candidate) and the rest comes back as flat joins. Plain SQL that SQLite and PostgreSQL both
// accept: quoted identifiers, no date arithmetic; numbers are normalised with Number() because
// PostgreSQL returns its sums as bigint.

/** A candidate's loop in numbers, as loopProgress (lib/domain/loop-progress.ts) counts it. */
export type LoopCounts = { planned: number; submitted: number; missing: number; overdue: number; upcoming: number };

const loopScope = (openingId: string) => sql`
  FROM "Interview" i
  JOIN "Candidate" c ON c."id" = i."candidateId"
  LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
  WHERE c."openingId" = ${openingId} AND i."status" <> 'cancelled'`;

/**
 * Every candidate's loop counts in an opening, counted by the database: one row per candidate
 * instead of one per interview. Only the interviews that may be overdue (owed, and scheduled more
 * than a day ago) come back as rows, for isOverdue to judge with their durations. The same counts
 * as loopProgress, by test on both databases (tests/integration/opening-rows.test.ts).
 */
export async function openingLoopCounts(client: DbTx, openingId: string, now: Date): Promise<Map<string, LoopCounts>> {
  const [counts, owed] = await Promise.all([
    client.$queryRaw<
      { candidateId: string; planned: number | bigint; submitted: number | bigint; upcoming: number | bigint }[]
    >(sql`
      SELECT i."candidateId", COUNT(*) AS "planned",
        SUM(CASE WHEN s."status" = 'submitted' THEN 1 ELSE 0 END) AS "submitted",
        SUM(CASE WHEN ${notSubmitted} AND i."scheduledAt" > ${now} THEN 1 ELSE 0 END) AS "upcoming"
      ${loopScope(openingId)}
      GROUP BY i."candidateId"`),
    client.$queryRaw<{ candidateId: string; scheduledAt: Date; durationMinutes: number }[]>(sql`
      SELECT i."candidateId", i."scheduledAt", i."durationMinutes"
      ${loopScope(openingId)} AND ${notSubmitted} AND i."scheduledAt" < ${new Date(now.getTime() - OVERDUE_AFTER_MS)}`),
  ]);
  const out = new Map<string, LoopCounts>();
  for (const r of counts) {
    const planned = Number(r.planned);
    const submitted = Number(r.submitted);
    const upcoming = Number(r.upcoming);
    out.set(r.candidateId, { planned, submitted, missing: planned - submitted - upcoming, overdue: 0, upcoming });
  }
  for (const r of owed) {
    if (
      isOverdue(
        { scheduledAt: new Date(r.scheduledAt), durationMinutes: Number(r.durationMinutes), scorecard: null },
        now,
      )
    )
      out.get(r.candidateId)!.overdue++;
  }
  return out;
}

/**
 * Per candidate, a summary of the submitted scorecards a list score is computed from: how many,
 * the sum of their versions, their oldest and newest update times, and the newest update of their
 * authors (names appear in a score). Any submission, amendment, erasure or rename moves one of
 * these (docs/decisions/011). Candidates with no submitted scorecard have no row.
 */
export async function openingScoreInputs(client: DbTx, openingId: string): Promise<Map<string, string>> {
  const rows = await client.$queryRaw<
    { candidateId: string; n: unknown; versions: unknown; oldest: unknown; newest: unknown; authors: unknown }[]
  >(sql`
    SELECT s."candidateId", COUNT(*) AS "n", SUM(s."version") AS "versions", MIN(s."updatedAt") AS "oldest", MAX(s."updatedAt") AS "newest", MAX(u."updatedAt") AS "authors"
    FROM "Scorecard" s
    JOIN "Candidate" c ON c."id" = s."candidateId"
    JOIN "User" u ON u."id" = s."authorId"
    WHERE c."openingId" = ${openingId} AND s."status" = 'submitted'
    GROUP BY s."candidateId"`);
  return new Map(
    rows.map((r) => [r.candidateId, [r.n, r.versions, r.oldest, r.newest, r.authors].map(stamp).join(":")]),
  );
}

const inCandidates = (ids?: readonly string[]): Sql => (ids ? sql` AND c."id" IN (${join(ids)})` : sql``);

/** A submitted scorecard with what the scoring engine reads of it. */
export type ScoringRow = {
  id: string;
  candidateId: string;
  authorId: string;
  authorName: string;
  status: string;
  recommendation: string | null;
  ratings: { dimensionId: string; rating: number | null; notAssessed: boolean }[];
  redFlags: { redFlagId: string; note: string }[];
};

/**
 * The submitted scorecards of an opening (or of some of its candidates), oldest submission first,
 * with their ratings and red flags: three statements, whatever the number of scorecards.
 */
export async function openingScoringRows(
  client: DbTx,
  openingId: string,
  candidateIds?: readonly string[],
): Promise<ScoringRow[]> {
  if (candidateIds && candidateIds.length === 0) return [];
  const scope = sql`JOIN "Candidate" c ON c."id" = s."candidateId" WHERE c."openingId" = ${openingId} AND s."status" = 'submitted'${inCandidates(candidateIds)}`;
  const [cards, ratings, flags] = await Promise.all([
    client.$queryRaw<
      {
        id: string;
        candidateId: string;
        authorId: string;
        authorName: string;
        status: string;
        recommendation: string | null;
      }[]
    >(sql`
      SELECT s."id", s."candidateId", s."authorId", u."name" AS "authorName", s."status", s."recommendation"
      FROM "Scorecard" s JOIN "User" u ON u."id" = s."authorId" ${scope}
      ORDER BY s."submittedAt" ASC, s."id" ASC`),
    client.$queryRaw<
      { scorecardId: string; dimensionId: string; rating: number | null; notAssessed: boolean | number }[]
    >(sql`
      SELECT r."scorecardId", r."dimensionId", r."rating", r."notAssessed"
      FROM "DimensionRating" r JOIN "Scorecard" s ON s."id" = r."scorecardId" ${scope}`),
    client.$queryRaw<{ scorecardId: string; redFlagId: string; note: string }[]>(sql`
      SELECT f."scorecardId", f."redFlagId", f."note"
      FROM "RedFlagObservation" f JOIN "Scorecard" s ON s."id" = f."scorecardId" ${scope}`),
  ]);
  const byId = new Map<string, ScoringRow>();
  const out = cards.map((c) => {
    const row: ScoringRow = { ...c, ratings: [], redFlags: [] };
    byId.set(c.id, row);
    return row;
  });
  for (const r of ratings)
    byId.get(r.scorecardId)?.ratings.push({
      dimensionId: r.dimensionId,
      rating: r.rating === null ? null : Number(r.rating),
      notAssessed: Boolean(r.notAssessed),
    });
  for (const f of flags) byId.get(f.scorecardId)?.redFlags.push({ redFlagId: f.redFlagId, note: f.note });
  return out;
}
