// What /api/v1 clients send: request bodies and query parameters. Route handlers parse requests with
// these and the OpenAPI document is generated from them (lib/api/openapi.ts), so the document cannot
// drift from what the handlers accept. Bodies are strict: unknown fields are refused.
import { z } from "zod";
import { ATS_FORMATS } from "../domain/ats-export";
import { chatSettingSchema } from "../validations/chat";
import { checkInBodySchema } from "../validations/check-in";
import { decisionSchema } from "../validations/decision";
import { debriefStartSchema } from "../validations/debrief";
import { PERIODS } from "../validations/calibration";
import { candidateImportSchema } from "../validations/candidate-import";
import { candidateSchema, interviewSchema, openingSchema, stageSchema } from "../validations/hiring";
import { scorecardValuesSchema } from "../validations/scorecard";
import { drillAttemptSchema } from "../validations/drill-attempt";

export const chatSettingBody = chatSettingSchema.meta({ id: "ChatSettingUpdate" });
export const openingCreateBody = z.strictObject(openingSchema.shape).meta({ id: "OpeningCreate" });
export const candidateCreateBody = z.strictObject(candidateSchema.shape).meta({ id: "CandidateCreate" });
export const candidateUpdateBody = z.strictObject(stageSchema.shape).meta({ id: "CandidateUpdate" });
export const interviewCreateBody = z.strictObject(interviewSchema.shape).meta({ id: "InterviewCreate" });
export const candidateImportBody = z
  .strictObject({
    ...candidateImportSchema.shape,
    csv: candidateImportSchema.shape.csv.describe("the CSV file's text: a header row, then a row per candidate"),
    mapping: candidateImportSchema.shape.mapping.describe(
      "field → the file's column, by header name or 0-based index; guessed from the header when absent",
    ),
    dryRun: candidateImportSchema.shape.dryRun.describe("true: check and preview only, write nothing"),
  })
  .meta({ id: "CandidateImport" });
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
export const atsExportQuery = z.object({
  format: z
    .enum(ATS_FORMATS, {
      error: "Choose format=greenhouse (Greenhouse Harvest v1 scorecards) or format=merge (Merge ATS scorecards).",
    })
    .describe(
      "greenhouse: Greenhouse Harvest v1 scorecards; merge: Merge unified ATS scorecards (docs/decisions/068-ats-shaped-exports.md)",
    ),
});
export const importQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .describe("true: check and preview only (also the body's dryRun; needed for a text/csv body)"),
});
export const debriefStartBody = z.strictObject(debriefStartSchema.shape).meta({ id: "DebriefStart" });
export const calibrationQuery = z.object({
  role: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a role's slug: lower-case words joined by hyphens")
    .max(100)
    .optional()
    .describe("a role's slug: only that role's openings"),
  period: z.enum(PERIODS).default("all").describe("all, or the last 365 or 90 days"),
});
export const drillAttemptBody = z
  .strictObject(drillAttemptSchema.shape)
  .describe("dimension id → 1–5 or na (Not assessed) and the evidence: every dimension of the drill's exercise")
  .meta({ id: "DrillAttempt" });
/** A quality-of-hire check-in (docs/decisions/079-quality-of-hire.md). */
export const checkInCreateBody = z.strictObject(checkInBodySchema.shape).meta({ id: "CheckInCreate" });
