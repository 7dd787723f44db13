// A candidate's weighted score as an exact fraction (docs/decisions/004 "Exact display"): what the
// thresholds compare and the two-decimal display rounds, so 4.225 is never shown as "4.22". Pure.
import { decimalFraction, gcd, type Fraction } from "./exact";

/** A dimension's weight and its ratings in sums (docs/decisions/061); `whole`: every rating an integer. */
export type DimensionSums = { weight: number; count: number; sum: number; whole: boolean };

/** The score and the rated weight (percent) as fractions of integers. */
export type ExactScore = { score: Fraction; ratedWeight: Fraction };

/**
 * The exact score Σ w·(Σ ratings / n) / Σ w as one fraction of integers, and the rated weight
 * (percent), when every rating is an integer (raw ratings). Weights are taken as the decimals they
 * are written as and brought to one power-of-ten denominator; the rating counts to their least
 * common multiple. Null when nothing is rated or a rating is fractional (calibrated).
 */
export function exactScore(
  dimensions: readonly ({ weight: number; ratings: readonly number[] } | DimensionSums)[],
): ExactScore | null {
  const rated = dimensions
    .map((d): DimensionSums =>
      "ratings" in d
        ? {
            weight: d.weight,
            count: d.ratings.length,
            sum: d.ratings.reduce((a, b) => a + b, 0),
            whole: d.ratings.every(Number.isInteger),
          }
        : d,
    )
    .filter((d) => d.count > 0);
  if (rated.length === 0 || !rated.every((d) => d.whole)) return null;
  const weights = rated.map((d) => decimalFraction(d.weight));
  const scale = weights.reduce((m, w) => (w.d > m ? w.d : m), 1n);
  const sums = rated.map((d) => d.sum);
  const counts = rated.map((d) => d.count);
  // usually every term is a safe integer: the same sums in plain numbers are exact, and faster
  const fast = exactInNumbers(weights, Number(scale), sums, counts);
  if (fast) return fast;
  const big = counts.map(BigInt);
  const lcm = big.reduce((l, c) => (l / gcd(l, c)) * c, 1n);
  let num = 0n;
  let totalWeight = 0n;
  rated.forEach((_, i) => {
    const w = weights[i].n * (scale / weights[i].d);
    num += w * BigInt(sums[i]) * (lcm / big[i]);
    totalWeight += w;
  });
  if (totalWeight <= 0n) return null;
  return { score: { n: num, d: lcm * totalWeight }, ratedWeight: { n: totalWeight, d: scale } };
}

function exactInNumbers(weights: Fraction[], scale: number, sums: number[], counts: number[]): ExactScore | null {
  if (!Number.isSafeInteger(scale)) return null;
  let lcm = 1;
  for (const c of counts) {
    let [a, b] = [lcm, c];
    while (b) [a, b] = [b, a % b];
    lcm = (lcm / a) * c;
  }
  let num = 0;
  let totalWeight = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = Number(weights[i].n) * (scale / Number(weights[i].d));
    num += w * sums[i] * (lcm / counts[i]);
    totalWeight += w;
  }
  const den = lcm * totalWeight;
  // every term and partial sum is a non-negative integer below the final ones: all exact if these are safe
  if (
    !(totalWeight > 0) ||
    !Number.isSafeInteger(num) ||
    !Number.isSafeInteger(den) ||
    !Number.isSafeInteger(totalWeight)
  )
    return null;
  return { score: { n: BigInt(num), d: BigInt(den) }, ratedWeight: { n: BigInt(totalWeight), d: BigInt(scale) } };
}
