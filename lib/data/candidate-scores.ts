import "server-only";
import type { DbTx } from "../db";
import { raterLeniency, scoreBothWays, type RecommendOn } from "../domain/calibration";
import { parseFraction } from "../domain/exact";
import { groupBy } from "../domain/group-by";
import { recommendationRank, scoreCandidate, type CandidateScore, type ScoringTemplate } from "../domain/scoring";
import { submittedObservations } from "./rater-offsets";
import { loadScoringScorecards, toListScore } from "./score-cache";
import { toScoringTemplate } from "./scoring-input";
import { scoringVersion } from "./scoring-version";
import { serialize } from "./sql";

// Every candidate's score kept in the database (CandidateScore, CandidateDimensionScore), written in
// the transaction of each write that can change it, so that lists sort, filter and page in SQL
// (docs/decisions/060-scores-kept-in-the-database.md). The engine (lib/domain/scoring.ts) stays
// the one place a score is computed; these rows are its results, never a second formula.

type ScoreRow = {
  candidateId: string;
  openingId: string;
  score: number | null;
  coverage: number;
  recommendation: string;
  recommendationRank: number;
  redFlag: boolean;
  split: boolean;
  scorecards: number;
  payload: string;
};
type DimensionRow = {
  candidateId: string;
  dimensionId: string;
  ratings: number;
  sum: number;
  min: number;
  max: number;
};
type Computed = { score: ScoreRow; dimensions: DimensionRow[] };

/** The stored row of a score: the exact fraction divided once, so equal scores are equal in SQL. */
function scoreRow(candidateId: string, openingId: string, s: CandidateScore): ScoreRow {
  const exact = s.scoreExact ? parseFraction(s.scoreExact) : null;
  return {
    candidateId,
    openingId,
    score: exact ? Number(exact.n) / Number(exact.d) : s.score,
    coverage: s.coverage,
    recommendation: s.recommendation,
    recommendationRank: recommendationRank(s.recommendation) ?? -1,
    redFlag: s.redFlags.length > 0,
    split: s.split.isSplit,
    scorecards: s.scorecardCount,
    payload: JSON.stringify(toListScore(s)),
  };
}

/** Raw 1–5 ratings per dimension of the template (the engine ignores dimensions not in it). */
function dimensionRows(candidateId: string, template: ScoringTemplate, s: CandidateScore): DimensionRow[] {
  const known = new Set(template.dimensions.map((d) => d.id));
  return s.dimensions
    .filter((d) => known.has(d.id) && d.ratings.length > 0)
    .map((d) => ({
      candidateId,
      dimensionId: d.id,
      ratings: d.ratings.length,
      sum: d.ratings.reduce((a, b) => a + b, 0),
      min: Math.min(...d.ratings),
      max: Math.max(...d.ratings),
    }));
}

type Leniency = ReturnType<typeof raterLeniency>;

/** The candidates' scores as the engine computes them now; candidates with no submitted scorecard are absent. */
async function computeScores(
  client: DbTx,
  candidateIds: readonly string[],
  leniencyOf: () => Promise<Leniency>,
  /** versions read from the database, not from memory (lib/data/scoring-version.ts) */
  freshVersions = false,
): Promise<Map<string, Computed>> {
  const out = new Map<string, Computed>();
  if (!candidateIds.length) return out;
  const candidates = await client.candidate.findMany({
    where: { id: { in: [...candidateIds] } },
    select: { id: true, openingId: true },
  });
  for (const [openingId, cs] of groupBy(candidates, (c) => c.openingId)) {
    const opening = await client.opening.findUniqueOrThrow({
      where: { id: openingId },
      select: { templateVersionId: true },
    });
    const version = await scoringVersion(client, opening.templateVersionId, freshVersions);
    const template = toScoringTemplate(version);
    const calibrated = (version.recommendOn as RecommendOn) === "calibrated";
    const leniency = calibrated ? await leniencyOf() : null;
    const ids = cs.map((c) => c.id);
    const scorecardsOf = await loadScoringScorecards(client, openingId, ids);
    for (const id of ids) {
      const cards = scorecardsOf(id);
      if (!cards.length) continue;
      // raw ratings for the dimension rows whatever the role recommends on (the comparison re-weights raw ratings)
      const raw = scoreCandidate(template, cards);
      const headline = leniency ? scoreBothWays(template, cards, leniency, "calibrated").headline : raw;
      out.set(id, { score: scoreRow(id, openingId, headline), dimensions: dimensionRows(id, template, raw) });
    }
  }
  return out;
}

/** Every interviewer's leniency over all submitted ratings, read at most once per call. */
function leniencyOnce(client: DbTx) {
  let value: Promise<Leniency> | null = null;
  return () => (value ??= submittedObservations(client).then(raterLeniency));
}

/** Candidates of openings that recommend on calibrated scores, with a submitted scorecard. */
async function calibratedCandidates(client: DbTx): Promise<string[]> {
  const rows = await client.candidate.findMany({
    where: {
      opening: { templateVersion: { recommendOn: "calibrated" } },
      scorecards: { some: { status: "submitted" } },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function writeScores(tx: DbTx, candidateIds: readonly string[], computed: Map<string, Computed>) {
  for (let i = 0; i < candidateIds.length; i += 500) {
    const chunk = candidateIds.slice(i, i + 500);
    await tx.candidateDimensionScore.deleteMany({ where: { candidateId: { in: chunk } } });
    await tx.candidateScore.deleteMany({ where: { candidateId: { in: chunk } } });
    const rows = chunk.flatMap((id) => (computed.has(id) ? [computed.get(id)!] : []));
    if (rows.length) await tx.candidateScore.createMany({ data: rows.map((r) => r.score) });
    const dims = rows.flatMap((r) => r.dimensions);
    if (dims.length) await tx.candidateDimensionScore.createMany({ data: dims });
  }
}

/**
 * Recomputes and stores the candidates' scores, inside the caller's transaction, after its writes.
 * `ratingsMoved` (the default): the write changed submitted ratings (a submission, an amendment,
 * an erasure, ratings re-pointed to a new version's dimensions), which moves every interviewer's
 * offset, so every candidate of an opening that recommends on calibrated scores is recomputed too.
 *
 * One lock for all score writes, taken before anything is read: under PostgreSQL's read committed
 * each later statement then sees every write committed before, and a writer whose own write is not
 * committed yet takes the lock after us and recomputes. The candidate's lock (lib/data/candidate-lock.ts)
 * is not enough: offsets cross candidates, and a new template version crosses an opening.
 */
export async function refreshCandidateScores(
  tx: DbTx,
  candidateIds: readonly string[],
  opts: { ratingsMoved?: boolean } = {},
): Promise<void> {
  const ratingsMoved = opts.ratingsMoved ?? true;
  if (!candidateIds.length && !ratingsMoved) return;
  await serialize(tx, "candidate-scores");
  const ids = new Set(candidateIds);
  if (ratingsMoved) for (const id of await calibratedCandidates(tx)) ids.add(id);
  const all = [...ids];
  await writeScores(tx, all, await computeScores(tx, all, leniencyOnce(tx)));
}

/** The candidates of some openings (all their candidates: a new version or new thresholds). */
export async function refreshOpeningScores(tx: DbTx, openingIds: readonly string[], opts: { ratingsMoved?: boolean }) {
  const candidates = await tx.candidate.findMany({
    where: { openingId: { in: [...openingIds] } },
    select: { id: true },
  });
  await refreshCandidateScores(
    tx,
    candidates.map((c) => c.id),
    opts,
  );
}

/** Every candidate with a submitted scorecard, and of those with a stored score. */
async function scoredCandidates(client: DbTx): Promise<string[]> {
  const [withCards, stored] = await Promise.all([
    client.candidate.findMany({ where: { scorecards: { some: { status: "submitted" } } }, select: { id: true } }),
    client.candidateScore.findMany({ select: { candidateId: true } }),
  ]);
  return [...new Set([...withCards.map((c) => c.id), ...stored.map((s) => s.candidateId)])];
}

/**
 * A database upgraded from a version that kept no scores (the migration that made the tables is
 * empty): submitted scorecards and not one stored score. Two indexed reads.
 */
export async function needsBackfill(client: DbTx): Promise<boolean> {
  const [stored, submitted] = await Promise.all([
    client.candidateScore.findFirst({ select: { candidateId: true } }),
    client.scorecard.findFirst({ where: { status: "submitted" }, select: { id: true } }),
  ]);
  return !stored && !!submitted;
}

/** Recomputes every stored score (a backfill, `npm run scores:verify -- --fix`, bulk inserts in SQL). */
export async function recomputeAllScores(client: DbTx & { $transaction?: unknown }): Promise<number> {
  const run = async (tx: DbTx) => {
    await serialize(tx, "candidate-scores");
    const ids = await scoredCandidates(tx);
    await tx.candidateDimensionScore.deleteMany({});
    await tx.candidateScore.deleteMany({});
    const computed = await computeScores(tx, ids, leniencyOnce(tx), true);
    await writeScores(tx, [...computed.keys()], computed);
    return computed.size;
  };
  const withTx = client as { $transaction?: <T>(f: (tx: DbTx) => Promise<T>, o?: object) => Promise<T> };
  return withTx.$transaction ? withTx.$transaction(run, { timeout: 600_000, maxWait: 60_000 }) : run(client);
}

export type ScoreDifference = { candidateId: string; field: string; stored: string; recomputed: string };

const show = (v: unknown) => (v === undefined ? "(no row)" : JSON.stringify(v));

/** Stored scores against the engine's now, field by field; empty when every stored row is right. */
export async function verifyScores(client: DbTx): Promise<ScoreDifference[]> {
  const ids = await scoredCandidates(client);
  const [computed, stored, storedDims] = await Promise.all([
    computeScores(client, ids, leniencyOnce(client), true),
    client.candidateScore.findMany(),
    client.candidateDimensionScore.findMany(),
  ]);
  const storedOf = new Map(stored.map((s) => [s.candidateId, s]));
  const dimsOf = groupBy(storedDims, (d) => d.candidateId);
  const out: ScoreDifference[] = [];
  const fields = [
    "openingId",
    "score",
    "coverage",
    "recommendation",
    "recommendationRank",
    "redFlag",
    "split",
    "scorecards",
    "payload",
  ] as const;
  for (const id of [...ids].sort()) {
    const want = computed.get(id);
    const have = storedOf.get(id);
    if (!want || !have) {
      if (want || have)
        out.push({
          candidateId: id,
          field: "row",
          stored: have ? "present" : "(no row)",
          recomputed: want ? "present" : "(no row)",
        });
      continue;
    }
    for (const f of fields) {
      const a: unknown = have[f];
      const b: unknown = want.score[f];
      const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-12 : a === b;
      if (!same) out.push({ candidateId: id, field: f, stored: show(a), recomputed: show(b) });
    }
    const haveDims = new Map((dimsOf.get(id) ?? []).map((d) => [d.dimensionId, d]));
    const wantDims = new Map(want.dimensions.map((d) => [d.dimensionId, d]));
    for (const dim of [...new Set([...haveDims.keys(), ...wantDims.keys()])].sort()) {
      const a = haveDims.get(dim);
      const b = wantDims.get(dim);
      for (const f of ["ratings", "sum", "min", "max"] as const)
        if (a?.[f] !== b?.[f])
          out.push({ candidateId: id, field: `dimension ${dim} ${f}`, stored: show(a?.[f]), recomputed: show(b?.[f]) });
    }
  }
  return out;
}
