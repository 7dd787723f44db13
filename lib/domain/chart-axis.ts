// Axes for the app's charts: every value drawn inside the axis, with room to spare, so no mark
// is ever clipped at an edge (docs/decisions/055-charts-that-fit-a-phone.md). Pure.

/**
 * A symmetric axis around 0 (differences, where 0 means "the same"): ±extent holds the largest
 * magnitude plus `margin`, at least ±`minimum`, on a whole number of ticks (0.5 apart up to ±2,
 * then 1 apart).
 */
export function symmetricAxis(
  values: readonly number[],
  { minimum = 1.5, margin = 0.1 }: { minimum?: number; margin?: number } = {},
): { extent: number; ticks: number[] } {
  const largest = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs));
  const need = Math.max(minimum, largest + margin);
  const step = need > 2 ? 1 : 0.5;
  const extent = Math.ceil(need / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = -Math.round(extent / step); i <= Math.round(extent / step); i++) ticks.push(i * step);
  return { extent, ticks };
}

/** Where v sits on a symmetric axis, as a percentage of its width (0 at 50%). */
export const axisPercent = (v: number, extent: number) =>
  ((Math.max(-extent, Math.min(extent, v)) + extent) / (2 * extent)) * 100;
