import "server-only";
import { db, type DbTx } from "../db";
import { amendmentLog, changesBetween } from "../domain/amendments";
import { debriefShift } from "../domain/debrief";
import { loopProgress } from "../domain/loop-progress";
import { panelAgreement } from "../domain/panel-agreement";
import { scoreBothWays, type RecommendOn } from "../domain/calibration";
import { feedbackWithheldMessage, type Viewer } from "../domain/permissions";
import { countsAsRating, engineRating } from "../domain/rating-rows";
import {
  RECOMMENDATION_LABELS,
  type CandidateScore,
  type Recommendation,
  type ScoringScorecard,
} from "../domain/scoring";
import { formatCoverage } from "../domain/score-format";
import { unitWeightCheck } from "../domain/unit-weight";
import type { DecisionOutcome, OverallRecommendation } from "../domain/vocabulary";
import { NotFoundError } from "../errors";
import { getSubmissionHistories, type HistoryTemplate } from "./amendments";
import { loadDebrief, type LoadedDebrief } from "./debriefs";
import { FeedbackWithheldError, withheldFeedback, type FeedbackWithheld } from "./independence";
import { kitOf, toValues, type StoredScorecard } from "./interview-kit";
import { getRaterOffsets } from "./rater-offsets";
import { reliabilityOf } from "./reliability";
import { openingWhere } from "./scope";
import { scoringScorecardSelect, toScoringScorecard, toScoringTemplate } from "./scoring-input";
import { scoringVersion } from "./scoring-version";

// A candidate's summary (docs/decisions/004), computed by the scoring engine from a fixed number
// of queries whatever the number of interviews, scorecards or ratings: one for the candidate with
// its template version, one for the loop, one for the submitted scorecards, one for the amendments
// of those among them that were amended (lib/data/amendments.ts), one for the debrief with its
// snapshots, and with one, one for the versions of the amendments made since. Drafts are never read
// here: only submitted scorecards are selected. Who may see what is part of each query's where
// clause (lib/domain/permissions.ts); anything outside it is "not found", the same as a missing id.

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

/** An opening's header, as the summary, the list and the comparison show it; withVersion adds its template. */
export const openingHeaderSelect = {
  id: true,
  title: true,
  status: true,
  hiringManagerId: true,
  hiringManager: { select: { name: true } },
  recruiter: { select: { name: true } },
  templateVersionId: true,
} as const;

/** A row read with openingHeaderSelect, with its template version (kept in memory: lib/data/scoring-version.ts). */
export async function withVersion<T extends { templateVersionId: string }>(client: DbTx, row: T) {
  const { templateVersionId, ...rest } = row;
  return { ...rest, templateVersion: await scoringVersion(client, templateVersionId) };
}

const submittedScorecardSelect = {
  ...scoringScorecardSelect,
  candidateId: true,
  interviewId: true,
  keyTakeaways: true,
  submittedAt: true,
  version: true,
  interview: { select: { exercise: { select: { title: true } } } },
  ratings: { select: { dimensionId: true, rating: true, notAssessed: true, evidence: true } },
} as const;

const loopSelect = {
  id: true,
  candidateId: true,
  scheduledAt: true,
  durationMinutes: true,
  status: true,
  interviewer: { select: { id: true, name: true } },
  exerciseId: true,
  exercise: { select: { title: true } },
  scorecard: { select: { status: true, submittedAt: true } },
} as const;

/** The numbers and words shown as headline, wherever they are shown (page, CSV, JSON). */
export function display(score: Pick<CandidateScore, "scoreText" | "coverage" | "recommendation">) {
  return {
    score: score.scoreText,
    coverage: formatCoverage(score.coverage),
    recommendation: RECOMMENDATION_LABELS[score.recommendation],
  };
}

type ScoringVersion = Parameters<typeof toScoringTemplate>[0] & { recommendOn: string };

/**
 * Raw and calibrated scores and the headline (raw unless the role says calibrated,
 * docs/decisions/042-recommendation-on-raw-scores.md).
 */
const scoreBoth = (
  version: ScoringVersion,
  cards: ScoringScorecard[],
  offsets: Awaited<ReturnType<typeof getRaterOffsets>>,
) => scoreBothWays(toScoringTemplate(version), cards, offsets.leniency, version.recommendOn as RecommendOn);

const submittedOrder = [{ submittedAt: "asc" }, { id: "asc" }] as const;

/**
 * The summary's headline score and nothing else of it: what a decision is judged against
 * (lib/data/decisions.ts), from the same rows the summary reads, in the caller's transaction.
 */
export async function headlineScore(client: DbTx, candidateId: string, version: ScoringVersion) {
  const [submitted, offsets] = await Promise.all([
    client.scorecard.findMany({
      where: { candidateId, status: "submitted" },
      orderBy: [...submittedOrder],
      select: scoringScorecardSelect,
    }),
    getRaterOffsets(client),
  ]);
  return scoreBoth(version, submitted.map(toScoringScorecard), offsets).headline;
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
  const opening = await withVersion(client, candidate.opening);
  const version = opening.templateVersion;
  const { id: openingId, title, status, hiringManager, recruiter } = opening;
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
      unitWeight: null,
      calibration: null,
      reliability: null,
      scorecards: [],
      agreement: null,
      debrief: null,
      loop: loopOf(await loadLoop(client)),
      decisions: [],
      canDecide: false,
      generatedAt: now,
    };
  }
  const [interviews, submitted, decisions, offsets, debriefRow] = await Promise.all([
    loadLoop(client),
    client.scorecard.findMany({
      where: { candidateId, status: "submitted" },
      orderBy: [...submittedOrder],
      select: { ...submittedScorecardSelect, _count: { select: { amendments: true } } },
    }),
    client.decision.findMany({
      where: { candidateId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: decisionSelect,
    }),
    getRaterOffsets(client),
    loadDebrief(client, candidateId),
  ]);

  // only the scorecards read above, which the viewer may see: no one else's amendments are loaded
  const histories = await getSubmissionHistories(
    version,
    submitted.map((s) => ({ ...s, amended: s._count.amendments > 0 })),
    client,
  );
  // the headline (and a decision's computed recommendation) is the raw score unless the role says calibrated
  const both = scoreBoth(version, submitted.map(toScoringScorecard), offsets);
  const score = both.headline;
  const debrief = debriefRow
    ? await debriefPart(client, { version, submitted, offsets, interviews, score, debrief: debriefRow })
    : null;
  const scorecards = submitted.map((s) => ({
    id: s.id,
    interviewId: s.interviewId,
    interviewerId: s.authorId,
    interviewerName: s.author.name,
    exercise: s.interview.exercise?.title ?? null,
    submittedAt: s.submittedAt,
    amendments: s._count.amendments,
    /** each amendment: the version it produced, who, when, why, and what changed (docs/decisions/059) */
    amendmentLog: markPostDebrief(amendmentLog(histories.get(s.id) ?? []), debrief?.cards.get(s.id)),
    /** against the debrief's snapshot (docs/decisions/078-debrief-mode.md); null without a debrief */
    debrief: debrief ? (debrief.cards.get(s.id) ?? { inSnapshot: false as const }) : null,
    recommendation: s.recommendation as OverallRecommendation | null,
    keyTakeaways: s.keyTakeaways,
    ratings: Object.fromEntries(
      s.ratings
        .filter(countsAsRating)
        .map((r) => [r.dimensionId, { rating: engineRating(r), notAssessed: r.notAssessed, evidence: r.evidence }]),
    ) as Record<string, { rating: number | null; notAssessed: boolean; evidence: string }>,
  }));
  const reliability = await reliabilityOf(client, version, submitted, now);
  return {
    ...header,
    feedbackWithheld: null,
    display: display(score),
    score,
    /** the unit-weight check of the headline score, raw or calibrated as shown (docs/decisions/074-unit-weight-check.md) */
    unitWeight: unitWeightCheck(score),
    /**
     * the calibrated view (docs/decisions/039-calibrated-view-offsets.md): both scores, which one
     * the recommendation uses, and each interviewer's offset
     */
    calibration: {
      recommendOn: both.recommendOn,
      raw: both.raw,
      rawDisplay: display(both.raw),
      calibrated: both.calibrated,
      calibratedDisplay: display(both.calibrated),
      adjustments: both.adjustments,
    },
    /** is one more interview worth it: the heavy dimensions' reliability (docs/decisions/075-one-more-interview.md) */
    reliability,
    /** who said what, with the interviewer × dimension matrix's cells (evidence on demand) */
    scorecards,
    /**
     * where the panel agrees and disagrees, each rating with its note's first sentence
     * (docs/decisions/076-agreement-with-citations.md): the ratings as given, whatever the view
     */
    agreement: panelAgreement({ dimensions: score.dimensions, scorecards }),
    /** the debrief: pre- and post-debrief scores and who was not in when it started (docs/decisions/078-debrief-mode.md) */
    debrief: debrief?.block ?? null,
    loop: loopOf(interviews),
    /** newest (current) first */
    decisions: decisions.map((d) => ({
      ...d,
      outcome: d.outcome as DecisionOutcome,
      computedRecommendation: d.computedRecommendation as Recommendation,
    })),
    canDecide: opening.hiringManagerId === viewer.id,
    generatedAt: now,
  };
}

type Submitted = StoredScorecard & {
  id: string;
  authorId: string;
  version: number;
  status: string;
  interviewId: string;
  author: { name: string };
};

/** A scorecard against the debrief's snapshot: how many amendments since, and what changed. */
type DebriefCard =
  | { inSnapshot: true; postDebriefAmendments: number; changes: ReturnType<typeof changesBetween> }
  | { inSnapshot: false };

/** The newest `postDebriefAmendments` entries of a scorecard's amendment log are post-debrief. */
function markPostDebrief<T>(log: T[], card: DebriefCard | undefined) {
  const after = card?.inSnapshot ? card.postDebriefAmendments : 0;
  return log.map((entry, k) => ({ ...entry, postDebrief: k >= log.length - after }));
}

/**
 * The debrief's part of the summary (docs/decisions/078-debrief-mode.md): the headline computed
 * the same way from the snapshot (the same leniency offsets, so only the ratings differ), each
 * scorecard against its snapshot, and the loop's interviews that were not in when it started.
 */
async function debriefPart(
  client: DbTx,
  args: {
    version: ScoringVersion & HistoryTemplate;
    submitted: readonly Submitted[];
    offsets: Awaited<ReturnType<typeof getRaterOffsets>>;
    interviews: readonly {
      id: string;
      status: string;
      interviewer: { name: string };
      scorecard: { status: string } | null;
    }[];
    score: CandidateScore;
    debrief: LoadedDebrief;
  },
) {
  const { version, submitted, offsets, interviews, score, debrief } = args;
  const kit = kitOf(version, []);
  const snapshotOf = new Map(debrief.snapshots.map((s) => [s.scorecardId, s]));
  const moved = submitted.filter((s) => (snapshotOf.get(s.id)?.version ?? s.version) < s.version).map((s) => s.id);
  const amendmentsSince = moved.length
    ? await client.scorecardAmendment.findMany({
        where: { scorecardId: { in: moved } },
        select: { scorecardId: true, fromVersion: true },
      })
    : [];
  const cards = new Map<string, DebriefCard>();
  const preCards: ScoringScorecard[] = [];
  for (const s of submitted) {
    const snap = snapshotOf.get(s.id);
    if (!snap) continue;
    preCards.push(toScoringScorecard({ ...s, ...snap.content, status: "submitted" }));
    cards.set(s.id, {
      inSnapshot: true,
      postDebriefAmendments: amendmentsSince.filter((a) => a.scorecardId === s.id && a.fromVersion >= snap.version)
        .length,
      changes: changesBetween(toValues(kit, snap.content), toValues(kit, s), version),
    });
  }
  const pre = scoreBoth(version, preCards, offsets).headline;
  const amendments = [...cards.values()].reduce((n, c) => n + (c.inSnapshot ? c.postDebriefAmendments : 0), 0);
  const snapshotInterviews = new Set(submitted.filter((s) => snapshotOf.has(s.id)).map((s) => s.interviewId));
  const notInAtStart = interviews
    .filter((i) => i.status === "scheduled" && !snapshotInterviews.has(i.id))
    .map((i) => ({
      interviewId: i.id,
      interviewerName: i.interviewer.name,
      submittedSince: i.scorecard?.status === "submitted",
    }));
  const lateSubmissions = notInAtStart.filter((i) => i.submittedSince).length;
  const preDims = new Map(pre.dimensions.map((d) => [d.id, d]));
  return {
    cards,
    block: {
      id: debrief.id,
      startedAt: debrief.startedAt,
      startedBy: debrief.startedBy,
      endedAt: debrief.endedAt,
      revealMode: debrief.revealMode,
      revealOrder: debrief.revealOrder,
      seniorIds: debrief.seniorIds,
      pre: { ...display(pre), value: pre.score, recommendationId: pre.recommendation },
      post: { ...display(score), value: score.score, recommendationId: score.recommendation },
      shift: debriefShift(pre, score, { amendments, lateSubmissions }),
      amendments,
      dimensions: score.dimensions.map((d) => ({
        id: d.id,
        name: d.name,
        weight: d.weight,
        pre: preDims.get(d.id)?.mean ?? null,
        post: d.mean,
      })),
      notInAtStart,
    },
  };
}

export type CandidateView = Awaited<ReturnType<typeof getCandidateView>>;
/** The whole summary (feedback visible to the viewer). */
export type CandidateSummary = Extract<CandidateView, { feedbackWithheld: null }>;
/** What a viewer who owes their own scorecard gets instead. */
export type WithheldCandidateView = Extract<CandidateView, { feedbackWithheld: FeedbackWithheld }>;
