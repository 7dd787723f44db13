import "server-only";
import { db, type DbTx } from "../db";
import {
  CandidateErasedError,
  ConflictError,
  InterviewNotStartedError,
  NotFoundError,
  parseInput,
  StaleScorecardError,
  ValidationError,
} from "../errors";
import { amendReasonSchema, draftSchemaFor, submitSchemaFor, type ScorecardKit } from "../validations/scorecard";
import { canSubmitYet, NOT_STARTED_MESSAGE } from "../domain/submit-window";
import { audit } from "./audit";
import { refreshCandidateScores } from "./candidate-scores";
import { lockCandidate } from "./candidate-lock";
import { enqueueSubmissionNotices } from "./chat-outbox";
import { enqueueEvent } from "./webhooks";
import { contentRows, writeContent } from "./scorecard-content";
import { kitOf, scorecardSelect, toValues, type StoredScorecard } from "./interview-kit";

// Every function here takes the acting user's id and finds the interview with
// `interviewerId: userId` in the same query, so another person's interview and a missing one are
// the same "not found", in the same time (docs/decisions/024-independent-ratings-first.md).

async function loadForWrite(tx: DbTx, userId: string, interviewId: string) {
  const interview = await tx.interview.findFirst({
    where: { id: interviewId, interviewerId: userId, status: "scheduled" },
    select: {
      id: true,
      candidateId: true,
      interviewerId: true,
      scheduledAt: true,
      focus: { select: { dimensionId: true } },
      candidate: {
        select: {
          erasedAt: true,
          opening: {
            select: {
              templateVersion: {
                select: {
                  dimensions: { orderBy: { position: "asc" }, select: { id: true } },
                  redFlags: { orderBy: { position: "asc" }, select: { id: true } },
                },
              },
            },
          },
        },
      },
      scorecard: { select: scorecardSelect },
    },
  });
  if (!interview) throw new NotFoundError("There is no such interview among yours.");
  // before any version check: a draft kept in a browser and re-sent after the erasure is told
  // it is final (410), not offered a merge with the erased text
  if (interview.candidate.erasedAt) throw new CandidateErasedError();
  const kit = kitOf(interview.candidate.opening.templateVersion, interview.focus);
  return { interview, kit, scorecard: interview.scorecard };
}

export type SavedState = { version: number; savedAt: Date; status: "draft" | "submitted" };

function staleError(kit: ScorecardKit, sc: { version: number; status: string; updatedAt: Date } & StoredScorecard) {
  return new StaleScorecardError({
    version: sc.version,
    status: sc.status,
    values: toValues(kit, sc),
    savedAt: sc.updatedAt,
  });
}

const TX = { timeout: 20_000, maxWait: 10_000 } as const;
type WriteContext = Awaited<ReturnType<typeof loadForWrite>>;

/** The candidate an interview of this interviewer's is about (it never changes). */
async function candidateOf(userId: string, interviewId: string) {
  const i = await db.interview.findFirst({
    where: { id: interviewId, interviewerId: userId, status: "scheduled" },
    select: { candidateId: true },
  });
  if (!i) throw new NotFoundError("There is no such interview among yours.");
  return i.candidateId;
}

/**
 * Runs a scorecard write in one transaction, holding the candidate's lock (lib/data/candidate-lock.ts):
 * nothing is written about an erased candidate, and a cancellation or a change of interviewer
 * cannot slip between the checks and the write. A lost race (the version moved between our check
 * and our write, or another request created the scorecard first) is reported, after the
 * rollback, as StaleScorecardError with what is stored now.
 */
async function inWriteTx<T>(
  userId: string,
  interviewId: string,
  work: (tx: DbTx, ctx: WriteContext) => Promise<T>,
  readFirst?: WriteContext,
): Promise<T> {
  const candidateId = readFirst?.interview.candidateId ?? (await candidateOf(userId, interviewId));
  try {
    return await db.$transaction(async (tx) => {
      await lockCandidate(tx, candidateId);
      if (!readFirst) return work(tx, await loadForWrite(tx, userId, interviewId));
      // read before the lock: the interview must still be this interviewer's, and planned
      if (!(await tx.interview.count({ where: { id: interviewId, interviewerId: userId, status: "scheduled" } })))
        throw new NotFoundError("There is no such interview among yours.");
      return work(tx, readFirst);
    }, TX);
  } catch (error) {
    const lostRace =
      (error instanceof ConflictError && error.message === "stale") || (error as { code?: string })?.code === "P2002";
    if (!lostRace) throw error;
    const ctx = await loadForWrite(db, userId, interviewId);
    throw ctx.scorecard ? staleError(ctx.kit, ctx.scorecard) : error;
  }
}

/**
 * Autosave: stores the draft if `baseVersion` is the version the caller last saw (0 = none yet).
 * A stale caller gets StaleScorecardError with what is stored now, never a silent overwrite.
 */
export async function saveDraft(
  userId: string,
  interviewId: string,
  input: { baseVersion: number; values: unknown },
): Promise<SavedState> {
  // Autosave is the hottest write: its reads run before the transaction, so that the write lock
  // (SQLite has one writer) is held only for the writes. They are still safe: the update matches
  // only the version read here (writeContent), and a first save of a scorecard someone else has
  // just created hits the unique interview; either way the caller gets the stale answer. The
  // erasure and the interview's status are checked again under the candidate's lock (inWriteTx).
  const ctx = await loadForWrite(db, userId, interviewId);
  const values = parseInput(draftSchemaFor(ctx.kit), input.values, { firstMessageOnly: true });
  const sc = ctx.scorecard;
  if (sc && (sc.status !== "draft" || sc.version !== input.baseVersion)) throw staleError(ctx.kit, sc);
  if (!sc && input.baseVersion !== 0) throw new ConflictError("This scorecard no longer exists.");
  const saved = await inWriteTx(userId, interviewId, (tx) => writeContent(tx, ctx, input.baseVersion, values), ctx);
  return { version: saved.version, savedAt: saved.updatedAt, status: "draft" };
}

/**
 * Submits the scorecard. The same `submissionKey` sent again (double click, retry after a
 * timeout) returns the first submission instead of making another.
 */
export async function submitScorecard(
  userId: string,
  interviewId: string,
  input: { baseVersion: number; values: unknown; submissionKey: string },
): Promise<SavedState & { repeated: boolean }> {
  try {
    return await submitOnce(userId, interviewId, input);
  } catch (error) {
    // two requests with one key raced: the loser finds the winner's submission and reports it.
    // A key is this scorecard's (interview + key), not global: another interviewer's scorecard
    // submitted with the same key is no repeat of this one (docs/decisions/014).
    const current =
      error instanceof StaleScorecardError
        ? await db.scorecard.findFirst({
            where: { interviewId, submissionKey: input.submissionKey },
            select: { version: true, submittedAt: true },
          })
        : null;
    if (!current) throw error;
    return { version: current.version, savedAt: current.submittedAt!, status: "submitted", repeated: true };
  }
}

function submitOnce(
  userId: string,
  interviewId: string,
  input: { baseVersion: number; values: unknown; submissionKey: string },
) {
  return inWriteTx(userId, interviewId, async (tx, ctx): Promise<SavedState & { repeated: boolean }> => {
    const sc = ctx.scorecard;
    if (sc?.status === "submitted" && sc.submissionKey === input.submissionKey) {
      return { version: sc.version, savedAt: sc.submittedAt ?? sc.updatedAt, status: "submitted", repeated: true };
    }
    // before the version check: nothing submits before the start, whatever was based on what
    // (the server's clock decides, not the browser's: docs/decisions/043)
    const submittedAt = new Date();
    if (!canSubmitYet(ctx.interview.scheduledAt, submittedAt)) throw new InterviewNotStartedError(NOT_STARTED_MESSAGE);
    if (sc && (sc.status !== "draft" || sc.version !== input.baseVersion)) throw staleError(ctx.kit, sc);
    const values = parseInput(submitSchemaFor(ctx.kit), input.values, { firstMessageOnly: true });
    const saved = await writeContent(tx, ctx, input.baseVersion, values, {
      status: "submitted",
      submittedAt,
      submissionKey: input.submissionKey,
    });
    await refreshCandidateScores(tx, [ctx.interview.candidateId]);
    await audit(tx, {
      actorId: userId,
      action: "scorecard.submitted",
      entityType: "Scorecard",
      entityId: saved.id,
      after: { interviewId, version: saved.version, ...contentRows(values) },
    });
    await enqueueEvent(
      tx,
      "scorecard.submitted",
      {
        scorecardId: saved.id,
        interviewId,
        candidateId: ctx.interview.candidateId,
        interviewerId: userId,
        submittedAt: submittedAt.toISOString(),
      },
      submittedAt,
    );
    await enqueueSubmissionNotices(
      tx,
      { scorecardId: saved.id, candidateId: ctx.interview.candidateId, interviewerId: userId },
      submittedAt,
    );
    return { version: saved.version, savedAt: submittedAt, status: "submitted", repeated: false };
  });
}

/** Changes a submitted scorecard: the text before is kept, with the reason, as an amendment. */
export async function amendScorecard(
  userId: string,
  interviewId: string,
  input: { baseVersion: number; values: unknown; reason: unknown },
): Promise<SavedState> {
  return inWriteTx(userId, interviewId, async (tx, ctx) => {
    const sc = ctx.scorecard;
    if (!sc || sc.status !== "submitted")
      throw new ConflictError("Only a submitted scorecard can be amended; this one is still a draft.");
    if (sc.version !== input.baseVersion) throw staleError(ctx.kit, sc);
    const values = parseInput(submitSchemaFor(ctx.kit), input.values, { firstMessageOnly: true });
    const reasonResult = amendReasonSchema.safeParse(input.reason);
    if (!reasonResult.success)
      throw new ValidationError("Some answers need attention.", { reason: [reasonResult.error.issues[0].message] });
    const before = {
      ratings: sc.ratings,
      redFlags: sc.redFlags,
      keyTakeaways: sc.keyTakeaways,
      recommendation: sc.recommendation,
      submittedAt: sc.submittedAt,
    };
    await tx.scorecardAmendment.create({
      data: {
        scorecardId: sc.id,
        fromVersion: sc.version,
        reason: reasonResult.data,
        snapshot: JSON.stringify(before),
        amendedById: userId,
      },
    });
    const saved = await writeContent(tx, ctx, input.baseVersion, values);
    await refreshCandidateScores(tx, [ctx.interview.candidateId]);
    await audit(tx, {
      actorId: userId,
      action: "scorecard.amended",
      entityType: "Scorecard",
      entityId: sc.id,
      before: { version: sc.version, ...before },
      after: { version: saved.version, reason: reasonResult.data, ...contentRows(values) },
    });
    return { version: saved.version, savedAt: saved.updatedAt, status: "submitted" };
  });
}
