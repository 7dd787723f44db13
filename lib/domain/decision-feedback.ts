// How it ended (docs/decisions/077-how-it-ended.md): an interviewer's own overall recommendation
// against the hiring decision finally recorded, and how often an interviewer's recommendations
// agree with final decisions, with its uncertainty. Pure.
import type { DecisionOutcome, OverallRecommendation } from "./vocabulary";

export type Agreement = "agreed" | "differed" | null;

/**
 * Yes and Strong yes agree with Hire, No and Strong no with No hire; the other way round they
 * differ. A Hold decides nothing, and No decision recommends nothing: neither counts (null).
 */
export function agreementWith(
  outcome: DecisionOutcome | string,
  recommendation: OverallRecommendation | string | null,
): Agreement {
  const forHire = recommendation === "yes" || recommendation === "strong-yes";
  const against = recommendation === "no" || recommendation === "strong-no";
  if (!forHire && !against) return null;
  if (outcome === "hire") return forHire ? "agreed" : "differed";
  if (outcome === "no-hire") return against ? "agreed" : "differed";
  return null;
}

export type AgreementRate = {
  agreed: number;
  n: number;
  /** agreed / n; null when n is 0 */
  rate: number | null;
  /** the Wilson score interval at 95% (Newcombe 1998, method 3): sound for small n and rates near 0 or 1 */
  low: number | null;
  high: number | null;
};

const Z95 = 1.959963984540054;

/** Wilson's score interval for agreed of n at 95%. */
export function wilsonInterval(agreed: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = agreed / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Tally of agreements, ignoring what does not count (null). */
export function agreementRate(items: readonly Agreement[]): AgreementRate {
  const counted = items.filter((a) => a !== null);
  const agreed = counted.filter((a) => a === "agreed").length;
  const n = counted.length;
  const ci = wilsonInterval(agreed, n);
  return { agreed, n, rate: n ? agreed / n : null, low: ci?.low ?? null, high: ci?.high ?? null };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "7 of 9 (78%; 45–94%)", or "no final decisions yet". */
export function formatAgreementRate(r: AgreementRate): string {
  if (!r.n || r.rate === null) return "no final decisions yet";
  return `${r.agreed} of ${r.n} (${pct(r.rate)}; ${Math.round(r.low! * 100)}–${pct(r.high!)})`;
}
