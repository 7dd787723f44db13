// The JSON API's request and response shapes (issue 7). Route handlers parse requests with these
// schemas and the OpenAPI document is generated from them (lib/api/openapi.ts), so the document
// cannot drift from what the handlers accept. Requests are strict: unknown fields are refused.
import { z } from "zod";
import { RECOMMENDATIONS } from "../domain/scoring";
import {
  APP_ROLES,
  CANDIDATE_STAGES,
  DECISION_OUTCOMES,
  OPENING_STATUSES,
  OVERALL_RECOMMENDATIONS,
} from "../domain/vocabulary";
import { decisionSchema } from "../validations/decision";
import { candidateSchema, interviewSchema, openingSchema, stageSchema } from "../validations/hiring";
import { roleTemplateSchema } from "../validations/role-template";
import { scorecardValuesSchema } from "../validations/scorecard";

const instant = z.iso.datetime({ offset: true }).describe("ISO 8601 instant");
const ref = z.object({ id: z.string(), name: z.string() });

// ── requests ─────────────────────────────────────────────────────────────────────────────────
export const openingCreateBody = z.strictObject(openingSchema.shape).meta({ id: "OpeningCreate" });
export const candidateCreateBody = z.strictObject(candidateSchema.shape).meta({ id: "CandidateCreate" });
export const candidateUpdateBody = z.strictObject(stageSchema.shape).meta({ id: "CandidateUpdate" });
export const interviewCreateBody = z.strictObject(interviewSchema.shape).meta({ id: "InterviewCreate" });
export const decisionCreateBody = z.strictObject(decisionSchema.shape).meta({ id: "DecisionCreate" });
const baseVersion = z
  .number()
  .int()
  .min(0)
  .describe("the scorecard version this change builds on (0 when there is none yet); a stale one gets 409");
export const scorecardValues = z.strictObject(scorecardValuesSchema.shape).meta({ id: "ScorecardValues" });
export const draftBody = z.strictObject({ baseVersion, values: scorecardValues }).meta({ id: "ScorecardDraft" });
export const submitBody = z.strictObject({ baseVersion, values: scorecardValues }).meta({ id: "ScorecardSubmit" });
export const amendBody = z
  .strictObject({ baseVersion, values: scorecardValues, reason: z.string().max(2000) })
  .meta({ id: "ScorecardAmend" });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("page size, 1–200 (default 50)"),
  cursor: z.string().max(200).optional().describe("the nextCursor of the previous page"),
});
export const interviewsQuery = pageQuery.extend({
  interviewerId: z
    .string()
    .max(64)
    .optional()
    .describe("whose interviews (default: the token's user); others' need recruiter or admin"),
});
export const roleQuery = z.object({
  version: z.coerce.number().int().min(1).optional().describe("a version number (default: the current version)"),
});
export const peopleQuery = z.object({
  role: z.enum(["hiring-manager", "recruiter", "interviewer"]).describe("people holding this app role"),
});
export const comparisonQuery = z.object({
  blind: z.enum(["0", "1"]).default("0").describe("1 replaces names by letters and omits e-mails"),
});

// ── responses ────────────────────────────────────────────────────────────────────────────────
export const errorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe(
          "machine-readable: bad_json, validation_failed, unauthenticated, forbidden, not_found, conflict, stale, too_large, …",
        ),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("field path → messages"),
      current: z.unknown().optional().describe("for stale scorecards: the stored version"),
    }),
  })
  .meta({ id: "Error" });

export const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

export const roleListItem = z
  .object({
    slug: z.string(),
    title: z.string(),
    version: z.number().int(),
    source: z.string().nullable(),
    dimensionCount: z.number().int(),
    exerciseCount: z.number().int(),
    redFlagCount: z.number().int(),
    equalDefaultWeights: z.boolean(),
  })
  .meta({ id: "RoleTemplateListItem" });
export const roleTemplate = roleTemplateSchema.meta({ id: "RoleTemplate" });
export const roleVersion = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    currentVersion: z.number().int(),
    versions: z.array(z.object({ version: z.number().int(), createdAt: instant, changeNote: z.string() })),
    ids: z
      .object({
        dimensions: z.array(z.object({ id: z.string(), name: z.string() })),
        exercises: z.array(z.object({ id: z.string(), title: z.string() })),
        redFlags: z.array(z.object({ id: z.string(), text: z.string() })),
      })
      .describe("the ids to use when planning interviews and filling scorecards on this version"),
    template: roleTemplate,
  })
  .meta({ id: "RoleTemplateVersion" });
export const roleExport = z.object({ roles: z.array(roleTemplate) }).meta({ id: "RoleTemplateExport" });

export const opening = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(OPENING_STATUSES),
    role: z.object({ slug: z.string(), title: z.string(), version: z.number().int() }),
    hiringManager: ref,
    recruiter: ref,
    candidateCount: z.number().int(),
    createdAt: instant,
  })
  .meta({ id: "Opening" });

export const candidate = z
  .object({
    id: z.string(),
    openingId: z.string(),
    name: z.string(),
    email: z.string(),
    stage: z.enum(CANDIDATE_STAGES),
    source: z.string(),
    notes: z.string(),
    createdAt: instant,
  })
  .meta({ id: "Candidate" });

export const interview = z
  .object({
    id: z.string(),
    candidate: ref,
    openingId: z.string(),
    interviewer: ref,
    exercise: z.object({ id: z.string(), title: z.string() }).nullable(),
    focusDimensionIds: z.array(z.string()),
    scheduledAt: instant,
    durationMinutes: z.number().int(),
    status: z.enum(["scheduled", "cancelled"]),
    scorecardStatus: z.enum(["none", "draft", "submitted"]),
  })
  .meta({ id: "Interview" });

export const scorecard = z
  .object({
    interviewId: z.string(),
    status: z.enum(["none", "draft", "submitted"]),
    version: z.number().int().describe("send as baseVersion with the next change"),
    updatedAt: instant.nullable(),
    submittedAt: instant.nullable(),
    values: scorecardValues,
    kit: z.object({
      dimensions: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number(), focus: z.boolean() })),
      redFlags: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
    amendments: z.array(z.object({ fromVersion: z.number().int(), reason: z.string(), createdAt: instant })),
  })
  .meta({ id: "Scorecard" });

export const savedState = z
  .object({
    version: z.number().int(),
    savedAt: instant,
    status: z.enum(["draft", "submitted"]),
    repeated: z
      .boolean()
      .optional()
      .describe("true when this Idempotency-Key was already used: nothing new was submitted"),
  })
  .meta({ id: "SavedScorecard" });

const panelRating = z.object({
  dimensionId: z.string(),
  rating: z.number().int().nullable(),
  notAssessed: z.boolean(),
  evidence: z.string(),
});
export const panel = z
  .object({
    unlocked: z
      .boolean()
      .describe(
        "false until the token's user has submitted their own scorecard for this candidate, and while another of their scheduled interviews with the candidate has none (independent ratings first)",
      ),
    scorecards: z.array(
      z.object({
        id: z.string(),
        interviewer: z.string(),
        exercise: z.string().nullable(),
        submittedAt: instant.nullable(),
        recommendation: z.enum(OVERALL_RECOMMENDATIONS).nullable(),
        keyTakeaways: z.string(),
        ratings: z.array(panelRating),
      }),
    ),
  })
  .meta({ id: "PanelScorecards" });

const recommendation = z.enum(RECOMMENDATIONS);
export const decision = z
  .object({
    id: z.string(),
    outcome: z.enum(DECISION_OUTCOMES),
    rationale: z.string(),
    overrideReason: z.string().nullable(),
    isOverride: z.boolean(),
    computedRecommendation: recommendation,
    computedScore: z.number().nullable(),
    decidedBy: z.string(),
    createdAt: instant,
  })
  .meta({ id: "Decision" });
export const decisionList = z.object({ data: z.array(decision) }).meta({ id: "DecisionList" });

const dimensionResult = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  weightOrigin: z.string(),
  // fractional in the calibrated view (docs/decisions/012), so a number, not an integer
  ratings: z
    .array(z.number().min(1).max(5))
    .describe(
      "the ratings, 1–5, in scorecard order: as given (whole numbers) in the raw view; with each interviewer's offset removed in the calibrated view, so fractional",
    ),
  count: z.number().int(),
  notAssessedCount: z.number().int(),
  mean: z.number().nullable(),
  spread: z.number().nullable(),
  contribution: z.number().nullable(),
});
const score = z
  .object({
    score: z.number().nullable().describe("weighted mean 1–5, unrounded; null when nothing is rated"),
    coverage: z.number().describe("share of the weight rated, 0–1"),
    recommendation,
    rule: z.object({ id: z.string(), text: z.string() }).describe("the rule that decided, in words"),
    scorecardCount: z.number().int(),
    dimensions: z.array(dimensionResult),
    redFlags: z.array(
      z.object({
        redFlagId: z.string(),
        text: z.string(),
        raisedBy: z.array(z.object({ interviewerName: z.string(), note: z.string() }).loose()),
      }),
    ),
    split: z.object({ isSplit: z.boolean() }).loose(),
  })
  .loose()
  .meta({ id: "Score" });
const recommendOn = z.enum(["raw", "calibrated"]).describe("which scores the role's recommendation uses");
const display = z
  .object({ score: z.string(), coverage: z.string(), recommendation: z.string() })
  .describe("the headline exactly as the app shows it (scores to two decimals, half up on the exact value)");
const feedbackWithheld = z
  .object({
    reason: z.literal("own-scorecard-not-submitted"),
    message: z.string(),
    interviewId: z
      .string()
      .nullable()
      .describe("the token's user's interview to submit a scorecard for (null in blind mode)"),
  })
  .describe(
    "independent ratings first: the token's user has a scheduled interview with this candidate without a submitted scorecard, so no one else's feedback is given",
  );

export const summary = z
  .object({
    candidate: z
      .object({ id: z.string(), name: z.string(), email: z.string(), stage: z.enum(CANDIDATE_STAGES) })
      .loose(),
    opening: z.object({ id: z.string(), title: z.string() }).loose(),
    role: z.object({ slug: z.string(), title: z.string(), version: z.number().int() }),
    feedbackWithheld: feedbackWithheld
      .nullable()
      .describe(
        "set when others' feedback is withheld: display, score and calibration are then null, scorecards and decisions empty",
      ),
    display: display.nullable(),
    score: score
      .nullable()
      .describe("the scores the role recommends on: raw unless calibration.recommendOn is calibrated"),
    calibration: z
      .object({
        recommendOn,
        raw: score,
        calibrated: score,
        rawDisplay: display,
        calibratedDisplay: display,
        adjustments: z.array(
          z.object({
            interviewerId: z.string(),
            interviewerName: z.string(),
            offset: z
              .number()
              .nullable()
              .describe("subtracted from each of their ratings; null: too few shared ratings"),
            shared: z.number().int(),
          }),
        ),
      })
      .nullable()
      .describe(
        "the calibrated view: each interviewer's leniency removed, ratings kept within 1–5 (docs/decisions/012)",
      ),
    scorecards: z.array(
      z
        .object({
          id: z.string(),
          interviewId: z.string(),
          interviewerName: z.string(),
          submittedAt: instant.nullable(),
          recommendation: z.enum(OVERALL_RECOMMENDATIONS).nullable(),
        })
        .loose(),
    ),
    loop: z.object({}).loose(),
    decisions: z.array(z.object({ id: z.string(), outcome: z.enum(DECISION_OUTCOMES) }).loose()),
    canDecide: z.boolean().describe("whether the token's user may record the decision"),
    generatedAt: instant,
  })
  .meta({ id: "CandidateSummary" });

const compared = z.object({
  candidateId: z.string().nullable().describe("null in blind mode"),
  label: z.string(),
  display,
  score: z.number().nullable().describe("the score the role recommends on (see recommendOn)"),
  coverage: z.number(),
  recommendation,
  redFlag: z.boolean(),
  split: z.boolean(),
  rawScore: z.number().nullable().describe("on the ratings as given"),
  calibratedScore: z.number().nullable().describe("with each interviewer's leniency removed (docs/decisions/012)"),
});
export const comparison = z
  .object({
    opening: z.object({ id: z.string(), title: z.string() }),
    blind: z.boolean(),
    recommendOn,
    ranked: z
      .array(compared.extend({ rank: z.number().int() }))
      .describe(
        "highest weighted score first (compared exactly); equal scores by coverage, higher first, then by when the candidate was added, earlier first",
      ),
    insufficientEvidence: z.array(compared).describe("not ranked: too little of the weight is rated"),
    feedbackWithheld: z
      .array(
        feedbackWithheld.extend({
          candidateId: z.string().nullable().describe("null in blind mode"),
          label: z.string(),
        }),
      )
      .describe(
        "not ranked and not scored: candidates the token's user owes their own scorecard on (independent ratings first)",
      ),
  })
  .meta({ id: "OpeningComparison" });
export const interviewPage = page(interview, "InterviewPage");
export const me = z
  .object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(z.enum(APP_ROLES)) })
  .meta({ id: "Me" });
export const people = z
  .object({ data: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })) })
  .meta({ id: "People" });
