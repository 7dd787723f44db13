import "server-only";
import type { DbTx } from "../db";
import { groupBy } from "../domain/group-by";
import type { CandidateScore } from "../domain/scoring";
import { toScoringScorecard } from "./scoring-input";
import { join, sql, type Sql } from "./sql";

// The candidate list's stored scores (docs/decisions/060) and the submitted scorecards they and the
// comparison are scored from, read in SQL written by hand (docs/decisions/011): flat joins instead
// of an object per row, in SQL SQLite and PostgreSQL both accept.

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
    client.$queryRaw<Omit<ScoringRow, "ratings" | "redFlags">[]>(sql`
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

/** Submitted scorecards as the engine takes them, for an opening or some of its candidates. */
export async function loadScoringScorecards(client: DbTx, openingId: string, candidateIds?: string[]) {
  const rows = await openingScoringRows(client, openingId, candidateIds);
  const of = groupBy(rows, (s) => s.candidateId);
  return (candidateId: string) =>
    (of.get(candidateId) ?? []).map((s) => toScoringScorecard({ ...s, author: { name: s.authorName } }));
}

/** What the candidate list shows of a score: numbers, the rule, red-flag names, the split. */
export type ListScore = Pick<
  CandidateScore,
  "score" | "scoreText" | "scoreExact" | "coverage" | "recommendation" | "rule" | "split"
> & { redFlags: { redFlagId: string; text: string }[] };

/** A score as the list shows it, as stored in CandidateScore.payload. */
export const toListScore = (s: CandidateScore): ListScore => ({
  score: s.score,
  scoreText: s.scoreText,
  scoreExact: s.scoreExact,
  coverage: s.coverage,
  recommendation: s.recommendation,
  rule: s.rule,
  redFlags: s.redFlags.map((f) => ({ redFlagId: f.redFlagId, text: f.text })),
  split: s.split,
});
