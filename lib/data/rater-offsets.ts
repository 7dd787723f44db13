import "server-only";
import { db, type DbTx } from "../db";
import { raterLeniency, type Observation, type RaterLeniency } from "../domain/calibration";
import { sql } from "./sql";

// Every interviewer's leniency over the whole organisation's submitted ratings (issue 10,
// docs/decisions/012), for the calibrated view of the summary, the comparison and the list. A
// rater's habit is theirs, whichever opening they rated for, so the estimate uses all of it.
// Reloading every rating for each page view would cost more than the page, so the result is kept
// per database client and reused while a cheap aggregate over the submitted scorecards (how many,
// the sum of their versions, the newest update) is unchanged; any submission, amendment or
// deletion moves it, and it is checked on every read: never stale.

export type RaterOffsets = { fingerprint: string; leniency: ReadonlyMap<string, RaterLeniency> };

const cache = new WeakMap<object, { fingerprint: string; result: Promise<RaterOffsets> }>();

async function fingerprintOf(client: DbTx): Promise<string> {
  const [row] = await client.$queryRaw<{ n: unknown; versions: unknown; newest: unknown }[]>(sql`
    SELECT COUNT(*) AS "n", SUM(s."version") AS "versions", MAX(s."updatedAt") AS "newest"
    FROM "Scorecard" s WHERE s."status" = 'submitted'`);
  const stamp = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ""));
  return [row?.n, row?.versions, row?.newest].map(stamp).join(":");
}

/** All submitted 1–5 ratings as observations (Not assessed and unrated rows are not ratings). */
export async function submittedObservations(client: DbTx): Promise<Observation[]> {
  const rows = await client.$queryRaw<(Observation & { notAssessed: boolean | number })[]>(sql`
    SELECT s."authorId" AS "raterId", s."candidateId", r."dimensionId", r."rating", r."notAssessed"
    FROM "DimensionRating" r JOIN "Scorecard" s ON s."id" = r."scorecardId"
    WHERE s."status" = 'submitted' AND r."rating" IS NOT NULL`);
  return rows.filter((r) => !r.notAssessed).map((r) => ({ raterId: r.raterId, candidateId: r.candidateId, dimensionId: r.dimensionId, rating: Number(r.rating) }));
}

export async function getRaterOffsets(client: DbTx = db): Promise<RaterOffsets> {
  const fingerprint = await fingerprintOf(client);
  const hit = cache.get(client);
  if (hit?.fingerprint === fingerprint) return hit.result;
  // concurrent readers with the same fingerprint share one computation
  const result = submittedObservations(client).then((obs) => ({ fingerprint, leniency: raterLeniency(obs) }));
  cache.set(client, { fingerprint, result });
  result.catch(() => {
    if (cache.get(client)?.result === result) cache.delete(client);
  });
  return result;
}
