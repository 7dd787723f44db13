// Evidence nudges (README "Submitting a scorecard"): what an interviewer is asked to look at again
// before submitting. Nudges, never blocks: the submit rules live in lib/validations/scorecard.ts.
// Pure: the scorecard's values and the template's dimensions in, a list of nudges out.
//
// Two kinds of nudge:
// - an extreme rating (1, 2 or 5) without evidence that backs it. "Without" means empty after
//   trimming; evidence shorter than MIN_EVIDENCE_CHARS (after trimming and collapsing runs of
//   spaces) is flagged too, as too short: "Fine." or "good" cannot back a 1 or a 5, while three or
//   four words ("Rolled back first.") can start to. A rough line on purpose: nudges cost one
//   extra click, so the rule stays simple and predictable rather than clever.
// - an overall recommendation that contradicts this scorecard's own weighted score S (the formula
//   of docs/product.md "Recommendation rules" over the dimensions this scorecard rates 1–5,
//   computed by lib/domain/scoring.ts as if it were the candidate's only submitted scorecard). The
//   lines are the recommendation thresholds: Yes or Strong yes with S below Lean no hire's 2.50
//   (the No hire band); Strong yes below Hire's 3.25; No or Strong no at Strong hire's 4.00 or
//   more; Strong no at 3.25 or more. At most one such nudge, the first that applies in that order.
//   None when nothing is rated or the recommendation is No decision or not chosen.
//   A red flag ticked on this scorecard counts in both directions, as it does in the rules (any
//   red flag → No hire): Yes or Strong yes with a red flag is a contradiction whatever the
//   ratings, and No or Strong no with a red flag is consistent whatever the ratings.
import { atLeast } from "./recommendation";
import { DEFAULT_THRESHOLDS, scoreCandidate, type Thresholds } from "./scoring";
import { formatScore } from "./score-format";
import { OVERALL_RECOMMENDATION_LABELS, type OverallRecommendation } from "./vocabulary";

/** Evidence shorter than this (trimmed, runs of whitespace counted once) is too short for an extreme rating. */
export const MIN_EVIDENCE_CHARS = 15;
/** The ratings that need evidence most: the ones that move a candidate's score furthest from the bar. */
export const EXTREME_RATINGS = [1, 2, 5] as const;

/** The scorecard as the form holds it (structurally ScorecardValues). */
export type NudgeDraft = {
  /** score: "" not rated, "na" Not assessed, "1"–"5" */
  ratings: Record<string, { score: string; evidence: string }>;
  /** "" when none is chosen yet */
  recommendation: OverallRecommendation | "";
  /** the template's red flags by id, ticked or not (absent: none ticked) */
  redFlags?: Record<string, { observed: boolean }>;
};
export type NudgeDimension = { id: string; name: string; weight: number };

export type Nudge =
  | { kind: "missing-evidence" | "thin-evidence"; dimensionId: string; rating: number; message: string }
  | {
      kind: "contradiction";
      dimensionId: null;
      /** this scorecard's weighted score; null when it rates nothing 1–5 (a red flag alone) */
      score: number | null;
      recommendation: OverallRecommendation;
      message: string;
    };

const evidenceLength = (evidence: string) => evidence.trim().replace(/\s+/g, " ").length;

/** 1, 2 or 5 for an extreme score, else null ("3", "na", ""). */
function extreme(score: string): number | null {
  const n = Number(score);
  return score !== "" && (EXTREME_RATINGS as readonly number[]).includes(n) ? n : null;
}

/**
 * The evidence problem with one rating, or null: "missing" (no evidence at all) or "thin"
 * (shorter than MIN_EVIDENCE_CHARS) for a 1, 2 or 5; never for 3, 4, Not assessed or unrated.
 */
export function evidenceGap(score: string, evidence: string): "missing" | "thin" | null {
  if (extreme(score) === null) return null;
  const length = evidenceLength(evidence);
  return length === 0 ? "missing" : length < MIN_EVIDENCE_CHARS ? "thin" : null;
}

/** The quiet hint shown under the evidence box while filling in, or null. */
export function evidenceHint(score: string, evidence: string): string | null {
  const gap = evidenceGap(score, evidence);
  if (!gap) return null;
  return gap === "missing"
    ? `A rating of ${score} needs evidence: say what you saw.`
    : `A rating of ${score} needs more than a few words of evidence: say what you saw.`;
}

/** This scorecard's own weighted score S (1.00–5.00, unrounded), or null when it rates nothing 1–5. */
export function scorecardScore(
  draft: NudgeDraft,
  dimensions: readonly NudgeDimension[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): number | null {
  const ratings = dimensions.flatMap((d) => {
    const score = draft.ratings[d.id]?.score ?? "";
    const n = Number(score);
    return score !== "" && score !== "na" && Number.isInteger(n) && n >= 1 && n <= 5
      ? [{ dimensionId: d.id, rating: n }]
      : [];
  });
  const result = scoreCandidate(
    { dimensions: dimensions.map((d) => ({ ...d, weightOrigin: "source" })), exercises: [], redFlags: [], thresholds },
    // scored as if it were the only submitted scorecard: the candidate formula over one card
    [
      {
        id: "draft",
        status: "submitted",
        interviewerId: "",
        interviewerName: "",
        recommendation: null,
        ratings,
        redFlags: [],
      },
    ],
  );
  return result.score;
}

const below = (value: number, min: number) => !atLeast(value, min);

function contradiction(
  recommendation: NudgeDraft["recommendation"],
  s: number | null,
  redFlagRaised: boolean,
  t: Thresholds,
): string | null {
  if (!recommendation || recommendation === "no-decision") return null;
  const said = OVERALL_RECOMMENDATION_LABELS[recommendation];
  const positive = recommendation === "yes" || recommendation === "strong-yes";
  const negative = recommendation === "no" || recommendation === "strong-no";
  if (redFlagRaised) {
    return positive
      ? `You recommend ${said}, but you ticked a red flag on this scorecard, and a red flag makes the recommendation No hire.`
      : null; // No or Strong no: the red flag backs it, whatever the ratings
  }
  if (s === null) return null;
  const score = formatScore(s);
  if (positive && below(s, t.leanNoHireMin))
    return `You recommend ${said}, but the ratings on this scorecard give a weighted score of ${score}, below ${t.leanNoHireMin.toFixed(2)} (the No hire range).`;
  if (recommendation === "strong-yes" && below(s, t.hireMin))
    return `You recommend Strong yes, but the ratings on this scorecard give a weighted score of ${score}, below the ${t.hireMin.toFixed(2)} a Hire needs.`;
  if (negative && atLeast(s, t.strongHireMin))
    return `You recommend ${said}, but the ratings on this scorecard give a weighted score of ${score}, at least ${t.strongHireMin.toFixed(2)} (the Strong hire range).`;
  if (recommendation === "strong-no" && atLeast(s, t.hireMin))
    return `You recommend Strong no, but the ratings on this scorecard give a weighted score of ${score}, at least the ${t.hireMin.toFixed(2)} of a Hire.`;
  return null;
}

/**
 * Every nudge for this scorecard, in the order of `dimensions` (pass them in form order), then
 * the contradiction nudge if any. An empty list means: submit straight away.
 */
export function scorecardNudges(
  draft: NudgeDraft,
  dimensions: readonly NudgeDimension[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Nudge[] {
  const out: Nudge[] = [];
  for (const d of dimensions) {
    const entry = draft.ratings[d.id];
    if (!entry) continue;
    const gap = evidenceGap(entry.score, entry.evidence);
    if (!gap) continue;
    const rating = Number(entry.score);
    out.push({
      kind: gap === "missing" ? "missing-evidence" : "thin-evidence",
      dimensionId: d.id,
      rating,
      message:
        gap === "missing"
          ? `${d.name} is rated ${rating} with no evidence: say what the candidate said or did.`
          : `${d.name} is rated ${rating}, but its evidence is too short to back an extreme rating.`,
    });
  }
  const s = scorecardScore(draft, dimensions, thresholds);
  const redFlagRaised = Object.values(draft.redFlags ?? {}).some((f) => f.observed);
  const message = contradiction(draft.recommendation, s, redFlagRaised, thresholds);
  if (message && draft.recommendation)
    out.push({ kind: "contradiction", dimensionId: null, score: s, recommendation: draft.recommendation, message });
  return out;
}
