import "server-only";
import { db, type DbTx } from "../db";
import { defaultDirection, type CandidateListQuery } from "../domain/candidate-list";
import { scoreCandidate } from "../domain/scoring";
import type { RecommendOn } from "../domain/calibration";
import { awaitsDecision } from "../domain/decisions";
import { groupBy } from "../domain/group-by";
import { isOverdue, OVERDUE_AFTER_MS } from "../domain/my-interviews";
import { HIDDEN_UNTIL_SUBMITTED, type Viewer } from "../domain/permissions";
import { CANDIDATE_STAGES, OPENING_STATUSES, type OpeningStatus } from "../domain/vocabulary";
import { NotFoundError } from "../errors";
import { display, openingHeaderSelect, withVersion } from "./candidate-summary";
import { withheldFeedback } from "./independence";
import { toListScore, type ListScore } from "./score-cache";
import { openingWhere } from "./scope";
import { toScoringTemplate } from "./scoring-input";
import { join, notSubmitted, sql } from "./sql";

// The openings a viewer may see and an opening's candidate list, with each candidate's loop and
// score, from a fixed number of queries whatever the number of candidates. The loop counts are
// aggregated by the database in SQL written by hand (docs/decisions/011): Prisma's relation
// loading sends a second query per relation with every parent id in an IN list and builds an
// object per row (for an opening with 1,000 candidates, 5,000 interviews). Plain SQL that SQLite
// and PostgreSQL both accept: quoted identifiers, no date arithmetic; numbers are normalised with
// Number() because PostgreSQL returns its sums as bigint.

/** A candidate's loop in numbers, as loopProgress (lib/domain/loop-progress.ts) counts it. */
export type LoopCounts = { planned: number; submitted: number; missing: number; overdue: number; upcoming: number };

const loopScope = (openingIds: readonly string[], candidateIds?: readonly string[]) => sql`
  FROM "Interview" i
  JOIN "Candidate" c ON c."id" = i."candidateId"
  LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
  WHERE c."openingId" IN (${join(openingIds)}) AND i."status" <> 'cancelled'${
    candidateIds ? sql` AND c."id" IN (${join(candidateIds)})` : sql``
  }`;

/**
 * Every candidate's loop counts in an opening (or several), counted by the database: one row per candidate
 * instead of one per interview. Only the interviews that may be overdue (owed, and scheduled more
 * than a day ago) come back as rows, for isOverdue to judge with their durations. The same counts
 * as loopProgress, by test on both databases (tests/integration/opening-rows.test.ts).
 */
export async function openingLoopCounts(
  client: DbTx,
  opening: string | readonly string[],
  now: Date,
  /** only these candidates' (a page of the list) */
  candidateIds?: readonly string[],
): Promise<Map<string, LoopCounts>> {
  const openingIds = typeof opening === "string" ? [opening] : opening;
  if (!openingIds.length || candidateIds?.length === 0) return new Map();
  const [counts, owed] = await Promise.all([
    client.$queryRaw<
      { candidateId: string; planned: number | bigint; submitted: number | bigint; upcoming: number | bigint }[]
    >(sql`
      SELECT i."candidateId", COUNT(*) AS "planned",
        SUM(CASE WHEN s."status" = 'submitted' THEN 1 ELSE 0 END) AS "submitted",
        SUM(CASE WHEN ${notSubmitted} AND i."scheduledAt" > ${now} THEN 1 ELSE 0 END) AS "upcoming"
      ${loopScope(openingIds, candidateIds)}
      GROUP BY i."candidateId"`),
    client.$queryRaw<{ candidateId: string; scheduledAt: Date; durationMinutes: number }[]>(sql`
      SELECT i."candidateId", i."scheduledAt", i."durationMinutes"
      ${loopScope(openingIds, candidateIds)} AND ${notSubmitted} AND i."scheduledAt" < ${new Date(now.getTime() - OVERDUE_AFTER_MS)}`),
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
 * The openings the viewer may see: open ones, then on hold, then closed, newest first within each;
 * with candidate counts, scorecards overdue and the candidates awaiting a decision
 * (docs/decisions/053-lists-that-apply-as-you-choose.md). Six queries, whatever the number of openings.
 */
export async function listOpenings(viewer: Viewer, now = new Date(), client: DbTx = db) {
  const scope = openingWhere(viewer);
  if (!scope) return [];
  const openings = await client.opening.findMany({
    where: scope,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      createdAt: true,
      hiringManagerId: true,
      hiringManager: { select: { name: true } },
      recruiter: { select: { name: true } },
      templateVersion: { select: { title: true, version: true, template: { select: { slug: true } } } },
      _count: { select: { candidates: true } },
    },
  });
  const tallies = await openingTallies(
    client,
    openings.map((o) => o.id),
    now,
  );
  const rank = (status: string) => OPENING_STATUSES.indexOf(status as OpeningStatus);
  return openings
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map((o) => ({ ...o, ...(tallies.get(o.id) ?? { overdue: 0, awaiting: [] }) }));
}

/** Per opening: the scorecards overdue, and the candidates whose loop is complete with no decision yet. */
async function openingTallies(client: DbTx, openingIds: readonly string[], now: Date) {
  const out = new Map<string, { overdue: number; awaiting: { id: string; name: string }[] }>();
  const [loops, candidates, decided] = await Promise.all([
    openingLoopCounts(client, openingIds, now),
    client.candidate.findMany({
      where: { openingId: { in: [...openingIds] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, openingId: true, stage: true },
    }),
    client.decision.findMany({
      where: { candidate: { openingId: { in: [...openingIds] } } },
      distinct: ["candidateId"],
      select: { candidateId: true },
    }),
  ]);
  const hasDecision = new Set(decided.map((d) => d.candidateId));
  for (const id of openingIds) out.set(id, { overdue: 0, awaiting: [] });
  for (const c of candidates) {
    const loop = loops.get(c.id);
    const tally = out.get(c.openingId)!;
    if (!loop) continue;
    tally.overdue += loop.overdue;
    if (awaitsDecision({ stage: c.stage, loop }, hasDecision.has(c.id)))
      tally.awaiting.push({ id: c.id, name: c.name });
  }
  return out;
}

/**
 * An opening (in the viewer's scope) with each candidate's loop and current decision, and the
 * template version as the engine takes it. Five queries, whatever the number of candidates.
 */
export async function loadOpening(viewer: Viewer, openingId: string, now: Date, client: DbTx) {
  const scope = openingWhere(viewer);
  if (!scope) throw new NotFoundError("Opening not found.");
  const found = await client.opening.findFirst({
    where: { id: openingId, ...scope },
    select: openingHeaderSelect,
  });
  if (!found) throw new NotFoundError("Opening not found.");
  const opening = await withVersion(client, found);
  const [candidates, loops, decisions] = await Promise.all([
    client.candidate.findMany({
      where: { openingId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, email: true, stage: true },
    }),
    openingLoopCounts(client, openingId, now),
    client.decision.findMany({
      where: { candidate: { openingId } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, candidateId: true, outcome: true, isOverride: true, createdAt: true },
    }),
  ]);
  const decisionsOf = groupBy(decisions, (d) => d.candidateId);
  const rows = candidates.map((c) => ({
    ...c,
    loop: loops.get(c.id) ?? { planned: 0, submitted: 0, missing: 0, overdue: 0, upcoming: 0 },
    decision: decisionsOf.get(c.id)?.[0] ?? null,
  }));
  const { templateVersion: v, ...rest } = opening;
  return {
    opening: { ...rest, role: { slug: v.template.slug, title: v.title, version: v.version } },
    templateVersionId: v.id,
    recommendOn: v.recommendOn as RecommendOn,
    template: toScoringTemplate(v),
    candidates: rows,
  };
}

/** Rows per page of an opening's candidate list (docs/decisions/062-candidate-list-in-sql.md). */
export const CANDIDATE_PAGE_SIZE = 50;

const stageRank = sql`CASE c."stage" ${join(
  CANDIDATE_STAGES.map((stage, i) => sql`WHEN ${stage} THEN ${i}`),
  " ",
)} ELSE ${CANDIDATE_STAGES.length} END`;

/**
 * An opening's candidates, filtered, sorted and paged by the database over the stored scores
 * (docs/decisions/060, 062): the same order and rows as filterAndSortCandidates
 * (lib/domain/candidate-list.ts, the oracle of tests/integration/candidate-list-sql.test.ts). A
 * candidate whose feedback is withheld from the viewer (their own scorecard owed) has no score,
 * display or decision, only why; no filter on scores keeps them and they sort last on scores.
 * Loops, overdue counts and decisions are read for the page's rows only. A fixed number of
 * queries whatever the number of candidates; without `page`, every matching row (the CSV).
 */
export async function listOpeningCandidates(
  viewer: Viewer,
  openingId: string,
  query: CandidateListQuery & { page?: number },
  now = new Date(),
  client: DbTx = db,
) {
  const scope = openingWhere(viewer);
  if (!scope) throw new NotFoundError("Opening not found.");
  const found = await client.opening.findFirst({ where: { id: openingId, ...scope }, select: openingHeaderSelect });
  if (!found) throw new NotFoundError("Opening not found.");
  const { templateVersion: v, ...rest } = await withVersion(client, found);
  const opening = { ...rest, role: { slug: v.template.slug, title: v.title, version: v.version } };
  // a candidate with no submitted scorecard has no stored row: the engine's score of none
  const none = toListScore(scoreCandidate(toScoringTemplate(v), []));
  const withheld = await withheldFeedback(client, viewer.id, { openingId });
  const hiddenIds = [...withheld.keys()];
  const isHidden = hiddenIds.length ? sql`c."id" IN (${join(hiddenIds)})` : sql`1 = 0`;
  const rec = sql`COALESCE(cs."recommendation", ${none.recommendation})`;
  const conditions = [sql`c."openingId" = ${openingId}`];
  if (query.missing) conditions.push(sql`COALESCE(l."missing", 0) > 0`);
  if (query.rec || query.flag) conditions.push(sql`NOT (${isHidden})`);
  if (query.rec) conditions.push(sql`${rec} = ${query.rec}`);
  if (query.flag === "red-flag") conditions.push(sql`cs."redFlag" = TRUE`);
  if (query.flag === "split") conditions.push(sql`cs."split" = TRUE`);
  if (query.flag === "any") conditions.push(sql`(cs."redFlag" = TRUE OR cs."split" = TRUE)`);
  const desc = (query.dir ?? defaultDirection(query.sort)) === "desc";
  const d = desc ? sql`DESC` : sql`ASC`;
  // localeCompare's order for names: case folded first, lower case before upper on a tie
  const byName = sql`LOWER(c."name") ASC, c."name" DESC`;
  const added = sql`c."createdAt" ASC, c."id" ASC`;
  // hidden rows keep the order added among themselves: no name decides between them
  const visibleName = sql`CASE WHEN ${isHidden} THEN NULL ELSE LOWER(c."name") END`;
  const visibleName2 = sql`CASE WHEN ${isHidden} THEN NULL ELSE c."name" END`;
  const hiddenLast = sql`CASE WHEN ${isHidden} THEN 1 ELSE 0 END ASC`;
  const progress = sql`CAST(COALESCE(l."submitted", 0) AS DOUBLE PRECISION) / (CASE WHEN COALESCE(l."planned", 0) = 0 THEN 1 ELSE l."planned" END)`;
  const order = {
    name: sql`LOWER(c."name") ${d}, c."name" ${desc ? sql`ASC` : sql`DESC`}, ${added}`,
    stage: sql`${stageRank} ${d}, ${byName}, ${added}`,
    progress: sql`${progress} ${d}, ${byName}, ${added}`,
    score: sql`${hiddenLast}, CASE WHEN cs."score" IS NULL THEN 1 ELSE 0 END ASC, cs."score" ${d},
      COALESCE(cs."coverage", ${none.coverage}) DESC, ${added}`,
    recommendation: sql`${hiddenLast}, COALESCE(cs."recommendationRank", -1) ${d},
      COALESCE(cs."score", -1) ${d}, ${visibleName} ASC, ${visibleName2} DESC, ${added}`,
  }[query.sort];
  const page =
    query.page === undefined
      ? sql``
      : sql` LIMIT ${CANDIDATE_PAGE_SIZE} OFFSET ${(query.page - 1) * CANDIDATE_PAGE_SIZE}`;
  // the loops in SQL only where the sort or a filter needs them: else they are read for the page alone
  const loopsJoin =
    query.sort === "progress" || query.missing
      ? sql`LEFT JOIN (
      SELECT i."candidateId", COUNT(*) AS "planned",
        SUM(CASE WHEN s."status" = 'submitted' THEN 1 ELSE 0 END) AS "submitted",
        SUM(CASE WHEN ${notSubmitted} AND i."scheduledAt" <= ${now} THEN 1 ELSE 0 END) AS "missing"
      ${loopScope([openingId])}
      GROUP BY i."candidateId"
    ) l ON l."candidateId" = c."id"`
      : sql``;
  const from = sql`FROM "Candidate" c
    LEFT JOIN "CandidateScore" cs ON cs."candidateId" = c."id" AND NOT (${isHidden})
    ${loopsJoin}
    WHERE ${join(conditions, " AND ")}`;
  const [rows, counted] = await Promise.all([
    client.$queryRaw<{ id: string; name: string; email: string; stage: string; payload: string | null }[]>(sql`
      SELECT c."id", c."name", c."email", c."stage", cs."payload" ${from} ORDER BY ${order}${page}`),
    client.$queryRaw<{ matched: number | bigint; total: number | bigint }[]>(sql`
      SELECT (SELECT COUNT(*) ${from}) AS "matched",
        (SELECT COUNT(*) FROM "Candidate" c WHERE c."openingId" = ${openingId}) AS "total"`),
  ]);
  const ids = rows.map((r) => r.id);
  const [loops, decisions] = await Promise.all([
    openingLoopCounts(client, openingId, now, ids),
    ids.length
      ? client.decision.findMany({
          where: { candidateId: { in: ids } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { id: true, candidateId: true, outcome: true, isOverride: true, createdAt: true },
        })
      : [],
  ]);
  const decisionsOf = groupBy(decisions, (x) => x.candidateId);
  const candidates = rows.map(({ payload, ...c }) => {
    const loop = loops.get(c.id) ?? { planned: 0, submitted: 0, missing: 0, overdue: 0, upcoming: 0 };
    const hidden = withheld.get(c.id);
    if (hidden)
      return {
        ...c,
        loop,
        decision: null,
        withheld: hidden,
        score: null,
        display: { score: HIDDEN_UNTIL_SUBMITTED, coverage: "", recommendation: "" },
      };
    const score = payload ? (JSON.parse(payload) as ListScore) : none;
    return { ...c, loop, decision: decisionsOf.get(c.id)?.[0] ?? null, withheld: null, score, display: display(score) };
  });
  return {
    opening,
    total: Number(counted[0].total),
    matched: Number(counted[0].matched),
    page: query.page ?? 1,
    pageSize: query.page === undefined ? null : CANDIDATE_PAGE_SIZE,
    hidden: withheld.size,
    candidates,
  };
}

export type OpeningCandidates = Awaited<ReturnType<typeof listOpeningCandidates>>;
