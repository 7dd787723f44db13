import "server-only";
import type { DbTx } from "../db";
import { ConflictError } from "../errors";
import type { ScorecardValues } from "../validations/scorecard";

// A scorecard's content as stored rows, and writing it (the caller holds the candidate's lock,
// lib/data/candidate-lock.ts). A write matches only the version its caller read: a lost race is
// "stale", never a silent overwrite (docs/decisions/014).

/** Only what was actually answered is stored: a rating row per touched dimension, a row per ticked flag. */
export function contentRows(values: ScorecardValues) {
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

export async function writeContent(
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
