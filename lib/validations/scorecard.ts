// The scorecard form's values, shared by the form (zodResolver), the autosave route and the
// submit/amend handlers, which parse them again (docs/decisions/021-route-handlers-and-fetch.md,
// "zod at the boundary"; docs/product.md "Scorecards and drafts").
// zod/mini: the same schemas with a much smaller browser bundle (the forms ship them;
// docs/decisions/010-page-weight-and-render-cost.md, "Validation loads when needed").
import { z } from "zod/mini";
import { storable } from "./storable";
import { OVERALL_RECOMMENDATIONS } from "../domain/vocabulary";

export const SCORES = ["1", "2", "3", "4", "5", "na"] as const;
const id = z.string().check(storable(), z.minLength(1), z.maxLength(64));

export const dimensionEntrySchema = z.strictObject({
  /** "" = not rated yet; "na" = Not assessed (never a low score) */
  score: z.enum(["", ...SCORES]),
  evidence: z.string().check(storable(), z.maxLength(5000, "Keep the evidence note under 5,000 characters")),
});
export const redFlagEntrySchema = z.strictObject({
  observed: z.boolean(),
  note: z.string().check(storable(), z.maxLength(2000, "Keep the note under 2,000 characters")),
});

export const scorecardValuesSchema = z.strictObject({
  ratings: z
    .record(id, dimensionEntrySchema)
    .check(z.refine((r) => Object.keys(r).length <= 60, "Too many dimensions")),
  redFlags: z.record(id, redFlagEntrySchema).check(z.refine((r) => Object.keys(r).length <= 60, "Too many red flags")),
  keyTakeaways: z.string().check(storable(), z.maxLength(10_000, "Keep the take-aways under 10,000 characters")),
  recommendation: z.enum(["", ...OVERALL_RECOMMENDATIONS]),
});
export type ScorecardValues = z.infer<typeof scorecardValuesSchema>;

/** What the rules need to know about the interview's template. */
export type ScorecardKit = { dimensionIds: string[]; focusDimensionIds: string[]; redFlagIds: string[] };

export const MESSAGES = {
  focusUnrated: "Rate this focus dimension, or mark it Not assessed",
  noRecommendation: "Choose an overall recommendation (or No decision)",
  flagNote: "Say what you observed for this red flag",
  noTakeaways: "Write your key take-aways",
  noRating: "Rate at least one dimension from 1 to 5: a scorecard where everything is Not assessed gives no evidence",
  unknownDimension: "This dimension is not part of the interview's role template",
  unknownRedFlag: "This red flag is not part of the interview's role template",
  noReason: "Say why you are amending the submitted scorecard",
} as const;

type Issue = { path: (string | number)[]; message: string };

/** Ids that do not belong to the template: refused on every write, draft or not. */
export function foreignIdIssues(values: ScorecardValues, kit: ScorecardKit): Issue[] {
  const dims = new Set(kit.dimensionIds);
  const flags = new Set(kit.redFlagIds);
  return [
    ...Object.keys(values.ratings)
      .filter((k) => !dims.has(k))
      .map((k) => ({ path: ["ratings", k, "score"], message: MESSAGES.unknownDimension })),
    ...Object.keys(values.redFlags)
      .filter((k) => !flags.has(k))
      .map((k) => ({ path: ["redFlags", k, "observed"], message: MESSAGES.unknownRedFlag })),
  ];
}

/**
 * The submit rules (README "Submitting a scorecard"): every focus dimension rated or marked Not
 * assessed; an overall recommendation or an explicit No decision; a note for each ticked red flag;
 * key take-aways; and at least one dimension rated 1–5.
 */
export function submitIssues(values: ScorecardValues, kit: ScorecardKit): Issue[] {
  const issues: Issue[] = foreignIdIssues(values, kit);
  for (const d of kit.focusDimensionIds) {
    if (!values.ratings[d]?.score) issues.push({ path: ["ratings", d, "score"], message: MESSAGES.focusUnrated });
  }
  if (!Object.values(values.ratings).some((r) => r.score && r.score !== "na")) {
    issues.push({ path: ["ratings"], message: MESSAGES.noRating });
  }
  for (const [flagId, flag] of Object.entries(values.redFlags)) {
    if (flag.observed && !flag.note.trim())
      issues.push({ path: ["redFlags", flagId, "note"], message: MESSAGES.flagNote });
  }
  if (!values.keyTakeaways.trim()) issues.push({ path: ["keyTakeaways"], message: MESSAGES.noTakeaways });
  if (!values.recommendation) issues.push({ path: ["recommendation"], message: MESSAGES.noRecommendation });
  return issues;
}

export function draftSchemaFor(kit: ScorecardKit) {
  return scorecardValuesSchema.check(
    z.superRefine((values, ctx) => {
      for (const i of foreignIdIssues(values, kit)) ctx.addIssue({ code: "custom", ...i });
    }),
  );
}

export function submitSchemaFor(kit: ScorecardKit) {
  return scorecardValuesSchema.check(
    z.superRefine((values, ctx) => {
      for (const i of submitIssues(values, kit)) ctx.addIssue({ code: "custom", ...i });
    }),
  );
}

export const amendReasonSchema = z
  .string()
  .check(storable(), z.trim(), z.minLength(5, MESSAGES.noReason), z.maxLength(2000));

/** Empty form values for a template: nothing rated, no flag ticked. */
export function emptyValues(kit: ScorecardKit): ScorecardValues {
  return {
    ratings: Object.fromEntries(kit.dimensionIds.map((d) => [d, { score: "", evidence: "" }])),
    redFlags: Object.fromEntries(kit.redFlagIds.map((f) => [f, { observed: false, note: "" }])),
    keyTakeaways: "",
    recommendation: "",
  };
}

/** zod issues as { "ratings.abc.score": "message" }, for field-level messages. */
export function fieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
