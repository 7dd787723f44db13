import "server-only";
import { createHash } from "node:crypto";
import { db, type DbTx } from "../db";
import { filterAndSortCandidates, type CandidateListQuery } from "../domain/candidate-list";
import { loopProgress } from "../domain/loop-progress";
import { scoreBothWays, type RecommendOn } from "../domain/calibration";
import { feedbackBlocked, feedbackWithheldMessage, HIDDEN_UNTIL_SUBMITTED, type Viewer } from "../domain/permissions";
import {
  formatCoverage,
  RECOMMENDATION_LABELS,
  scoreCandidate,
  type CandidateScore,
  type Recommendation,
  type ScoringScorecard,
  type ScoringTemplate,
} from "../domain/scoring";
import type { DecisionOutcome, OverallRecommendation } from "../domain/vocabulary";
import { AppError, NotFoundError } from "../errors";
import { openingLoopCounts, openingScoreInputs, openingScoringRows } from "./opening-rows";
import { getRaterOffsets } from "./rater-offsets";
import { openingWhere } from "./scope";

// Candidate summaries and an opening's candidate list (issue 4), computed by the scoring engine
// from a fixed number of queries whatever the number of interviews, scorecards or ratings: one
// for the candidate (or opening) with its template version, one for the loop, one for the
// submitted scorecards. Drafts are never read here: only submitted scorecards are selected.
// Who may see what is part of each query's where clause (lib/domain/permissions.ts); anything
// outside it is "not found", the same as a missing id.

/** Why a viewer sees none of the panel's feedback on a candidate, and which scorecard is theirs to fill. */
export type FeedbackWithheld = { reason: "own-scorecard-not-submitted"; message: string; interviewId: string };

/** A read or a decision refused under independent ratings first (403, code "feedback_withheld"). */
export class FeedbackWithheldError extends AppError {
  constructor(
    message: string,
    readonly interviewId: string,
  ) {
    super(message, 403, "feedback_withheld");
  }
}

/**
 * The candidates in a set (one candidate, or an opening's) for which the viewer has a scheduled
 * interview with no submitted scorecard: independent ratings first (lib/domain/permissions.ts
 * feedbackBlocked), whatever the viewer's roles. One query over the viewer's own interviews; every
 * read of others' feedback (summary, list, comparison, CSVs, API) goes through it.
 */
export async function withheldFeedback(
  client: DbTx,
  viewerId: string,
  set: { candidateId: string } | { openingId: string },
): Promise<Map<string, { interviewId: string }>> {
  const rows = await client.interview.findMany({
    where: {
      interviewerId: viewerId,
      status: "scheduled",
      ...("candidateId" in set ? { candidateId: set.candidateId } : { candidate: { openingId: set.openingId } }),
    },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: { id: true, candidateId: true, interviewerId: true, status: true, scorecard: { select: { status: true } } },
  });
  const out = new Map<string, { interviewId: string }>();
  for (const [candidateId, own] of groupBy(rows, (r) => r.candidateId)) {
    const blocked = feedbackBlocked(
      viewerId,
      own.map((r) => ({ ...r, scorecardStatus: r.scorecard?.status ?? null })),
    );
    if (blocked) out.set(candidateId, blocked);
  }
  return out;
}

/**
 * Throws FeedbackWithheldError while the viewer owes their own scorecard on this candidate: for
 * writes that rest on the panel's feedback (a decision) and for reads outside this module.
 */
export async function assertFeedbackVisible(viewer: Viewer, candidateId: string, client: DbTx = db) {
  const blocked = (await withheldFeedback(client, viewer.id, { candidateId })).get(candidateId);
  if (!blocked) return;
  const c = await client.candidate.findUnique({ where: { id: candidateId }, select: { name: true } });
  throw new FeedbackWithheldError(feedbackWithheldMessage(c?.name ?? "this candidate"), blocked.interviewId);
}

export const decisionSelect = {
  id: true,
  outcome: true,
  rationale: true,
  overrideReason: true,
  isOverride: true,
  computedRecommendation: true,
  computedScore: true,
  createdAt: true,
  decidedBy: { select: { name: true } },
} as const;

const scoringVersionSelect = {
  id: true,
  version: true,
  title: true,
  minCoverage: true,
  strongHireMin: true,
  hireMin: true,
  leanNoHireMin: true,
  splitSpreadMin: true,
  recommendOn: true,
  template: { select: { slug: true } },
  dimensions: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true, weightOrigin: true } },
  exercises: {
    orderBy: { position: "asc" },
    select: { id: true, title: true, dimensions: { orderBy: { position: "asc" }, select: { dimensionId: true } } },
  },
  redFlags: { orderBy: { position: "asc" }, select: { id: true, text: true } },
} as const;

/** An opening's header, as the summary, the list and the comparison show it, with its template. */
const openingHeaderSelect = {
  id: true,
  title: true,
  status: true,
  hiringManagerId: true,
  hiringManager: { select: { name: true } },
  recruiter: { select: { name: true } },
  templateVersion: { select: scoringVersionSelect },
} as const;

type ScoringVersionRow = {
  minCoverage: number;
  strongHireMin: number;
  hireMin: number;
  leanNoHireMin: number;
  splitSpreadMin: number;
  dimensions: { id: string; name: string; weight: number; weightOrigin: string }[];
  exercises: { id: string; title: string; dimensions: { dimensionId: string }[] }[];
  redFlags: { id: string; text: string }[];
};

function toScoringTemplate(v: ScoringVersionRow): ScoringTemplate {
  return {
    dimensions: v.dimensions,
    exercises: v.exercises.map((e) => ({
      id: e.id,
      title: e.title,
      dimensionIds: e.dimensions.map((d) => d.dimensionId),
    })),
    redFlags: v.redFlags,
    thresholds: {
      minCoverage: v.minCoverage,
      strongHireMin: v.strongHireMin,
      hireMin: v.hireMin,
      leanNoHireMin: v.leanNoHireMin,
      splitSpreadMin: v.splitSpreadMin,
    },
  };
}

const submittedScorecardSelect = {
  id: true,
  candidateId: true,
  interviewId: true,
  authorId: true,
  status: true,
  recommendation: true,
  keyTakeaways: true,
  submittedAt: true,
  version: true,
  author: { select: { name: true } },
  interview: { select: { exercise: { select: { title: true } } } },
  ratings: { select: { dimensionId: true, rating: true, notAssessed: true, evidence: true } },
  redFlags: { select: { redFlagId: true, note: true } },
} as const;

type SubmittedRow = {
  id: string;
  authorId: string;
  status: string;
  recommendation: string | null;
  author: { name: string };
  ratings: { dimensionId: string; rating: number | null; notAssessed: boolean }[];
  redFlags: { redFlagId: string; note: string }[];
};

function toScoringScorecard(s: SubmittedRow): ScoringScorecard {
  return {
    id: s.id,
    status: s.status,
    interviewerId: s.authorId,
    interviewerName: s.author.name,
    recommendation: s.recommendation as OverallRecommendation | null,
    // a rating row with neither a number nor Not assessed is "not rated yet" and does not count
    ratings: s.ratings
      .filter((r) => r.notAssessed || r.rating !== null)
      .map((r) => ({ dimensionId: r.dimensionId, rating: r.notAssessed ? null : r.rating })),
    redFlags: s.redFlags,
  };
}

const loopSelect = {
  id: true,
  candidateId: true,
  scheduledAt: true,
  durationMinutes: true,
  status: true,
  interviewer: { select: { id: true, name: true } },
  exercise: { select: { title: true } },
  scorecard: { select: { status: true, submittedAt: true } },
} as const;

/** The numbers and words shown as headline, wherever they are shown (page, CSV, JSON). */
function display(score: Pick<CandidateScore, "scoreText" | "coverage" | "recommendation">) {
  return {
    score: score.scoreText,
    coverage: formatCoverage(score.coverage),
    recommendation: RECOMMENDATION_LABELS[score.recommendation],
  };
}

/**
 * Everything the candidate summary page, its CSV and the JSON API show. Throws
 * FeedbackWithheldError while the viewer owes their own scorecard on the candidate (independent
 * ratings first), so no caller can pass the panel's feedback on by mistake; the page and the
 * summary routes use getCandidateView, which says why instead.
 */
export async function getCandidateSummary(
  viewer: Viewer,
  candidateId: string,
  now = new Date(),
  client: DbTx = db,
): Promise<CandidateSummary> {
  const view = await getCandidateView(viewer, candidateId, now, client);
  if (view.feedbackWithheld)
    throw new FeedbackWithheldError(view.feedbackWithheld.message, view.feedbackWithheld.interviewId);
  return view;
}

/** The summary, or while the viewer owes their own scorecard, only the candidate, the loop and why. */
export async function getCandidateView(viewer: Viewer, candidateId: string, now = new Date(), client: DbTx = db) {
  const scope = openingWhere(viewer);
  if (!scope) throw new NotFoundError("Candidate not found.");
  const candidate = await client.candidate.findFirst({
    where: { id: candidateId, opening: scope },
    select: {
      id: true,
      name: true,
      email: true,
      stage: true,
      source: true,
      erasedAt: true,
      opening: { select: openingHeaderSelect },
    },
  });
  if (!candidate) throw new NotFoundError("Candidate not found.");
  const version = candidate.opening.templateVersion;
  const { id: openingId, title, status, hiringManager, recruiter } = candidate.opening;
  const header = {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      stage: candidate.stage,
      source: candidate.source,
      erasedAt: candidate.erasedAt,
    },
    opening: { id: openingId, title, status, hiringManager, recruiter },
    role: { slug: version.template.slug, title: version.title, version: version.version },
  };
  const loopOf = (interviews: Awaited<ReturnType<typeof loadLoop>>) =>
    loopProgress(
      interviews.map((i) => ({ ...i, interviewerName: i.interviewer.name, exercise: i.exercise?.title ?? null })),
      now,
    );
  const loadLoop = (c: DbTx) =>
    c.interview.findMany({ where: { candidateId }, orderBy: { scheduledAt: "asc" }, select: loopSelect });
  const blocked = (await withheldFeedback(client, viewer.id, { candidateId })).get(candidateId);
  if (blocked) {
    // nothing of the panel's: no scores, ratings, evidence, recommendation or decisions; the loop's progress stays
    const feedbackWithheld: FeedbackWithheld = {
      reason: "own-scorecard-not-submitted",
      message: feedbackWithheldMessage(candidate.name),
      interviewId: blocked.interviewId,
    };
    return {
      ...header,
      feedbackWithheld,
      display: null,
      score: null,
      calibration: null,
      scorecards: [],
      loop: loopOf(await loadLoop(client)),
      decisions: [],
      canDecide: false,
      generatedAt: now,
    };
  }
  const [interviews, submitted, decisions, offsets] = await Promise.all([
    loadLoop(client),
    client.scorecard.findMany({
      where: { candidateId, status: "submitted" },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: { ...submittedScorecardSelect, _count: { select: { amendments: true } } },
    }),
    client.decision.findMany({
      where: { candidateId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: decisionSelect,
    }),
    getRaterOffsets(client),
  ]);

  const template = toScoringTemplate(version);
  // the headline (and a decision's computed recommendation) is the raw score unless the role says calibrated
  const both = scoreBothWays(
    template,
    submitted.map(toScoringScorecard),
    offsets.leniency,
    version.recommendOn as RecommendOn,
  );
  const score = both.headline;
  return {
    ...header,
    feedbackWithheld: null,
    display: display(score),
    score,
    /** the calibrated view (issue 10): both scores, which one the recommendation uses, and each interviewer's offset */
    calibration: {
      recommendOn: both.recommendOn,
      raw: both.raw,
      rawDisplay: display(both.raw),
      calibrated: both.calibrated,
      calibratedDisplay: display(both.calibrated),
      adjustments: both.adjustments,
    },
    /** who said what, with the interviewer × dimension matrix's cells (evidence on demand) */
    scorecards: submitted.map((s) => ({
      id: s.id,
      interviewId: s.interviewId,
      interviewerId: s.authorId,
      interviewerName: s.author.name,
      exercise: s.interview.exercise?.title ?? null,
      submittedAt: s.submittedAt,
      amendments: s._count.amendments,
      recommendation: s.recommendation as OverallRecommendation | null,
      keyTakeaways: s.keyTakeaways,
      ratings: Object.fromEntries(
        s.ratings
          .filter((r) => r.notAssessed || r.rating !== null)
          .map((r) => [
            r.dimensionId,
            { rating: r.notAssessed ? null : r.rating, notAssessed: r.notAssessed, evidence: r.evidence },
          ]),
      ) as Record<string, { rating: number | null; notAssessed: boolean; evidence: string }>,
    })),
    loop: loopOf(interviews),
    /** newest (current) first */
    decisions: decisions.map((d) => ({
      ...d,
      outcome: d.outcome as DecisionOutcome,
      computedRecommendation: d.computedRecommendation as Recommendation,
    })),
    canDecide: candidate.opening.hiringManagerId === viewer.id,
    generatedAt: now,
  };
}

export type CandidateView = Awaited<ReturnType<typeof getCandidateView>>;
/** The whole summary (feedback visible to the viewer). */
export type CandidateSummary = Extract<CandidateView, { feedbackWithheld: null }>;
/** What a viewer who owes their own scorecard gets instead. */
export type WithheldCandidateView = Extract<CandidateView, { feedbackWithheld: FeedbackWithheld }>;

/** The openings the viewer may see, newest first, with candidate counts. */
export async function listOpenings(viewer: Viewer, client: DbTx = db) {
  const scope = openingWhere(viewer);
  if (!scope) return [];
  return client.opening.findMany({
    where: scope,
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      createdAt: true,
      hiringManager: { select: { name: true } },
      recruiter: { select: { name: true } },
      templateVersion: { select: { title: true, version: true, template: { select: { slug: true } } } },
      _count: { select: { candidates: true } },
    },
  });
}

/**
 * An opening (in the viewer's scope) with each candidate's loop and current decision, and the
 * template version as the engine takes it. Five queries, whatever the number of candidates.
 */
async function loadOpening(viewer: Viewer, openingId: string, now: Date, client: DbTx) {
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

/** Submitted scorecards as the engine takes them, for an opening or some of its candidates. */
async function loadScoringScorecards(client: DbTx, openingId: string, candidateIds?: string[]) {
  const rows = await openingScoringRows(client, openingId, candidateIds);
  const of = groupBy(rows, (s) => s.candidateId);
  return (candidateId: string) =>
    (of.get(candidateId) ?? []).map((s) => toScoringScorecard({ ...s, author: { name: s.authorName } }));
}

/** An opening with every candidate's scoring inputs (the comparison runs the engine on them). */
async function loadOpeningScoring(viewer: Viewer, openingId: string, now: Date, client: DbTx) {
  const base = await loadOpening(viewer, openingId, now, client);
  const scorecardsOf = await loadScoringScorecards(client, openingId);
  return { ...base, candidates: base.candidates.map((c) => ({ ...c, scorecards: scorecardsOf(c.id) })) };
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
 * the fingerprint covers the template version and every submitted scorecard's id, version, update
 * time and author), computed by the engine otherwise and stored for next time. Never stale: the
 * fingerprint is checked on every read.
 */
async function listScores(
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
  // "v2": payloads stored before the exact display (scoreText) are recomputed
  const version = `v2|${offsets ? `${templateVersionId}|calibrated:${offsets.fingerprint}` : templateVersionId}`;
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
  const { opening, templateVersionId, recommendOn, template, candidates } = await loadOpening(
    viewer,
    openingId,
    now,
    client,
  );
  const withheld = await withheldFeedback(client, viewer.id, { openingId });
  const visible = candidates.filter((c) => !withheld.has(c.id));
  const scores = await listScores(
    client,
    openingId,
    templateVersionId,
    template,
    recommendOn,
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

/**
 * The comparison view's inputs (issue 5): the template and every candidate's scoring inputs, for
 * the engine to rank in the browser as weights change. Blind: names and e-mail addresses never
 * leave the server; candidates are "Candidate A", "B", … in the order they were added.
 */
export async function getOpeningComparison(
  viewer: Viewer,
  openingId: string,
  opts: { blind: boolean },
  now = new Date(),
  client: DbTx = db,
) {
  const [{ opening, template, recommendOn, candidates: all }, offsets, withheld] = await Promise.all([
    loadOpeningScoring(viewer, openingId, now, client),
    getRaterOffsets(client),
    withheldFeedback(client, viewer.id, { openingId }),
  ]);
  // independent ratings first: a candidate the viewer owes a scorecard on travels without scorecards or decision
  const candidates = all.map((c) =>
    withheld.has(c.id)
      ? { ...c, scorecards: [], decision: null, withheld: withheld.get(c.id)! }
      : { ...c, withheld: null },
  );
  // each interviewer of this opening's scorecards: the offset the calibrated view removes (null: too few shared ratings)
  const calibrationOffsets: Record<string, { offset: number | null; shared: number }> = {};
  for (const c of candidates) {
    for (const s of c.scorecards) {
      const l = offsets.leniency.get(s.interviewerId);
      calibrationOffsets[s.interviewerId] ??= { offset: l?.offset ?? null, shared: l?.shared ?? 0 };
    }
  }
  return {
    opening,
    template,
    calibration: { recommendOn, offsets: calibrationOffsets },
    blind: opts.blind,
    canDecide: opening.hiringManagerId === viewer.id,
    candidates: candidates.map((c, i) => ({
      id: c.id,
      label: opts.blind ? `Candidate ${blindLetter(i)}` : c.name,
      stage: c.stage,
      loop: c.loop,
      decision: c.decision,
      /** set when the viewer owes their own scorecard on this candidate: nothing of the panel's is here (blind: without the interview) */
      withheld: c.withheld ? { interviewId: opts.blind ? null : c.withheld.interviewId } : null,
      // the engine needs who raised a red flag only to say so; interviewer names are not the candidate's details
      scorecards: c.scorecards,
    })),
  };
}

export type OpeningComparison = Awaited<ReturnType<typeof getOpeningComparison>>;

/** A, B, …, Z, AA, AB, … */
export function blindLetter(i: number): string {
  return i < 26
    ? String.fromCharCode(65 + i)
    : blindLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export type OpeningCandidates = Awaited<ReturnType<typeof listOpeningCandidates>>;
