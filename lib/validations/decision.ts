// The hiring manager's decision form, shared by the form (zodResolver) and the route handler,
// which parses it again and adds the override rule with the recommendation it computes itself.
// zod/mini: the same schemas with a much smaller browser bundle (the forms ship them;
// docs/decisions/010-page-weight-and-render-cost.md, "Validation loads when needed").
import { z } from "zod/mini";
import { storable } from "./storable";
import { isOverride } from "../domain/decisions";
import type { Recommendation } from "../domain/scoring";
import { DECISION_OUTCOMES } from "../domain/vocabulary";

export const DECISION_MESSAGES = {
  outcome: "Choose Hire, No hire or Hold",
  rationale: "Write the rationale for this decision (at least 20 characters)",
  overrideReason: "This decision goes against the computed recommendation: say why (at least 20 characters)",
} as const;

export const decisionSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: DECISION_MESSAGES.outcome }),
  rationale: z
    .string()
    .check(
      storable(),
      z.trim(),
      z.minLength(20, DECISION_MESSAGES.rationale),
      z.maxLength(5000, "Keep the rationale under 5,000 characters"),
    ),
  overrideReason: z._default(
    z.string().check(storable(), z.trim(), z.maxLength(5000, "Keep this under 5,000 characters")),
    "",
  ),
  /** the decision the form was based on (null for the first): a revision must build on the latest */
  previousDecisionId: z._default(z.nullable(z.string().check(storable(), z.maxLength(64))), null),
});
export type DecisionInput = z.input<typeof decisionSchema>;

/** The same schema, plus: an override must say why it goes against `recommendation`. */
export function decisionSchemaFor(recommendation: Recommendation) {
  return decisionSchema.check(
    z.superRefine((v, ctx) => {
      if (isOverride(v.outcome, recommendation) && v.overrideReason.length < 20) {
        ctx.addIssue({ code: "custom", path: ["overrideReason"], message: DECISION_MESSAGES.overrideReason });
      }
    }),
  );
}
