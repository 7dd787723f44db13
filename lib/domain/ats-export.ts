// A candidate's submitted scorecards in the shapes two applicant tracking systems use, so an
// integration can hand them on without its own translation (docs/decisions/068-ats-shaped-exports.md):
// Greenhouse Harvest v1 "Scorecard" and Merge's unified ATS "Scorecard". Pure: the rows come from
// lib/data/ats-export.ts.
//
// The app's scale is 1–5 with "Not assessed" beside it, never on it (docs/product.md "Rating
// scales"). Both target vocabularies have a "no decision" word outside their ordered scale, and
// Not assessed goes there: writing it as a middle word ("mixed") would turn "we did not look" into
// "we looked and it was average", the very mistake the app's scale exists to avoid.
import type { OverallRecommendation, Rating } from "./vocabulary";

export const ATS_FORMATS = ["greenhouse", "merge"] as const;
export type AtsFormat = (typeof ATS_FORMATS)[number];

/** Greenhouse's words for one attribute, worst to best, then the one outside the scale. */
export const GREENHOUSE_RATINGS = ["definitely_not", "no", "mixed", "yes", "strong_yes", "no_decision"] as const;
export type GreenhouseRating = (typeof GREENHOUSE_RATINGS)[number];
/** The words under which Greenhouse's `ratings` object lists attribute names (no_decision is not one). */
export const GREENHOUSE_RATING_KEYS = ["definitely_not", "no", "mixed", "yes", "strong_yes"] as const;
export const GREENHOUSE_RECOMMENDATIONS = ["definitely_not", "no", "yes", "strong_yes", "no_decision"] as const;
export type GreenhouseRecommendation = (typeof GREENHOUSE_RECOMMENDATIONS)[number];
export const MERGE_RECOMMENDATIONS = ["DEFINITELY_NO", "NO", "YES", "STRONG_YES", "NO_DECISION"] as const;
export type MergeRecommendation = (typeof MERGE_RECOMMENDATIONS)[number];

/**
 * 1–5 to Greenhouse's five ordered words, point for point (docs/decisions/068): both are
 * five-point ordinal scales, so the order and the distance from the middle are kept and every
 * number comes back as itself. "Meets bar" (3) is Greenhouse's middle word, "mixed".
 */
export const GREENHOUSE_RATING_OF: Record<Rating, Exclude<GreenhouseRating, "no_decision">> = {
  1: "definitely_not",
  2: "no",
  3: "mixed",
  4: "yes",
  5: "strong_yes",
};

/** The app's overall recommendation in Greenhouse's words; none chosen is no_decision. */
export const GREENHOUSE_RECOMMENDATION_OF: Record<OverallRecommendation, GreenhouseRecommendation> = {
  "strong-no": "definitely_not",
  no: "no",
  yes: "yes",
  "strong-yes": "strong_yes",
  "no-decision": "no_decision",
};

/** The same in Merge's enum. */
export const MERGE_RECOMMENDATION_OF: Record<OverallRecommendation, MergeRecommendation> = {
  "strong-no": "DEFINITELY_NO",
  no: "NO",
  yes: "YES",
  "strong-yes": "STRONG_YES",
  "no-decision": "NO_DECISION",
};

/** What Greenhouse calls an attribute's type; each of the app's dimensions is one attribute. */
export const GREENHOUSE_ATTRIBUTE_TYPE = "Dimension";
/** Greenhouse's own question for the free text every scorecard has (id null: not a custom question). */
export const KEY_TAKEAWAYS_QUESTION = "Key Take-Aways";

/** One submitted scorecard as lib/data reads it. */
export type ExportScorecard = {
  id: string;
  candidateId: string;
  interviewId: string;
  /** the author, who is the interview's interviewer */
  interviewer: { id: string; name: string };
  exercise: { id: string; title: string } | null;
  interviewedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date;
  recommendation: OverallRecommendation | null;
  keyTakeaways: string;
  /** the rows that count (a number or Not assessed), in the template's dimension order */
  ratings: { dimensionId: string; dimension: string; rating: Rating | null; notAssessed: boolean; evidence: string }[];
};

type GreenhouseUser = { id: string; first_name: string; last_name: string; name: string; employee_id: null };

export type GreenhouseScorecard = {
  id: string;
  candidate_id: string;
  application_id: null;
  interview: string;
  interview_step: { id: string; name: string } | null;
  interviewed_at: string;
  submitted_at: string;
  created_at: string;
  updated_at: string;
  submitted_by: GreenhouseUser;
  interviewer: GreenhouseUser;
  overall_recommendation: GreenhouseRecommendation;
  attributes: { name: string; type: string; note: string | null; rating: GreenhouseRating }[];
  ratings: Record<(typeof GREENHOUSE_RATING_KEYS)[number], string[]>;
  questions: { id: string | null; question: string; answer: string }[];
};

export type MergeScorecard = {
  id: string;
  remote_id: string;
  created_at: string;
  modified_at: string;
  application: null;
  interview: string;
  interviewer: string;
  remote_created_at: string;
  submitted_at: string;
  overall_recommendation: MergeRecommendation;
  remote_was_deleted: false;
  field_mappings: {
    organization_defined_targets: Record<string, never>;
    linked_account_defined_targets: Record<string, never>;
  };
  remote_data: { path: string; data: MergeRemoteScorecard }[];
};

/** The app's own record of the scorecard, as Merge passes on the source system's data. */
export type MergeRemoteScorecard = {
  candidateId: string;
  interviewId: string;
  exercise: string | null;
  recommendation: OverallRecommendation | null;
  keyTakeaways: string;
  ratings: ExportScorecard["ratings"];
};

/** A rating row's Greenhouse word: Not assessed is no_decision, never a point on the scale. */
export function greenhouseRating(r: { rating: Rating | null; notAssessed: boolean }): GreenhouseRating {
  return r.notAssessed || r.rating === null ? "no_decision" : GREENHOUSE_RATING_OF[r.rating];
}

/**
 * Greenhouse keeps a person's first and last name apart; the app keeps one name. Split at the
 * first space: "Jo Ann Example" is Jo / Ann Example; one word is a first name alone.
 */
export function greenhouseUser(u: { id: string; name: string }): GreenhouseUser {
  const name = u.name.trim();
  const at = name.indexOf(" ");
  return {
    id: u.id,
    first_name: at < 0 ? name : name.slice(0, at),
    last_name: at < 0 ? "" : name.slice(at + 1).trim(),
    name,
    employee_id: null,
  };
}

/** The interview's title as Greenhouse names it: the exercise, or "Interview" when it had none. */
const interviewTitle = (s: ExportScorecard) => s.exercise?.title ?? "Interview";

export function toGreenhouse(s: ExportScorecard): GreenhouseScorecard {
  const attributes = s.ratings.map((r) => ({
    name: r.dimension,
    type: GREENHOUSE_ATTRIBUTE_TYPE,
    note: r.evidence.trim() === "" ? null : r.evidence,
    rating: greenhouseRating(r),
  }));
  const ratings = Object.fromEntries(
    GREENHOUSE_RATING_KEYS.map((k) => [k, attributes.filter((a) => a.rating === k).map((a) => a.name)]),
  ) as GreenhouseScorecard["ratings"];
  const user = greenhouseUser(s.interviewer);
  return {
    id: s.id,
    candidate_id: s.candidateId,
    // the app has no applications: a candidate belongs to one opening (docs/decisions/068)
    application_id: null,
    interview: interviewTitle(s),
    interview_step: s.exercise ? { id: s.exercise.id, name: s.exercise.title } : null,
    interviewed_at: s.interviewedAt.toISOString(),
    submitted_at: s.submittedAt.toISOString(),
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
    submitted_by: user,
    interviewer: user,
    overall_recommendation: s.recommendation ? GREENHOUSE_RECOMMENDATION_OF[s.recommendation] : "no_decision",
    attributes,
    ratings,
    questions: [{ id: null, question: KEY_TAKEAWAYS_QUESTION, answer: s.keyTakeaways }],
  };
}

/** Where Merge's remote_data says the record came from: the app's own scorecard resource. */
export const mergeRemotePath = (s: Pick<ExportScorecard, "interviewId">) =>
  `/api/v1/interviews/${s.interviewId}/scorecard`;

export function toMerge(s: ExportScorecard): MergeScorecard {
  return {
    // the app's ids are the records' ids: there is no separate Merge-side id to keep
    id: s.id,
    remote_id: s.id,
    created_at: s.createdAt.toISOString(),
    modified_at: s.updatedAt.toISOString(),
    application: null,
    interview: s.interviewId,
    interviewer: s.interviewer.id,
    remote_created_at: s.createdAt.toISOString(),
    submitted_at: s.submittedAt.toISOString(),
    overall_recommendation: s.recommendation ? MERGE_RECOMMENDATION_OF[s.recommendation] : "NO_DECISION",
    remote_was_deleted: false,
    field_mappings: { organization_defined_targets: {}, linked_account_defined_targets: {} },
    remote_data: [
      {
        path: mergeRemotePath(s),
        data: {
          candidateId: s.candidateId,
          interviewId: s.interviewId,
          exercise: s.exercise?.title ?? null,
          recommendation: s.recommendation,
          keyTakeaways: s.keyTakeaways,
          // Not assessed is null with notAssessed true: never a number a reader could average
          ratings: s.ratings.map((r) => ({ ...r, rating: r.notAssessed ? null : r.rating })),
        },
      },
    ],
  };
}

export function toAtsFormat(format: "greenhouse", cards: readonly ExportScorecard[]): GreenhouseScorecard[];
export function toAtsFormat(format: "merge", cards: readonly ExportScorecard[]): MergeScorecard[];
export function toAtsFormat(
  format: AtsFormat,
  cards: readonly ExportScorecard[],
): GreenhouseScorecard[] | MergeScorecard[];
export function toAtsFormat(format: AtsFormat, cards: readonly ExportScorecard[]) {
  return format === "greenhouse" ? cards.map(toGreenhouse) : cards.map(toMerge);
}
