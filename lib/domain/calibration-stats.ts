// Calibration analytics per interviewer (docs/decisions/012-calibration.md; README "Interviewer
// calibration"): how many scorecards, how fast, how they rate, how often they leave a dimension Not
// assessed or give No decision, how often they raise a red flag, and a short list of reasons to
// look at this person. Pure: submitted scorecards in, numbers out. Leniency and inter-rater
// agreement are lib/domain/calibration.ts's; the reasons here read its leniency band through a
// structural type, so this file does not depend on it.
import type { OverallRecommendation } from "./vocabulary";

/** A leniency band at least this far from zero (entirely above +0.5 or below −0.5) is a reason to look. */
export const LENIENCY_FLAG_POINTS = 0.5;
/** Not assessed on more than this share of an interviewer's dimension rating rows is a reason to look. */
export const NOT_ASSESSED_FLAG_SHARE = 0.3;
/** No decision on more than this share of an interviewer's submitted scorecards is a reason to look. */
export const NO_DECISION_FLAG_SHARE = 0.3;
/** A median turnaround (interview end → submission) longer than this is a reason to look. */
export const SLOW_TURNAROUND_HOURS = 48;
/**
 * The share and turnaround reasons need at least this many submitted scorecards: one No decision
 * out of one scorecard is 100% and says nothing. (Leniency has its own minimum of shared ratings.)
 */
export const MIN_SCORECARDS_FOR_FLAGS = 5;

/** A submitted scorecard as the statistics read it. */
export type StatsScorecard = {
  raterId: string;
  /** the interview's scheduled end: start + duration */
  interviewEnd: Date;
  submittedAt: Date;
  recommendation: OverallRecommendation | string | null;
  /** red flags observed on it */
  redFlags: number;
  /** the rated rows only: 1–5, or null for Not assessed (rows with neither are not counted) */
  ratings: { dimensionKey: string; rating: number | null }[];
};

/** Counts of 1, 2, 3, 4, 5 (index 0–4) and of Not assessed. */
export type Distribution = { counts: [number, number, number, number, number]; notAssessed: number; total: number };

export type Turnaround = {
  /** scorecards measured (every submitted scorecard) */
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** submitted before the interview's scheduled end: counted as 0 hours (an interview can end early) */
  early: number;
};

export type InterviewerStats = {
  raterId: string;
  submitted: number;
  turnaround: Turnaround;
  overall: Distribution;
  /** per dimension key, in the order first met */
  byDimension: { dimensionKey: string; distribution: Distribution }[];
  /** mean of their 1–5 ratings; null when they gave none */
  meanRating: number | null;
  /** Not assessed / rated rows (1–5 or Not assessed); null without rows */
  notAssessedShare: number | null;
  /** No decision / submitted scorecards */
  noDecisionShare: number | null;
  /** scorecards with at least one red flag / submitted scorecards */
  redFlagShare: number | null;
};

/** What the reasons read of lib/domain/calibration.ts's RaterLeniency. */
export type LeniencyBand = { enough: boolean; meanDiff: number | null; low: number | null; high: number | null };

export type FlagKind = "lenient" | "severe" | "not-assessed" | "no-decision" | "slow";
export type CalibrationFlag = { kind: FlagKind; text: string };

const HOUR = 3_600_000;

export const emptyDistribution = (): Distribution => ({ counts: [0, 0, 0, 0, 0], notAssessed: 0, total: 0 });

function add(d: Distribution, rating: number | null) {
  if (rating === null) d.notAssessed++;
  else if (Number.isInteger(rating) && rating >= 1 && rating <= 5) d.counts[rating - 1]++;
  else return; // not on the scale: not counted
  d.total++;
}

/**
 * The q-quantile (0–1) of values by linear interpolation between the closest ranks (the method
 * of Excel's PERCENTILE.INC and NumPy's default): the median of 1, 2, 3, 10 is 2.5; their 90th
 * percentile is 3 + 0.7 × 7 = 7.9. null for no values.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Hours from the interview's scheduled end to submission; a submission before the end counts as 0. */
export function turnaroundHours(card: Pick<StatsScorecard, "interviewEnd" | "submittedAt">): number {
  return Math.max(0, (card.submittedAt.getTime() - card.interviewEnd.getTime()) / HOUR);
}

const share = (n: number, of: number) => (of > 0 ? n / of : null);

/** Each interviewer's statistics over their submitted scorecards, in the order first met. */
export function interviewerStats(cards: readonly StatsScorecard[]): Map<string, InterviewerStats> {
  type Acc = {
    cards: StatsScorecard[];
    byDim: Map<string, Distribution>;
    overall: Distribution;
    sum: number;
    rated: number;
  };
  const acc = new Map<string, Acc>();
  for (const c of cards) {
    let a = acc.get(c.raterId);
    if (!a) acc.set(c.raterId, (a = { cards: [], byDim: new Map(), overall: emptyDistribution(), sum: 0, rated: 0 }));
    a.cards.push(c);
    for (const r of c.ratings) {
      let d = a.byDim.get(r.dimensionKey);
      if (!d) a.byDim.set(r.dimensionKey, (d = emptyDistribution()));
      const before = a.overall.total;
      add(a.overall, r.rating);
      if (a.overall.total === before) continue;
      add(d, r.rating);
      if (r.rating !== null) {
        a.sum += r.rating;
        a.rated++;
      }
    }
  }
  const out = new Map<string, InterviewerStats>();
  for (const [raterId, a] of acc) {
    const hours = a.cards.map(turnaroundHours);
    const n = a.cards.length;
    out.set(raterId, {
      raterId,
      submitted: n,
      turnaround: {
        count: n,
        medianHours: quantile(hours, 0.5),
        p90Hours: quantile(hours, 0.9),
        early: a.cards.filter((c) => c.submittedAt.getTime() < c.interviewEnd.getTime()).length,
      },
      overall: a.overall,
      byDimension: [...a.byDim]
        .filter(([, d]) => d.total > 0)
        .map(([dimensionKey, distribution]) => ({ dimensionKey, distribution })),
      meanRating: a.rated ? a.sum / a.rated : null,
      notAssessedShare: share(a.overall.notAssessed, a.overall.total),
      noDecisionShare: share(a.cards.filter((c) => c.recommendation === "no-decision").length, n),
      redFlagShare: share(a.cards.filter((c) => c.redFlags > 0).length, n),
    });
  }
  return out;
}

/** "+0.62", "−0.40", "0.00": a signed difference in rating points, with a true minus sign. */
export function formatSigned(v: number): string {
  const r = Math.round(v * 100) / 100;
  if (r === 0) return "0.00";
  return `${r > 0 ? "+" : "−"}${Math.abs(r).toFixed(2)}`;
}

/** 0.305 → "31%" (whole percent). */
export const formatShare = (s: number | null) => (s === null ? "—" : `${Math.round(s * 100)}%`);

/** Under two days in hours ("5.5 h"), then in days ("3.2 days"). */
export function formatHours(h: number | null): string {
  if (h === null) return "—";
  if (h < 48) return `${h < 10 ? h.toFixed(1) : Math.round(h)} h`;
  return `${(h / 24).toFixed(1)} days`;
}

/**
 * Why a recruiter might look at this interviewer, in words, most telling first: a leniency band
 * (with enough shared ratings) entirely beyond ±LENIENCY_FLAG_POINTS; and, with at least
 * MIN_SCORECARDS_FOR_FLAGS submitted scorecards, Not assessed or No decision shares above their
 * thresholds and a median turnaround over SLOW_TURNAROUND_HOURS. Empty when none applies.
 */
export function calibrationFlags(stats: InterviewerStats, leniency?: LeniencyBand | null): CalibrationFlag[] {
  const flags: CalibrationFlag[] = [];
  if (leniency?.enough && leniency.meanDiff !== null && leniency.low !== null && leniency.high !== null) {
    const band = `${formatSigned(leniency.low)} to ${formatSigned(leniency.high)}`;
    if (leniency.low > LENIENCY_FLAG_POINTS) {
      flags.push({
        kind: "lenient",
        text: `Rates higher than co-panelists: ${formatSigned(leniency.meanDiff)} points on average (95% band ${band}).`,
      });
    } else if (leniency.high < -LENIENCY_FLAG_POINTS) {
      flags.push({
        kind: "severe",
        text: `Rates lower than co-panelists: ${formatSigned(leniency.meanDiff)} points on average (95% band ${band}).`,
      });
    }
  }
  if (stats.submitted >= MIN_SCORECARDS_FOR_FLAGS) {
    if (stats.notAssessedShare !== null && stats.notAssessedShare > NOT_ASSESSED_FLAG_SHARE) {
      flags.push({
        kind: "not-assessed",
        text: `Marks ${formatShare(stats.notAssessedShare)} of dimensions Not assessed (${stats.overall.notAssessed} of ${stats.overall.total}).`,
      });
    }
    if (stats.noDecisionShare !== null && stats.noDecisionShare > NO_DECISION_FLAG_SHARE) {
      const n = Math.round(stats.noDecisionShare * stats.submitted);
      flags.push({
        kind: "no-decision",
        text: `Gives No decision on ${formatShare(stats.noDecisionShare)} of scorecards (${n} of ${stats.submitted}).`,
      });
    }
    if (stats.turnaround.medianHours !== null && stats.turnaround.medianHours > SLOW_TURNAROUND_HOURS) {
      flags.push({
        kind: "slow",
        text: `Slow to submit: half of their scorecards take more than ${formatHours(stats.turnaround.medianHours)} after the interview.`,
      });
    }
  }
  return flags;
}

export const CALIBRATION_SORT_KEYS = [
  "flags",
  "name",
  "submitted",
  "turnaround",
  "leniency",
  "not-assessed",
  "no-decision",
  "red-flags",
] as const;
export type CalibrationSortKey = (typeof CALIBRATION_SORT_KEYS)[number];
/** Each column's first direction: names A–Z, everything else largest first (the reasons to look). */
export const DEFAULT_SORT_DIR: Record<CalibrationSortKey, "asc" | "desc"> = {
  flags: "desc",
  name: "asc",
  submitted: "desc",
  turnaround: "desc",
  leniency: "desc",
  "not-assessed": "desc",
  "no-decision": "desc",
  "red-flags": "desc",
};

export type SortableInterviewer = {
  name: string;
  stats: InterviewerStats;
  leniency: LeniencyBand | null;
  flags: readonly CalibrationFlag[];
};

const shownLeniency = (l: LeniencyBand | null) => (l?.enough && l.meanDiff !== null ? l.meanDiff : null);

function sortValue(row: SortableInterviewer, key: Exclude<CalibrationSortKey, "name">): number | null {
  switch (key) {
    case "flags": {
      // more reasons first; among equals, the larger leniency either way
      const l = shownLeniency(row.leniency);
      return row.flags.length * 100 + (l === null ? 0 : Math.min(99, Math.abs(l)));
    }
    case "submitted":
      return row.stats.submitted;
    case "turnaround":
      return row.stats.turnaround.medianHours;
    case "leniency":
      return shownLeniency(row.leniency);
    case "not-assessed":
      return row.stats.notAssessedShare;
    case "no-decision":
      return row.stats.noDecisionShare;
    case "red-flags":
      return row.stats.redFlagShare;
  }
}

/** The interviewer table's order: by one column (values missing last, whichever direction), then by name. */
export function sortInterviewers<T extends SortableInterviewer>(
  rows: readonly T[],
  key: CalibrationSortKey,
  dir: "asc" | "desc" = DEFAULT_SORT_DIR[key],
): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });
  if (key === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}
