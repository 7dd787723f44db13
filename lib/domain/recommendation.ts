// The recommendation rules (docs/product.md "Recommendation rules", docs/decisions/004): from the
// coverage, the score and the red flags to one recommendation, with the rule that decided in words.
// Pure.
import { compareFractions, decimalFraction, roundHalfUp, type Fraction } from "./exact";
import type { ExactScore } from "./exact-score";
import type { CandidateScore, Thresholds } from "./scoring";
import { formatCoverage, formatScore } from "./score-format";
import { belowCapNote, cappedText, flagCaps, type RaisedFlag } from "./red-flag-cap";

/**
 * Floating-point sums of decimal weights (e.g. 12.5 + 20 + 27.5) can land a hair below the exact
 * value. On raw ratings thresholds compare the exact fraction; this tolerance is for the scores
 * that have none (calibrated ratings, callers of decide() with plain numbers). Thresholds always
 * compare the unrounded score, never the two-decimal display.
 */
export const EPSILON = 1e-9;
export const atLeast = (value: number, min: number) => value >= min - EPSILON;

/** value ≥ min, exactly when the value is a fraction, else with the float tolerance */
function reaches(value: number, exact: Fraction | undefined, min: number): boolean {
  return exact ? compareFractions(exact, decimalFraction(min)) >= 0 : atLeast(value, min);
}

/** The recommendation rules (docs/decisions/004): the first rule that applies. `exact` (from exactScore) makes the comparisons exact. */
export function decide(input: {
  coverage: number;
  score: number | null;
  /** the red flags raised on submitted scorecards, with who raised them */
  redFlags: readonly RaisedFlag[];
  thresholds: Thresholds;
  missing?: string[];
  exact?: ExactScore | null;
}): Pick<CandidateScore, "recommendation" | "rule"> {
  const { coverage, score, thresholds: t } = input;
  const exact = input.exact ?? undefined;
  const cov = formatCoverage(coverage);
  const exactCoverage = exact ? { n: exact.ratedWeight.n, d: exact.ratedWeight.d * 100n } : undefined;
  if (score === null || !reaches(coverage, exactCoverage, t.minCoverage)) {
    const missing = input.missing?.length ? ` Missing: ${input.missing.join(", ")}.` : "";
    return {
      recommendation: "insufficient-evidence",
      rule: {
        id: "coverage",
        text: `Coverage ${cov} is below the ${formatCoverage(t.minCoverage)} needed for a recommendation.${missing}`,
      },
    };
  }
  // a red flag caps only when enough different interviewers raised it (docs/decisions/058)
  const raised = input.redFlags.filter((f) => f.raisedBy.length > 0);
  const capping = raised.filter((f) => flagCaps(f, t.redFlagMinInterviewers));
  if (capping.length) {
    return {
      recommendation: "no-hire-red-flag",
      rule: { id: "red-flag", text: cappedText(capping, t.redFlagMinInterviewers) },
    };
  }
  const note = belowCapNote(raised.length, t.redFlagMinInterviewers);
  const s = exact ? roundHalfUp(exact.score) : formatScore(score);
  const at = (min: number) => reaches(score, exact?.score, min);
  if (at(t.strongHireMin))
    return {
      recommendation: "strong-hire",
      rule: { id: "strong-hire", text: `Score ${s} is at least ${t.strongHireMin.toFixed(2)}.${note}` },
    };
  if (at(t.hireMin))
    return {
      recommendation: "hire",
      rule: {
        id: "hire",
        text: `Score ${s} is at least ${t.hireMin.toFixed(2)} and below ${t.strongHireMin.toFixed(2)}.${note}`,
      },
    };
  if (at(t.leanNoHireMin))
    return {
      recommendation: "lean-no-hire",
      rule: {
        id: "lean-no-hire",
        text: `Score ${s} is at least ${t.leanNoHireMin.toFixed(2)} and below ${t.hireMin.toFixed(2)}.${note}`,
      },
    };
  return {
    recommendation: "no-hire",
    rule: { id: "no-hire", text: `Score ${s} is below ${t.leanNoHireMin.toFixed(2)}.${note}` },
  };
}
