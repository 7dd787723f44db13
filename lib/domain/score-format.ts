// How scores and coverage are written for people: one home, used by the engine (scoreText), the
// recommendation rule's text, pages and CSVs (docs/product.md "Recommendation rules").
import { decimalFraction, roundHalfUp } from "./exact";

/**
 * Two decimals, half up on the decimal the number is written as (4.225 → "4.23", where toFixed
 * gives "4.22"). Exact for a mean of integer ratings (one correctly rounded division recovers its
 * decimal); a weighted score is shown from its exact fraction instead (scoreText). Calibrated
 * scores have no short exact form (least-squares offsets): they get this, half up on the float.
 */
export const formatScore = (s: number | null) => (s === null ? "—" : roundHalfUp(decimalFraction(s)));
/** 0.6 → "60%", 0.625 → "62.5%" (one decimal at most) */
export const formatCoverage = (c: number) => `${Math.round(c * 1000) / 10}%`;
