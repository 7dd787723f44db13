// The quality-of-hire check-in (docs/decisions/079-quality-of-hire.md), shared by the form
// (zodResolver), the page's route handler and POST /api/v1/candidates/{id}/check-ins, which parse
// it again and then check the ratings against the role's dimensions (checkInIssues).
// zod/mini: the same schemas with a much smaller browser bundle (docs/decisions/010).
import { z } from "zod/mini";
import { storable } from "./storable";

export const CHECKIN_MESSAGES = {
  rating: "Rate this dimension from 1 to 5, or mark it Not assessed",
  overall: "Choose an overall rating from 1 to 5",
  wouldHireAgain: "Say whether you would hire them again",
  unknownDimension: "This dimension is not part of the role's template",
  noRating: "Rate at least one dimension from 1 to 5",
  period: "Not a check-in period of this app",
} as const;

const id = z.string().check(storable(), z.minLength(1), z.maxLength(64));

export const checkInValuesSchema = z.strictObject({
  /** per dimension id: "1".."5", or "na" (Not assessed, never a low score); "" = not chosen yet */
  ratings: z
    .record(id, z.enum(["", "1", "2", "3", "4", "5", "na"], { error: CHECKIN_MESSAGES.rating }))
    .check(z.refine((r) => Object.keys(r).length <= 60, "Too many dimensions")),
  overall: z.enum(["", "1", "2", "3", "4", "5"], { error: CHECKIN_MESSAGES.overall }),
  wouldHireAgain: z.enum(["", "yes", "no"], { error: CHECKIN_MESSAGES.wouldHireAgain }),
});
export type CheckInValues = z.infer<typeof checkInValuesSchema>;

/** The API's body: the values and which period they are for. */
export const checkInBodySchema = z.strictObject({
  periodDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
  ...checkInValuesSchema.shape,
});

type Issue = { path: string[]; message: string };

/**
 * The rules beyond the shape, against the role's dimensions: every dimension rated or Not
 * assessed, no other ids, at least one 1–5 rating, an overall rating and an answer.
 */
export function checkInIssues(values: CheckInValues, dimensionIds: readonly string[]): Issue[] {
  const known = new Set(dimensionIds);
  const issues: Issue[] = Object.keys(values.ratings)
    .filter((k) => !known.has(k))
    .map((k) => ({ path: ["ratings", k], message: CHECKIN_MESSAGES.unknownDimension }));
  for (const d of dimensionIds)
    if (!values.ratings[d]) issues.push({ path: ["ratings", d], message: CHECKIN_MESSAGES.rating });
  if (!issues.length && !dimensionIds.some((d) => values.ratings[d] !== "na"))
    issues.push({ path: ["ratings"], message: CHECKIN_MESSAGES.noRating });
  if (!values.overall) issues.push({ path: ["overall"], message: CHECKIN_MESSAGES.overall });
  if (!values.wouldHireAgain) issues.push({ path: ["wouldHireAgain"], message: CHECKIN_MESSAGES.wouldHireAgain });
  return issues;
}

/** The schema with the rules, for one role's dimensions (the form's resolver and the server alike). */
export const checkInSchemaFor = (dimensionIds: readonly string[]) =>
  checkInValuesSchema.check(
    z.superRefine((v, ctx) => {
      for (const i of checkInIssues(v, dimensionIds))
        ctx.addIssue({ code: "custom", path: i.path, message: i.message });
    }),
  );

export const emptyCheckIn = (dimensionIds: readonly string[]): CheckInValues => ({
  ratings: Object.fromEntries(dimensionIds.map((d) => [d, ""])),
  overall: "",
  wouldHireAgain: "",
});
