// What /api/v1 answers about one stored thing (role templates, openings, candidates, interviews,
// scorecards, decisions), the error body and the page of a list. The OpenAPI document is generated
// from these (lib/api/openapi.ts).
import { z } from "zod";
import { RECOMMENDATIONS } from "../domain/scoring";
import { CANDIDATE_STAGES, DECISION_OUTCOMES, OPENING_STATUSES, OVERALL_RECOMMENDATIONS } from "../domain/vocabulary";
import { roleTemplateSchema } from "../validations/role-template";
import { scorecardValues } from "./request-schemas";

export const instant = z.iso.datetime({ offset: true }).describe("ISO 8601 instant");
const ref = z.object({ id: z.string(), name: z.string() });

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

export const recommendation = z.enum(RECOMMENDATIONS);
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
