// When a red flag caps the recommendation (docs/decisions/058-red-flag-cap-needs-n-interviewers.md):
// when at least N distinct interviewers raised that same flag (N = 1 by default: any red flag).
// Flags raised by fewer stay on the summary as evidence but do not cap. Pure; the words here are
// the only home of the rule's wording, shown by the engine, the role page and the role editor.

/** A raised flag as the engine reads it: its text and who raised it. */
export type RaisedFlag = { text: string; raisedBy: readonly { interviewerId: string }[] };

/** How many different interviewers raised the flag (one interviewer's cards count once). */
export const interviewerCount = (f: Pick<RaisedFlag, "raisedBy">) =>
  new Set(f.raisedBy.map((r) => r.interviewerId)).size;

/** The flag caps when raised by at least `min` different interviewers. */
export const flagCaps = (f: Pick<RaisedFlag, "raisedBy">, min: number) =>
  f.raisedBy.length > 0 && interviewerCount(f) >= min;

const interviewers = (n: number) => `${n} interviewer${n === 1 ? "" : "s"}`;

/** The role's rule in words, for the role page and the role editor. */
export function redFlagRuleText(min: number): string {
  return min <= 1
    ? "Any red flag caps the recommendation at No hire (red flag)."
    : `A red flag caps the recommendation at No hire (red flag) when raised by at least ${interviewers(min)}.`;
}

/** The red-flag rule's text when it decides: the flags that cap, and why. */
export function cappedText(capping: readonly RaisedFlag[], min: number): string {
  const n = capping.length;
  // N = 1 keeps the words the recommendation rules have always used (docs/product.md)
  if (min <= 1) return `${n} red flag${n === 1 ? " was" : "s were"} observed on a submitted scorecard.`;
  const raised = capping.map((f) => `“${f.text}” was raised by ${interviewers(interviewerCount(f))}`).join("; ");
  return `${raised}; a red flag caps the recommendation when raised by at least ${min}.`;
}

/** Appended to the deciding score rule when flags were raised but too few interviewers raised each. */
export function belowCapNote(below: number, min: number): string {
  if (!below) return "";
  return below === 1
    ? ` 1 red flag was raised by fewer than ${min} interviewers, so it does not cap the recommendation.`
    : ` ${below} red flags were raised by fewer than ${min} interviewers, so they do not cap the recommendation.`;
}

/**
 * Beside one raised flag on the summary, when the role needs more than one interviewer: whether
 * it caps, and why. Nothing when any red flag caps (N = 1), where the rule text says it all.
 */
export function flagCapStatus(f: Pick<RaisedFlag, "raisedBy">, min: number): string | null {
  if (min <= 1) return null;
  const n = interviewerCount(f);
  return flagCaps(f, min)
    ? `Caps the recommendation: raised by ${interviewers(n)}; this role needs ${min}.`
    : `Does not cap the recommendation: raised by ${interviewers(n)}; this role needs ${min}.`;
}
