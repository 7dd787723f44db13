// Dimension weights are percentages that sum to 100 over a template's dimensions (docs/product.md
// "Rating scales").
import type { WeightOrigin } from "./vocabulary";

export const WEIGHT_TOLERANCE = 0.01;

export function roundWeight(w: number): number {
  return Math.round(w * 100) / 100;
}

/** 100 / n for each dimension, to two decimals, with the rounding remainder on the last one. */
export function equalSplit(n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new Error("equalSplit needs at least one dimension");
  const each = roundWeight(100 / n);
  const weights = Array.from({ length: n }, () => each);
  weights[n - 1] = roundWeight(100 - each * (n - 1));
  return weights;
}

export function weightTotal(weights: readonly number[]): number {
  return roundWeight(weights.reduce((sum, w) => sum + w, 0));
}

export function sumsTo100(weights: readonly number[]): boolean {
  return Math.abs(weightTotal(weights) - 100) <= WEIGHT_TOLERANCE;
}

/**
 * Weights for a blueprint's dimensions: the source's where it gives all of them, otherwise an
 * equal split marked as the app's default (docs/product.md "Rating scales"; seed/README.md "Choices
 * the app made where the blueprints are silent or irregular").
 */
export function blueprintWeights(given: readonly (number | null)[]): { weight: number; weightOrigin: WeightOrigin }[] {
  if (given.length > 0 && given.every((w): w is number => typeof w === "number")) {
    return given.map((weight) => ({ weight, weightOrigin: "source" }));
  }
  return equalSplit(given.length).map((weight) => ({ weight, weightOrigin: "equal-default" }));
}

/**
 * A weight as people read it, without the "%": whole numbers as they are ("20"), anything else
 * with one decimal ("33.3"), and two where one would round to a whole number and so claim a
 * weight that is not there (99.96 → "99.96", never "100"). Float noise from rescaling (19.9999…)
 * counts as whole. Used for what-if weights, their total and the sensitivity text alike.
 */
export function formatWeight(w: number): string {
  const whole = Math.round(w);
  if (Math.abs(w - whole) < 0.005) return String(whole === 0 ? 0 : whole);
  const one = Math.round(w * 10) / 10;
  return Number.isInteger(one) ? (Math.round(w * 100) / 100).toFixed(2) : one.toFixed(1);
}

/**
 * A template's weight as stored, with its "%": whole numbers as they are ("20%"), anything else to
 * the two decimals a weight is kept to ("16.67%"). Where the template is read as defined (the role
 * page, the scorecard's kit, the summary's Why table); what-if weights use formatWeight.
 */
export function formatTemplateWeight(w: number): string {
  return `${Number.isInteger(w) ? w : w.toFixed(2)}%`;
}
