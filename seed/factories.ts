// Builders for users, openings, candidates, interviews and scorecards, shared by the demo seed,
// the tests and the benchmark and reliability scripts. They write through Prisma directly, with
// no validation, audit entry or lock: fixtures for a known starting state. Code that should behave
// as the app does goes through lib/data's write functions instead. A submitted scorecard's
// candidate gets its stored score as a submission would (docs/decisions/060).
import { refreshCandidateScores } from "../lib/data/candidate-scores";
import type { DbTx } from "../lib/db";
import type { AppRole, CandidateStage, OverallRecommendation } from "../lib/domain/vocabulary";
import { hashPassword } from "../lib/password";

export async function createUser(
  db: DbTx,
  input: { email: string; name: string; roles: AppRole[]; password?: string; active?: boolean },
) {
  return db.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      active: input.active ?? true,
      roles: { create: input.roles.map((role) => ({ role })) },
    },
    select: { id: true, email: true, name: true },
  });
}

export async function createOpening(
  db: DbTx,
  input: { title: string; templateVersionId: string; hiringManagerId: string; recruiterId: string; createdAt?: Date },
) {
  return db.opening.create({ data: input, select: { id: true, title: true, templateVersionId: true } });
}

export async function createCandidate(
  db: DbTx,
  input: { openingId: string; name: string; email: string; stage?: CandidateStage; source?: string; notes?: string },
) {
  return db.candidate.create({ data: input, select: { id: true, name: true } });
}

export async function createInterview(
  db: DbTx,
  input: {
    candidateId: string;
    interviewerId: string;
    exerciseId?: string | null;
    scheduledAt: Date;
    durationMinutes?: number;
    focusDimensionIds: string[];
  },
) {
  const { focusDimensionIds, ...data } = input;
  return db.interview.create({
    data: { ...data, focus: { create: focusDimensionIds.map((dimensionId) => ({ dimensionId })) } },
    select: { id: true, candidateId: true, interviewerId: true },
  });
}

export type RatingInput = { dimensionId: string; rating: number | null; evidence?: string };

/** A scorecard for an interview; rating null = Not assessed. Submitted unless status says draft. */
export async function createScorecard(
  db: DbTx,
  input: {
    interview: { id: string; candidateId: string; interviewerId: string };
    status?: "draft" | "submitted";
    ratings: RatingInput[];
    redFlags?: { redFlagId: string; note: string }[];
    keyTakeaways?: string;
    recommendation?: OverallRecommendation | null;
    submittedAt?: Date;
  },
) {
  const status = input.status ?? "submitted";
  const created = await db.scorecard.create({
    data: {
      interviewId: input.interview.id,
      candidateId: input.interview.candidateId,
      authorId: input.interview.interviewerId,
      status,
      keyTakeaways: input.keyTakeaways ?? "",
      recommendation: input.recommendation ?? null,
      submittedAt: status === "submitted" ? (input.submittedAt ?? new Date()) : null,
      ratings: {
        create: input.ratings.map((r) => ({
          dimensionId: r.dimensionId,
          rating: r.rating,
          notAssessed: r.rating === null,
          evidence: r.evidence ?? "",
        })),
      },
      redFlags: { create: input.redFlags ?? [] },
    },
    select: { id: true, status: true },
  });
  if (status === "submitted") await refreshCandidateScores(db, [input.interview.candidateId]);
  return created;
}
