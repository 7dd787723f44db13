// When a scorecard may be submitted (docs/product.md "Scorecards and drafts";
// docs/decisions/043-submit-from-the-interviews-start.md): drafting is open at any time (notes
// during the interview, or before it), submitting only from the interview's planned start, less a
// short grace for an interview that begins a little early. Pure; clock injected.

/** Submitting opens this long before the planned start. */
export const SUBMIT_GRACE_MS = 5 * 60_000;

export const NOT_STARTED_MESSAGE =
  "This interview has not started yet, so its scorecard cannot be submitted. Your notes are kept as a draft; submit after the interview.";

/** The first moment a scorecard of an interview planned at `scheduledAt` may be submitted. */
export function submitOpensAt(scheduledAt: Date): Date {
  return new Date(scheduledAt.getTime() - SUBMIT_GRACE_MS);
}

export function canSubmitYet(scheduledAt: Date, now: Date): boolean {
  return now.getTime() >= submitOpensAt(scheduledAt).getTime();
}
