// Calibration drills (docs/decisions/080-calibration-drills.md): the admin's drill form and an
// interviewer's drill ratings, shared by the forms, the app's routes and /api/v1.
import { z } from "zod";
import { z as mini } from "zod/mini";
import { CONSENSUS_MODES, MAX_REFERENCE_CHARS } from "../domain/drills";
import { dimensionEntrySchema, MESSAGES } from "./scorecard";
import { storable } from "./storable";
import { textField } from "./fields";

const RATINGS = ["", "1", "2", "3", "4", "5"] as const;
const id = textField().min(1).max(64);

export const drillSchema = z
  .strictObject({
    exerciseId: id.describe("the exercise of a role version the drill is about"),
    title: textField()
      .trim()
      .min(1, { error: "Give the drill a title", abort: true })
      .max(200, { error: "At most 200 characters", abort: true }),
    reference: textField()
      .trim()
      .min(1, { error: "Write the reference answer (a transcript excerpt or a described performance)", abort: true })
      .max(MAX_REFERENCE_CHARS, {
        error: `Keep the reference answer under ${MAX_REFERENCE_CHARS.toLocaleString("en")} characters`,
        abort: true,
      }),
    consensusMode: z
      .enum(CONSENSUS_MODES, { error: "Choose who sets the consensus" })
      .describe("admin: the ratings below are the consensus; raters: the mean of the other raters' ratings"),
    consensus: z
      .record(id, z.enum(RATINGS, { error: "Choose 1–5, or leave it empty" }))
      .refine((r) => Object.keys(r).length <= 60, "Too many dimensions")
      .default({})
      .describe('dimension id → the consensus rating 1–5 ("" = none); used when consensusMode is admin'),
  })
  .superRefine((v, ctx) => {
    if (v.consensusMode === "admin" && !Object.values(v.consensus).some((r) => r !== ""))
      ctx.addIssue({
        code: "custom",
        path: ["consensus"],
        message: "Set the consensus rating of at least one dimension",
      });
  });
export type DrillInput = z.input<typeof drillSchema>;

export const drillStatusSchema = z.strictObject({
  status: z.enum(["published", "archived"], { error: "Choose published or archived" }),
});

/** An interviewer's drill ratings: the scorecard's rating entries (1–5 or Not assessed, and evidence). */
export const drillAttemptSchema = mini.strictObject({
  ratings: mini
    .record(mini.string().check(storable(), mini.minLength(1), mini.maxLength(64)), dimensionEntrySchema)
    .check(mini.refine((r) => Object.keys(r).length <= 60, "Too many dimensions")),
});
export type DrillAttemptValues = mini.infer<typeof drillAttemptSchema>;

export const DRILL_MESSAGES = {
  unrated: "Rate this dimension, or mark it Not assessed",
  noRating: MESSAGES.noRating,
  unknownDimension: "This dimension is not part of the drill's exercise",
} as const;

/** What a submission still lacks, against the drill's dimensions: every one rated or Not assessed, one at least 1–5. */
export function drillAttemptIssues(values: DrillAttemptValues, dimensionIds: readonly string[]) {
  const dims = new Set(dimensionIds);
  const issues: { path: string[]; message: string }[] = [];
  for (const k of Object.keys(values.ratings))
    if (!dims.has(k)) issues.push({ path: ["ratings", k, "score"], message: DRILL_MESSAGES.unknownDimension });
  for (const d of dimensionIds)
    if (!values.ratings[d]?.score) issues.push({ path: ["ratings", d, "score"], message: DRILL_MESSAGES.unrated });
  const rated = dimensionIds.some((d) => /^[1-5]$/.test(values.ratings[d]?.score ?? ""));
  if (!issues.length && !rated) issues.push({ path: ["ratings"], message: DRILL_MESSAGES.noRating });
  return issues;
}
