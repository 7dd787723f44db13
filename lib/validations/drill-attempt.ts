// An interviewer's ratings of a calibration drill (docs/decisions/080-calibration-drills.md),
// shared by the rating form, the app's route and /api/v1. zod/mini, as the scorecard's: the form
// ships it (docs/decisions/010).
import { z as mini } from "zod/mini";
import { dimensionEntrySchema, MESSAGES } from "./scorecard";
import { storable } from "./storable";

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
