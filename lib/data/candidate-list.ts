import "server-only";
import { db, type DbTx } from "../db";
import { filterAndSortCandidates, type CandidateListQuery } from "../domain/candidate-list";
import type { RecommendOn } from "../domain/calibration";
import { awaitsDecision } from "../domain/decisions";
import { groupBy } from "../domain/group-by";
import { isOverdue, OVERDUE_AFTER_MS } from "../domain/my-interviews";
import { HIDDEN_UNTIL_SUBMITTED, type Viewer } from "../domain/permissions";
import { OPENING_STATUSES, type OpeningStatus } from "../domain/vocabulary";
import { NotFoundError } from "../errors";
import { display, openingHeaderSelect } from "./candidate-summary";
import { withheldFeedback } from "./independence";
import { listScores } from "./score-cache";
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

const loopScope = (openingIds: readonly string[]) => sql`
  FROM "Interview" i
  JOIN "Candidate" c ON c."id" = i."candidateId"
  LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
  WHERE c."openingId" IN (${join(openingIds)}) AND i."status" <> 'cancelled'`;

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
): Promise<Map<string, LoopCounts>> {
  const openingIds = typeof opening === "string" ? [opening] : opening;
  if (!openingIds.length) return new Map();
  const [counts, owed] = await Promise.all([
    client.$queryRaw<
      { candidateId: string; planned: number | bigint; submitted: number | bigint; upcoming: number | bigint }[]
    >(sql`
      SELECT i."candidateId", COUNT(*) AS "planned",
        SUM(CASE WHEN s."status" = 'submitted' THEN 1 ELSE 0 END) AS "submitted",
        SUM(CASE WHEN ${notSubmitted} AND i."scheduledAt" > ${now} THEN 1 ELSE 0 END) AS "upcoming"
      ${loopScope(openingIds)}
      GROUP BY i."candidateId"`),
    client.$queryRaw<{ candidateId: string; scheduledAt: Date; durationMinutes: number }[]>(sql`
      SELECT i."candidateId", i."scheduledAt", i."durationMinutes"
      ${loopScope(openingIds)} AND ${notSubmitted} AND i."scheduledAt" < ${new Date(now.getTime() - OVERDUE_AFTER_MS)}`),
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
  const opening = await client.opening.findFirst({
    where: { id: openingId, ...scope },
    select: openingHeaderSelect,
  });
  if (!opening) throw new NotFoundError("Opening not found.");
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

/**
 * An opening's candidates, each scored by the engine, filtered and sorted as asked. A candidate
 * whose feedback is withheld from the viewer (their own scorecard owed) has no score, display or
 * decision, only why (lib/domain/candidate-list.ts sorts them last and no filter on scores keeps them).
 */
export async function listOpeningCandidates(
  viewer: Viewer,
  openingId: string,
  query: CandidateListQuery,
  now = new Date(),
  client: DbTx = db,
) {
  const { opening, template, candidates } = await loadOpening(viewer, openingId, now, client);
  const withheld = await withheldFeedback(client, viewer.id, { openingId });
  const visible = candidates.filter((c) => !withheld.has(c.id));
  const scores = await listScores(
    client,
    openingId,
    template,
    visible.map((c) => c.id),
  );
  const rows = candidates.map((c) => {
    const hidden = withheld.get(c.id);
    if (hidden)
      return {
        ...c,
        decision: null,
        withheld: hidden,
        score: null,
        display: { score: HIDDEN_UNTIL_SUBMITTED, coverage: "", recommendation: "" },
      };
    const score = scores.get(c.id)!;
    return { ...c, withheld: null, score, display: display(score) };
  });
  return { opening, total: rows.length, hidden: withheld.size, candidates: filterAndSortCandidates(rows, query) };
}

export type OpeningCandidates = Awaited<ReturnType<typeof listOpeningCandidates>>;
