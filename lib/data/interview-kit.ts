import "server-only";
import { db } from "../db";
import { emptyValues, type ScorecardKit, type ScorecardValues } from "../validations/scorecard";
import { roleVersionSelect } from "./role-templates";

// The interview kit and the interviewer's own scorecard as its form shows them. Every read finds
// the interview with `interviewerId: userId` in the same query, so another person's interview and
// a missing one are the same "not found" (docs/decisions/024-independent-ratings-first.md).

export const scorecardSelect = {
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

export type StoredScorecard = {
  keyTakeaways: string;
  recommendation: string | null;
  ratings: { dimensionId: string; rating: number | null; notAssessed: boolean; evidence: string }[];
  redFlags: { redFlagId: string; note: string }[];
};

/**
 * The form's kit: every dimension and red flag of the interview's template version, in the
 * template's order, and the interview's focus dimensions among them. The page, the API and every
 * scorecard write check answers against this one kit.
 */
export function kitOf(
  version: { dimensions: readonly { id: string }[]; redFlags: readonly { id: string }[] },
  focus: readonly { dimensionId: string }[],
): ScorecardKit {
  return {
    dimensionIds: version.dimensions.map((d) => d.id),
    focusDimensionIds: version.dimensions.filter((d) => focus.some((f) => f.dimensionId === d.id)).map((d) => d.id),
    redFlagIds: version.redFlags.map((f) => f.id),
  };
}

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
          // the API's list of amendments; their content and authors are read by lib/data/amendments.ts
          amendments: {
            orderBy: { fromVersion: "desc" },
            select: { fromVersion: true, reason: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!interview) return null;
  const version = interview.candidate.opening.templateVersion;
  const kit = kitOf(version, interview.focus);
  const sc = interview.scorecard;
  return {
    interview,
    version,
    kit,
    exercise: version.exercises.find((e) => e.id === interview.exercise?.id) ?? null,
    scorecard: sc
      ? {
          id: sc.id,
          status: sc.status as "draft" | "submitted",
          version: sc.version,
          updatedAt: sc.updatedAt,
          submittedAt: sc.submittedAt,
          values: toValues(kit, sc),
          amendments: sc.amendments,
        }
      : null,
  };
}
