import "server-only";
import { createHash } from "node:crypto";
import type { DbTx } from "../db";
import { scoreBothWays, type RecommendOn } from "../domain/calibration";
import { groupBy } from "../domain/group-by";
import { scoreCandidate, type CandidateScore, type ScoringScorecard, type ScoringTemplate } from "../domain/scoring";
import { getRaterOffsets } from "./rater-offsets";
import { toScoringScorecard } from "./scoring-input";
import { join, sql, stamp, type Sql } from "./sql";

// The candidate list's scores (docs/decisions/009) and the submitted scorecards an opening's list
// and comparison are scored from, read in SQL written by hand (docs/decisions/011): flat joins and
// per-candidate aggregates instead of an object per row, in SQL SQLite and PostgreSQL both accept.

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
const listScore = (s: CandidateScore): ListScore => ({
  score: s.score,
  scoreText: s.scoreText,
  scoreExact: s.scoreExact,
  coverage: s.coverage,
  recommendation: s.recommendation,
  rule: s.rule,
  redFlags: s.redFlags.map((f) => ({ redFlagId: f.redFlagId, text: f.text })),
  split: s.split,
});

/**
 * Each candidate's list score, from the cache when its inputs are unchanged (CandidateScoreCache:
 * the fingerprint covers the template version, its thresholds and every submitted scorecard's id, version, update
 * time and author), computed by the engine otherwise and stored for next time. Never stale: the
 * fingerprint is checked on every read.
 */
export async function listScores(
  client: DbTx,
  openingId: string,
  templateVersionId: string,
  template: ScoringTemplate,
  recommendOn: RecommendOn,
  candidateIds: string[],
) {
  const [inputs, cached, offsets] = await Promise.all([
    openingScoreInputs(client, openingId),
    client.candidateScoreCache.findMany({
      where: { candidate: { openingId } },
      select: { candidateId: true, fingerprint: true, payload: true },
    }),
    // a role that recommends on calibrated scores: every interviewer's offset is an input too
    recommendOn === "calibrated" ? getRaterOffsets(client) : null,
  ]);
  const cacheOf = new Map(cached.map((c) => [c.candidateId, c]));
  // "v2": payloads stored before the exact display (scoreText) are recomputed. The thresholds
  // (e.g. how many interviewers a red flag needs to cap: docs/decisions/058) are part of the key
  // too, so a score is never served under rules other than the ones it was computed with.
  const rules = `${templateVersionId}|${Object.values(template.thresholds).join(",")}`;
  const version = `v2|${offsets ? `${rules}|calibrated:${offsets.fingerprint}` : rules}`;
  const fingerprint = (id: string) => `${version}|${inputs.get(id) ?? "none"}`;
  const scores = new Map<string, ListScore>();
  const stale: { id: string; fingerprint: string }[] = [];
  for (const id of candidateIds) {
    const fp = fingerprint(id);
    const hit = cacheOf.get(id);
    if (hit?.fingerprint === fp) scores.set(id, JSON.parse(hit.payload) as ListScore);
    else stale.push({ id, fingerprint: fp });
  }
  if (stale.length) {
    const score = (cards: ScoringScorecard[]) =>
      offsets
        ? scoreBothWays(template, cards, offsets.leniency, "calibrated").headline
        : scoreCandidate(template, cards);
    const fresh = await scoreStale(client, openingId, score, stale, stale.length === candidateIds.length);
    for (const [id, score] of fresh) scores.set(id, score);
  }
  return scores;
}

/**
 * Concurrent readers that find the same candidates stale with the same fingerprints (a cold
 * opening opened by several people at once) share one computation: the same inputs give the same
 * scores, so sharing cannot serve anything older than the reader's own read.
 */
const inFlight = new Map<string, Promise<Map<string, ListScore>>>();

function scoreStale(
  client: DbTx,
  openingId: string,
  score: (cards: ScoringScorecard[]) => CandidateScore,
  stale: { id: string; fingerprint: string }[],
  all: boolean,
) {
  const key = createHash("sha256")
    .update(`${openingId}|${stale.map((s) => `${s.id}:${s.fingerprint}`).join("|")}`)
    .digest("base64url");
  const running = inFlight.get(key);
  if (running) return running;
  const work = (async () => {
    const scorecardsOf = await loadScoringScorecards(client, openingId, all ? undefined : stale.map((s) => s.id));
    const scores = new Map(stale.map(({ id }) => [id, listScore(score(scorecardsOf(id)))]));
    // stored in batches; a concurrent writer of the same rows (another instance) may get in
    // between or win: a row missing or written by either is still right (checked on every read)
    for (let i = 0; i < stale.length; i += 500) {
      const chunk = stale.slice(i, i + 500);
      try {
        await client.candidateScoreCache.deleteMany({ where: { candidateId: { in: chunk.map((s) => s.id) } } });
        await client.candidateScoreCache.createMany({
          data: chunk.map((s) => ({
            candidateId: s.id,
            fingerprint: s.fingerprint,
            payload: JSON.stringify(scores.get(s.id)),
          })),
        });
      } catch {
        // a cache write that lost a race: the next read computes again
      }
    }
    return scores;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}
