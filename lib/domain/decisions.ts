// Hiring decisions against the computed recommendation
// (docs/decisions/005-comparison-and-decisions.md). Pure.
import type { Recommendation } from "./scoring";
import type { CandidateStage, DecisionOutcome } from "./vocabulary";

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

/** Where a decision moves the pipeline; Hold leaves the stage where it was without a decision. */
export const DECISION_STAGES: Record<DecisionOutcome, CandidateStage | null> = {
  hire: "offer",
  "no-hire": "rejected",
  hold: null,
};

/**
 * The stage after a decision, and the stage it leaves behind (stored with it, so a revision can
 * undo it) (docs/decisions/052-decisions-move-the-stage.md). A revision starts from the stage the
 * current decision left behind, unless the stage was moved by hand since that decision set it:
 * then the hand-set stage is the one to keep or restore. A Hire never moves a hired candidate back
 * to offer.
 */
export function stageForDecision(
  outcome: DecisionOutcome,
  current: string,
  latest: { stageBefore: string | null; stageAfter: string | null } | null,
): { stageBefore: string; stage: string } {
  const stageBefore = latest?.stageBefore && latest.stageAfter === current ? latest.stageBefore : current;
  const target = DECISION_STAGES[outcome];
  if (!target || (outcome === "hire" && stageBefore === "hired")) return { stageBefore, stage: stageBefore };
  return { stageBefore, stage: target };
}

/** The stages before a decision is due; a candidate past them (offer, hired, rejected, withdrawn) waits on nobody. */
const BEFORE_DECISION: readonly string[] = ["applied", "interviewing", "debrief"] satisfies CandidateStage[];

/**
 * A candidate waiting on the hiring manager: every planned interview's scorecard in, no decision
 * yet, and still in the pipeline before the decision (one moved on by hand, e.g. withdrawn, waits
 * on nobody).
 */
export function awaitsDecision(
  c: { stage: string; loop: { planned: number; submitted: number } },
  decided: boolean,
): boolean {
  return !decided && BEFORE_DECISION.includes(c.stage) && c.loop.planned > 0 && c.loop.submitted === c.loop.planned;
}
