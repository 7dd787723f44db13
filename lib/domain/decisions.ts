// Hiring decisions against the computed recommendation
// (docs/decisions/005-comparison-and-decisions.md). Pure.
import type { Recommendation } from "./scoring";
import type { DecisionOutcome } from "./vocabulary";

export const DECISION_LABELS: Record<DecisionOutcome, string> = { hire: "Hire", "no-hire": "No hire", hold: "Hold" };

const AGAINST: Record<DecisionOutcome, readonly Recommendation[]> = {
  // hiring on anything below Hire, on a red flag, or without enough evidence
  hire: ["lean-no-hire", "no-hire", "no-hire-red-flag", "insufficient-evidence"],
  // turning down someone the panel's numbers say to hire
  "no-hire": ["hire", "strong-hire"],
  // holding is deferring, not deciding against the numbers
  hold: [],
};

/** A decision that goes against the computed recommendation is an override. */
export function isOverride(outcome: DecisionOutcome, recommendation: Recommendation): boolean {
  return AGAINST[outcome].includes(recommendation);
}
