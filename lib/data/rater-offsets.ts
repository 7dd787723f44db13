import "server-only";
import { db, type DbTx } from "../db";
import { raterLeniency, type Observation, type RaterLeniency } from "../domain/calibration";
import { submittedDrillObservations } from "./drills";
import { fingerprintCache } from "./fingerprint-cache";
import { sql, stamp } from "./sql";

// Every interviewer's leniency over the whole organisation's submitted ratings
// (docs/decisions/039-calibrated-view-offsets.md), for the calibrated view of the summary, the
// comparison and the list. A rater's habit is theirs, whichever opening they rated for, so the
// estimate uses all of it. Reloading every rating for each page view would cost more than the page,
// so the result is kept (lib/data/fingerprint-cache.ts) with the fingerprint of the submitted
// scorecards it was computed from, checked on every read: fresh in a small organisation, the newest
// finished computation while the next one runs in a very large one
// (docs/decisions/040-calibration-results-kept-by-fingerprint.md).

export type RaterOffsets = { fingerprint: string; leniency: ReadonlyMap<string, RaterLeniency> };

const cache = fingerprintCache<RaterOffsets>("rater-offsets");

/** Above this many submitted scorecards the fingerprint check itself is reused for CHECK_REUSE_MS. */
const LARGE = 10_000;
const CHECK_REUSE_MS = 1_000;
const checks = new WeakMap<object, { value: string; count: number; at: number }>();

/**
 * Moves with any submission, amendment or deletion of a submitted scorecard (count, version sum,
 * newest update: read from an index). In an organisation with more than 10,000 submitted
 * scorecards, where it costs a few milliseconds per page, one check serves every page of the
 * next second. Submitted calibration drill attempts move it too: their ratings are observations
 * (docs/decisions/080-calibration-drills.md).
 */
export async function submittedFingerprint(client: DbTx): Promise<string> {
  const reuse = checks.get(client);
  if (reuse && reuse.count > LARGE && Date.now() - reuse.at < CHECK_REUSE_MS) return reuse.value;
  const [row] = await client.$queryRaw<
    { n: unknown; versions: unknown; newest: unknown; drills: unknown; newestDrill: unknown }[]
  >(sql`
    SELECT COUNT(*) AS "n", SUM(s."version") AS "versions", MAX(s."updatedAt") AS "newest",
      (SELECT COUNT(*) FROM "DrillAttempt") AS "drills", (SELECT MAX("submittedAt") FROM "DrillAttempt") AS "newestDrill"
    FROM "Scorecard" s WHERE s."status" = 'submitted'`);
  const value = [row?.n, row?.versions, row?.newest, row?.drills, row?.newestDrill].map(stamp).join(":");
  checks.set(client, { value, count: Number(row?.n ?? 0), at: Date.now() });
  return value;
}

/**
 * All submitted 1–5 ratings as observations (Not assessed and unrated rows are not ratings), in
 * one fixed order: the fit's sums depend on the order at the last bit, and PostgreSQL returns
 * rewritten rows (an erasure) elsewhere, so a stored calibrated score would differ from the same
 * score computed again (docs/decisions/060). Then every submitted drill rating, flagged `drill`: each
 * drill is one candidate all its raters shared (docs/decisions/080-calibration-drills.md).
 */
export async function submittedObservations(client: DbTx): Promise<Observation[]> {
  const rows = await client.$queryRaw<(Observation & { notAssessed: boolean | number })[]>(sql`
    SELECT s."authorId" AS "raterId", s."candidateId", r."dimensionId", r."rating", r."notAssessed"
    FROM "DimensionRating" r JOIN "Scorecard" s ON s."id" = r."scorecardId"
    WHERE s."status" = 'submitted' AND r."rating" IS NOT NULL
    ORDER BY s."id", r."dimensionId"`);
  const real = rows
    .filter((r) => !r.notAssessed)
    .map((r) => ({
      raterId: r.raterId,
      candidateId: r.candidateId,
      dimensionId: r.dimensionId,
      rating: Number(r.rating),
    }));
  return [...real, ...(await submittedDrillObservations(client))];
}

export async function getRaterOffsets(client: DbTx = db): Promise<RaterOffsets> {
  const fingerprint = await submittedFingerprint(client);
  return cache(client, "offsets", fingerprint, async () => ({
    fingerprint,
    leniency: raterLeniency(await submittedObservations(client)),
  }));
}
