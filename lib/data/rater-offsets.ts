import "server-only";
import { db, type DbTx } from "../db";
import { raterLeniency, type Observation, type RaterLeniency } from "../domain/calibration";
import { sql } from "./sql";

// Every interviewer's leniency over the whole organisation's submitted ratings (issue 10,
// docs/decisions/012), for the calibrated view of the summary, the comparison and the list. A
// rater's habit is theirs, whichever opening they rated for, so the estimate uses all of it.
// Reloading every rating for each page view would cost more than the page, so the result is kept
// per database client, with the fingerprint of the submitted scorecards it was computed from
// (how many, the sum of their versions, the newest update: any submission, amendment or deletion
// moves it), checked on every read.
// When the fingerprint has moved, the offsets are recomputed; a reader waits for that up to
// WAIT_MS. A small organisation's computation takes milliseconds, so it always gets fresh
// offsets. A very large one (half a million ratings: seconds) gets the newest finished result
// while the next is computed, and a slow computation rests for ten times its own duration before
// the next, so constant submissions cannot keep an instance busy recomputing.

export type RaterOffsets = { fingerprint: string; leniency: ReadonlyMap<string, RaterLeniency> };

const WAIT_MS = 250;
const REST_FACTOR = 10;

type Entry = { value: RaterOffsets | null; running: Promise<RaterOffsets> | null; tookMs: number; finishedAt: number };
const cache = new WeakMap<object, Entry>();

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

function recompute(client: DbTx, entry: Entry, fingerprint: string): Promise<RaterOffsets> {
  const began = performance.now();
  const running = submittedObservations(client)
    .then((obs) => ({ fingerprint, leniency: raterLeniency(obs) }))
    .then((value) => {
      entry.value = value;
      return value;
    })
    .finally(() => {
      entry.tookMs = performance.now() - began;
      entry.finishedAt = Date.now();
      if (entry.running === running) entry.running = null;
    });
  entry.running = running;
  return running;
}

export async function getRaterOffsets(client: DbTx = db): Promise<RaterOffsets> {
  const fingerprint = await fingerprintOf(client);
  let entry = cache.get(client);
  if (!entry) cache.set(client, (entry = { value: null, running: null, tookMs: 0, finishedAt: 0 }));
  if (entry.value?.fingerprint === fingerprint) return entry.value;
  const previous = entry.value;
  if (!previous) return entry.running ?? recompute(client, entry, fingerprint); // nothing to serve yet
  if (!entry.running) {
    const resting = entry.tookMs > WAIT_MS && Date.now() - entry.finishedAt < entry.tookMs * REST_FACTOR;
    if (resting) return previous;
    recompute(client, entry, fingerprint).catch(() => undefined); // a failure leaves the previous result
  }
  const fresh = await Promise.race([entry.running!.catch(() => null), new Promise<null>((resolve) => setTimeout(resolve, WAIT_MS, null).unref())]);
  return fresh ?? entry.value ?? previous;
}
