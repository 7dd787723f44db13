// The quality-of-hire report as CSV (docs/decisions/079-quality-of-hire.md): a row per period and
// measure, r and its bounds empty below the minimum n, as on the page. Pure.
import { correlationFigures, type PeriodReport } from "./quality-of-hire";

export const QUALITY_OF_HIRE_CSV_HEADER = [
  "period_days",
  "measure",
  "weight",
  "n",
  "n_needed",
  "r",
  "ci95_low",
  "ci95_high",
  "suggested_weight",
  "check_ins",
  "would_hire_again",
] as const;

const round = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

export function qualityOfHireCsvRows(periods: readonly PeriodReport[]) {
  return periods.flatMap((p) => {
    const suggested = new Map(p.suggestion?.weights.map((w) => [w.key, w.suggested]) ?? []);
    const row = (
      measure: string,
      weight: number | null,
      c: PeriodReport["overall"],
      suggestedWeight: number | null,
    ) => {
      const f = correlationFigures(c);
      return [
        p.periodDays,
        measure,
        weight,
        f.n,
        f.needed,
        round(f.r),
        round(f.low),
        round(f.high),
        suggestedWeight,
        p.checkIns,
        p.wouldHireAgain,
      ];
    };
    return [
      ...p.dimensions.map((d) => row(d.name, d.weight, d.correlation, suggested.get(d.key) ?? null)),
      row("Weighted score vs overall rating", null, p.overall, null),
    ];
  });
}
