import "server-only";
import { db, type DbTx } from "../db";
import { CandidateErasedError, ConflictError, NotFoundError, StaleScorecardError, ValidationError } from "../errors";
import {
  amendReasonSchema,
  draftSchemaFor,
  emptyValues,
  fieldErrors,
  submitSchemaFor,
  type ScorecardKit,
  type ScorecardValues,
} from "../validations/scorecard";
import { audit } from "./audit";
import { lockCandidate } from "./candidate-lock";
import { enqueueEvent } from "./webhooks";
import { roleVersionSelect } from "./role-templates";

// Every function here takes the acting user's id and finds the interview with
// `interviewerId: userId` in the same query, so another person's interview and a missing one are
// the same "not found", in the same time (issue 3 item 7).

const scorecardSelect = {
  id: true,
  status: true,
  version: true,
  keyTakeaways: true,
  recommendation: true,
  submittedAt: true,
  updatedAt: true,
  submissionKey: true,
  ratings: { select: { dimensionId: true, rating: true, notAssessed: true, evidence: true } },
  redFlags: { select: { redFlagId: true, note: true } },
} as const;

type StoredScorecard = {
  keyTakeaways: string;
  recommendation: string | null;
  ratings: { dimensionId: string; rating: number | null; notAssessed: boolean; evidence: string }[];
  redFlags: { redFlagId: string; note: string }[];
};

/** Stored rows as form values over the whole template (every dimension and flag present). */
export function toValues(kit: ScorecardKit, s: StoredScorecard | null): ScorecardValues {
  const values = emptyValues(kit);
  if (!s) return values;
  // a rating or flag outside the kit (its dimension was removed when the opening moved to a newer
  // template version) stays stored but is not part of the form
  for (const r of s.ratings) {
    if (!(r.dimensionId in values.ratings)) continue;
    values.ratings[r.dimensionId] = {
      score: r.notAssessed ? "na" : r.rating ? (String(r.rating) as "1") : "",
      evidence: r.evidence,
    };
  }
  for (const f of s.redFlags)
    if (f.redFlagId in values.redFlags) values.redFlags[f.redFlagId] = { observed: true, note: f.note };
  values.keyTakeaways = s.keyTakeaways;
  values.recommendation = (s.recommendation ?? "") as ScorecardValues["recommendation"];
  return values;
}

/** The interview kit and the interviewer's own scorecard, or null if it is not their interview. */
export async function getInterviewKit(userId: string, interviewId: string) {
  const interview = await db.interview.findFirst({
    where: { id: interviewId, interviewerId: userId, status: "scheduled" },
    select: {
      id: true,
      scheduledAt: true,
      durationMinutes: true,
      candidate: {
        select: {
          id: true,
          name: true,
          opening: { select: { id: true, title: true, templateVersion: { select: roleVersionSelect } } },
        },
      },
      exercise: { select: { id: true } },
      focus: { select: { dimensionId: true } },
      scorecard: {
        select: {
          ...scorecardSelect,
          amendments: {
            orderBy: { fromVersion: "desc" },
            select: { fromVersion: true, reason: true, snapshot: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!interview) return null;
  const version = interview.candidate.opening.templateVersion;
  const kit: ScorecardKit = {
    dimensionIds: version.dimensions.map((d) => d.id),
    focusDimensionIds: version.dimensions
      .filter((d) => interview.focus.some((f) => f.dimensionId === d.id))
      .map((d) => d.id),
    redFlagIds: version.redFlags.map((f) => f.id),
  };
  const sc = interview.scorecard;
  return {
    interview,
    version,
    kit,
    exercise: version.exercises.find((e) => e.id === interview.exercise?.id) ?? null,
    scorecard: sc
      ? {
          status: sc.status as "draft" | "submitted",
          version: sc.version,
          updatedAt: sc.updatedAt,
          submittedAt: sc.submittedAt,
          values: toValues(kit, sc),
          amendments: sc.amendments.map((a) => ({
            ...a,
            values: toValues(kit, JSON.parse(a.snapshot) as StoredScorecard),
          })),
        }
      : null,
  };
}

async function loadForWrite(tx: DbTx, userId: string, interviewId: string) {
  const interview = await tx.interview.findFirst({
    where: { id: interviewId, interviewerId: userId, status: "scheduled" },
    select: {
      id: true,
      candidateId: true,
      interviewerId: true,
      focus: { select: { dimensionId: true } },
      candidate: {
        select: {
          erasedAt: true,
          opening: {
            select: {
              templateVersion: { select: { dimensions: { select: { id: true } }, redFlags: { select: { id: true } } } },
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
  const v = interview.candidate.opening.templateVersion;
  const kit: ScorecardKit = {
    dimensionIds: v.dimensions.map((d) => d.id),
    focusDimensionIds: interview.focus.map((f) => f.dimensionId),
    redFlagIds: v.redFlags.map((f) => f.id),
  };
  return { interview, kit, scorecard: interview.scorecard };
}

export type SavedState = { version: number; savedAt: Date; status: "draft" | "submitted" };

function parseOrThrow<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    throw new ValidationError(
      "Some answers need attention.",
      Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, [m]])),
    );
  }
  return parsed.data;
}

/** Only what was actually answered is stored: a rating row per touched dimension, a row per ticked flag. */
function contentRows(values: ScorecardValues) {
  const ratings = Object.entries(values.ratings)
    .filter(([, r]) => r.score || r.evidence.trim())
    .map(([dimensionId, r]) => ({
      dimensionId,
      rating: r.score && r.score !== "na" ? Number(r.score) : null,
      notAssessed: r.score === "na",
      evidence: r.evidence,
    }));
  const redFlags = Object.entries(values.redFlags)
    .filter(([, f]) => f.observed)
    .map(([redFlagId, f]) => ({ redFlagId, note: f.note }));
  return { ratings, redFlags, keyTakeaways: values.keyTakeaways, recommendation: values.recommendation || null };
}

const sameRedFlags = (
  stored: readonly { redFlagId: string; note: string }[],
  next: readonly { redFlagId: string; note: string }[],
) => {
  const key = (fs: readonly { redFlagId: string; note: string }[]) =>
    JSON.stringify(fs.map((f) => [f.redFlagId, f.note]).sort());
  return key(stored) === key(next);
};

async function writeContent(
  tx: DbTx,
  ctx: {
    interview: { id: string; candidateId: string; interviewerId: string };
    scorecard: { id: string; version: number; redFlags: { redFlagId: string; note: string }[] } | null;
  },
  baseVersion: number,
  values: ScorecardValues,
  extra: { status?: "submitted"; submittedAt?: Date; submissionKey?: string } = {},
): Promise<{ id: string; version: number; updatedAt: Date }> {
  const { ratings, redFlags, ...fields } = contentRows(values);
  if (!ctx.scorecard) {
    return tx.scorecard.create({
      data: {
        interviewId: ctx.interview.id,
        candidateId: ctx.interview.candidateId,
        authorId: ctx.interview.interviewerId,
        ...fields,
        ...extra,
        ratings: { create: ratings },
        redFlags: { create: redFlags },
      },
      select: { id: true, version: true, updatedAt: true },
    });
  }
  const id = ctx.scorecard.id;
  const bumped = await tx.scorecard.updateMany({
    where: { id, version: baseVersion },
    data: { ...fields, ...extra, version: { increment: 1 } },
  });
  if (bumped.count !== 1) throw new ConflictError("stale");
  await tx.dimensionRating.deleteMany({ where: { scorecardId: id } });
  if (ratings.length) await tx.dimensionRating.createMany({ data: ratings.map((r) => ({ ...r, scorecardId: id })) });
  // most saves change no red flag: their rows are rewritten only when they differ
  if (!sameRedFlags(ctx.scorecard.redFlags, redFlags)) {
    await tx.redFlagObservation.deleteMany({ where: { scorecardId: id } });
    if (redFlags.length)
      await tx.redFlagObservation.createMany({ data: redFlags.map((f) => ({ ...f, scorecardId: id })) });
  }
  return tx.scorecard.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, updatedAt: true } });
}

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
  const values = parseOrThrow(draftSchemaFor(ctx.kit), input.values);
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
    if (sc && (sc.status !== "draft" || sc.version !== input.baseVersion)) throw staleError(ctx.kit, sc);
    const values = parseOrThrow(submitSchemaFor(ctx.kit), input.values);
    const submittedAt = new Date();
    const saved = await writeContent(tx, ctx, input.baseVersion, values, {
      status: "submitted",
      submittedAt,
      submissionKey: input.submissionKey,
    });
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
    const values = parseOrThrow(submitSchemaFor(ctx.kit), input.values);
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
