// Quality of hire (docs/decisions/079-quality-of-hire.md): when a hire's check-ins are due, and how
// the interview scores of a role's hires relate to how they turned out. Pure; clock injected.
import { roundWeight } from "./weights";

const DAY_MS = 86_400_000;

/** Check-in periods when CHECKIN_DAYS is not set: about a quarter and a year after the hire. */
export const DEFAULT_CHECKIN_DAYS = [90, 365] as const;

/**
 * "90,365" → [90, 365]: whole days from 1 to 3650, distinct, ascending; null when the text is not
 * such a list (the environment check refuses it).
 */
export function parseCheckInDays(text: string): number[] | null {
  const parts = text.split(",").map((p) => p.trim());
  if (!parts.length || parts.some((p) => !/^\d{1,4}$/.test(p))) return null;
  const days = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  return days.every((d) => d >= 1 && d <= 3650) && days.length <= 10 ? days : null;
}

/** A decision as the hire date reads it. */
export type DecisionRow = { id: string; outcome: string; createdAt: Date };

/**
 * When the candidate was hired, by the decisions as they stand: the current (newest) decision must
 * be Hire, and the hire dates from the first Hire of the run of Hires that ends with it — so a
 * revised rationale (Hire again) does not move the check-ins, while Hire → Hold → Hire starts
 * again. Null when the current decision is not Hire. `decisions` in any order.
 */
export function hiredAt(decisions: readonly DecisionRow[]): { decisionId: string; at: Date } | null {
  const newestFirst = [...decisions].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  let first: DecisionRow | null = null;
  for (const d of newestFirst) {
    if (d.outcome !== "hire") break;
    first = d;
  }
  return first ? { decisionId: first.id, at: first.createdAt } : null;
}

/** The check-in for `days` is due this long after the hire. */
export const checkInDueAt = (hired: Date, days: number) => new Date(hired.getTime() + days * DAY_MS);

/** The periods whose check-in has come by `now` (due at exactly now, too). */
export const duePeriods = (hired: Date, periods: readonly number[], now: Date) =>
  periods.filter((d) => checkInDueAt(hired, d).getTime() <= now.getTime());

/**
 * A check-in is reminded (e-mail and notice) from its due date for this many days; after that the
 * moment it asks about is long past, and the page still takes it from a link. It also bounds what
 * the worker and the notice read: hires of the last longest period plus this window.
 */
export const CHECKIN_WINDOW_DAYS = 60;

/** The due periods still within their reminder window at `now`. */
export const openPeriods = (hired: Date, periods: readonly number[], now: Date) =>
  duePeriods(hired, periods, now).filter((d) => now.getTime() < checkInDueAt(hired, d + CHECKIN_WINDOW_DAYS).getTime());

/** The oldest Hire decision that can still have a check-in in its window, and the newest one due. */
export function hireWindow(periods: readonly number[], now: Date): { from: Date; to: Date } | null {
  if (!periods.length) return null;
  const max = Math.max(...periods);
  const min = Math.min(...periods);
  return {
    from: new Date(now.getTime() - (max + CHECKIN_WINDOW_DAYS) * DAY_MS),
    to: new Date(now.getTime() - min * DAY_MS),
  };
}

// ---- the report ----------------------------------------------------------------------------

/**
 * Fewest pairs before a correlation is shown. With 10 pairs the 95% interval of r = 0.3 runs from
 * −0.41 to 0.78: already almost uninformative; below it the figure would mostly be noise read as
 * a finding (docs/decisions/079).
 */
export const MIN_PAIRS = 10;

/** Pearson's r of paired values; null when fewer than 2 pairs or either side does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * The 95% interval of a correlation by Fisher's z: z = atanh(r), se = 1/√(n−3), tanh(z ± 1.96·se).
 * Null below 4 pairs (no standard error). r = ±1 gives [r, r].
 */
export function fisherInterval(r: number, n: number): { low: number; high: number } | null {
  if (n < 4) return null;
  if (Math.abs(r) >= 1) return { low: r, high: r };
  const z = Math.atanh(r);
  const se = 1 / Math.sqrt(n - 3);
  return { low: Math.tanh(z - 1.96 * se), high: Math.tanh(z + 1.96 * se) };
}

/** One correlation as the report shows it: the figure only from MIN_PAIRS pairs. */
export type Correlation =
  | { n: number; shown: true; r: number; low: number; high: number }
  | { n: number; shown: false; needed: number; reason: "too few pairs" | "no variation" };

export function correlation(pairs: readonly (readonly [number, number])[]): Correlation {
  const n = pairs.length;
  if (n < MIN_PAIRS) return { n, shown: false, needed: MIN_PAIRS, reason: "too few pairs" };
  const r = pearson(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
  if (r === null) return { n, shown: false, needed: MIN_PAIRS, reason: "no variation" };
  const ci = fisherInterval(r, n)!;
  return { n, shown: true, r, ...ci };
}

/** Always shown beside the correlations: only hires have outcomes (Hunter & Schmidt 2004). */
export const RANGE_RESTRICTION_WARNING =
  "Only hired candidates have check-ins, so these correlations are computed on a group the interviews already selected: their interview scores vary less than all candidates' do, and that alone makes r understate how well the interviews predict (range restriction; Hunter & Schmidt, Methods of Meta-Analysis, 2004). Nothing here is corrected for it, and nothing changes a weight by itself.";

/** A hire with a check-in, as the report reads it. */
export type CheckInCase = {
  /** the candidate's interview mean per dimension key (the stored per-dimension sums), when rated */
  interview: Record<string, number | undefined>;
  /** the headline weighted score S, when there is one */
  score: number | null;
  /** the check-in's rating per dimension key: 1..5, or undefined when Not assessed */
  outcome: Record<string, number | undefined>;
  overall: number;
  wouldHireAgain: boolean;
};

export type DimensionRow = { key: string; name: string; weight: number; correlation: Correlation };

export type PeriodReport = {
  periodDays: number;
  checkIns: number;
  wouldHireAgain: number;
  dimensions: DimensionRow[];
  /** weighted score S against the overall rating */
  overall: Correlation;
  suggestion: WeightSuggestion | null;
};

/** Per dimension (in the role's order) and overall, the pairs present on both sides. */
export function periodReport(
  periodDays: number,
  dims: readonly { key: string; name: string; weight: number }[],
  cases: readonly CheckInCase[],
): PeriodReport {
  const dimensions = dims.map((d) => {
    const pairs: [number, number][] = [];
    for (const c of cases) {
      const x = c.interview[d.key];
      const y = c.outcome[d.key];
      if (x !== undefined && y !== undefined) pairs.push([x, y]);
    }
    return { ...d, correlation: correlation(pairs) };
  });
  const overallPairs = cases.flatMap((c) => (c.score === null ? [] : [[c.score, c.overall] as [number, number]]));
  return {
    periodDays,
    checkIns: cases.length,
    wouldHireAgain: cases.filter((c) => c.wouldHireAgain).length,
    dimensions,
    overall: correlation(overallPairs),
    suggestion: suggestWeights(dimensions),
  };
}

export type WeightSuggestion = { weights: { key: string; name: string; current: number; suggested: number }[] };

/**
 * A suggestion only, for an admin to apply by saving a new version (docs/decisions/079): the
 * dimensions with a shown, positive r share the weight they hold now half as now and half in
 * proportion to r; the others keep theirs, so the total stays 100. Rounded to the editor's
 * hundredths, the remainder on the largest. Null when no dimension qualifies.
 */
export function suggestWeights(rows: readonly DimensionRow[]): WeightSuggestion | null {
  const validity = rows.map((d) => (d.correlation.shown && d.correlation.r > 0 ? d.correlation.r : 0));
  const total = validity.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const held = rows.reduce((a, d, i) => a + (validity[i] > 0 ? d.weight : 0), 0);
  const suggested = rows.map((d, i) =>
    validity[i] > 0 ? roundWeight(0.5 * d.weight + 0.5 * held * (validity[i] / total)) : d.weight,
  );
  const current = rows.reduce((a, d) => a + d.weight, 0);
  const gap = roundWeight(current - suggested.reduce((a, b) => a + b, 0));
  if (gap !== 0) {
    const largest = suggested.indexOf(Math.max(...suggested.filter((_, i) => validity[i] > 0)));
    suggested[largest] = roundWeight(suggested[largest] + gap);
  }
  return {
    weights: rows.map((d, i) => ({ key: d.key, name: d.name, current: d.weight, suggested: suggested[i] })),
  };
}

/** How a correlation reads in a sentence: "r = 0.42 (95% CI 0.01 to 0.71), n = 23" or "n = 4 of 10 needed". */
export function correlationText(c: Correlation): string {
  if (!c.shown)
    return c.reason === "no variation"
      ? `n = ${c.n}: the ratings do not vary, so there is no correlation to show`
      : `n = ${c.n} of ${c.needed} needed`;
  const f = (x: number) => x.toFixed(2).replace("-", "−");
  return `r = ${f(c.r)} (95% CI ${f(c.low)} to ${f(c.high)}), n = ${c.n}`;
}

/** A correlation flat, for the API and the CSV: r and its bounds null when not shown. */
export const correlationFigures = (c: Correlation) => ({
  n: c.n,
  needed: MIN_PAIRS,
  r: c.shown ? c.r : null,
  low: c.shown ? c.low : null,
  high: c.shown ? c.high : null,
  text: correlationText(c),
});

/**
 * The role editor's ?weights= (a suggestion carried to the editor, never saved by itself): n
 * comma-separated percentages in hundredths that sum to 100, else null (the editor then opens
 * with the version's own weights).
 */
export function parseWeightsParam(text: string | undefined, n: number): number[] | null {
  if (!text || text.length > 20 * n + 20) return null;
  const parts = text.split(",");
  if (parts.length !== n || parts.some((p) => !/^\d{1,3}(\.\d{1,2})?$/.test(p))) return null;
  const weights = parts.map(Number);
  if (weights.some((w) => w > 100)) return null;
  return Math.abs(weights.reduce((a, b) => a + b, 0) - 100) <= 0.01 ? weights : null;
}

/** The editor's address with the suggested weights filled in, in the role's dimension order. */
export const suggestionHref = (slug: string, s: WeightSuggestion, periodDays: number) =>
  `/roles/${encodeURIComponent(slug)}/edit?weights=${s.weights.map((w) => w.suggested).join(",")}&from=${periodDays}`;
