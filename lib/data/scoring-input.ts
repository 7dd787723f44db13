import "server-only";
import type { ScoringScorecard, ScoringTemplate, Thresholds } from "../domain/scoring";
import { engineRatings } from "../domain/rating-rows";
import type { OverallRecommendation } from "../domain/vocabulary";

// Stored rows as the scoring engine takes them (lib/domain/scoring.ts): one mapper for a template
// version and one for a submitted scorecard, whichever query read them (docs/decisions/004).

/** A template version's thresholds and the scores it recommends on. */
export const thresholdsSelect = {
  minCoverage: true,
  strongHireMin: true,
  hireMin: true,
  leanNoHireMin: true,
  splitSpreadMin: true,
  redFlagMinInterviewers: true,
  recommendOn: true,
} as const;

/** A template version with what the engine reads of it, for the summary, the list and the comparison. */
export const scoringVersionSelect = {
  id: true,
  version: true,
  title: true,
  ...thresholdsSelect,
  template: { select: { slug: true } },
  dimensions: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true, weightOrigin: true } },
  exercises: {
    orderBy: { position: "asc" },
    select: { id: true, title: true, dimensions: { orderBy: { position: "asc" }, select: { dimensionId: true } } },
  },
  redFlags: { orderBy: { position: "asc" }, select: { id: true, text: true } },
} as const;

/** An exercise's dimension, as scoringVersionSelect or the role templates' select reads it. */
type ExerciseDimensionRow = { dimensionId: string } | { dimension: { id: string } };

type ScoringVersionRow = {
  minCoverage: number;
  strongHireMin: number;
  hireMin: number;
  leanNoHireMin: number;
  splitSpreadMin: number;
  redFlagMinInterviewers: number;
  dimensions: { id: string; name: string; weight: number; weightOrigin: string }[];
  exercises: { id: string; title: string; dimensions: ExerciseDimensionRow[] }[];
  redFlags: { id: string; text: string }[];
};

export function toScoringTemplate(v: ScoringVersionRow): ScoringTemplate {
  return {
    dimensions: v.dimensions.map((d) => ({ id: d.id, name: d.name, weight: d.weight, weightOrigin: d.weightOrigin })),
    exercises: v.exercises.map((e) => ({
      id: e.id,
      title: e.title,
      dimensionIds: e.dimensions.map((x) => ("dimensionId" in x ? x.dimensionId : x.dimension.id)),
    })),
    redFlags: v.redFlags.map((f) => ({ id: f.id, text: f.text })),
    thresholds: thresholdsOf(v),
  };
}

/** A version row's thresholds as the engine takes them (thresholdsSelect reads them). */
export function thresholdsOf(v: Thresholds): Thresholds {
  const { minCoverage, strongHireMin, hireMin, leanNoHireMin, splitSpreadMin, redFlagMinInterviewers } = v;
  return { minCoverage, strongHireMin, hireMin, leanNoHireMin, splitSpreadMin, redFlagMinInterviewers };
}

/** What the engine reads of a submitted scorecard, as Prisma selects it. */
export const scoringScorecardSelect = {
  id: true,
  authorId: true,
  status: true,
  recommendation: true,
  author: { select: { name: true } },
  ratings: { select: { dimensionId: true, rating: true, notAssessed: true } },
  redFlags: { select: { redFlagId: true, note: true } },
} as const;

/** A submitted scorecard with what the engine reads of it (Prisma's select or the hand-written SQL's rows). */
export type SubmittedRow = {
  id: string;
  authorId: string;
  status: string;
  recommendation: string | null;
  author: { name: string };
  ratings: { dimensionId: string; rating: number | null; notAssessed: boolean }[];
  redFlags: { redFlagId: string; note: string }[];
};

export function toScoringScorecard(s: SubmittedRow): ScoringScorecard {
  return {
    id: s.id,
    status: s.status,
    interviewerId: s.authorId,
    interviewerName: s.author.name,
    recommendation: s.recommendation as OverallRecommendation | null,
    ratings: engineRatings(s.ratings),
    redFlags: s.redFlags.map((f) => ({ redFlagId: f.redFlagId, note: f.note })),
  };
}
