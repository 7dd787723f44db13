// The calibration page's per-interviewer table as CSV (docs/decisions/012-calibration.md): the same
// figures, in the same order, with the leniency columns empty where the page shows none. Pure.
import type { RaterLeniency } from "./calibration";
import type { CalibrationFlag, InterviewerStats } from "./calibration-stats";
import type { AgreementRate } from "./decision-feedback";

/** What the CSV reads of one interviewer's calibration (lib/data/calibration.ts). */
export type CsvInterviewer = {
  name: string;
  stats: InterviewerStats;
  leniency: RaterLeniency;
  flags: readonly CalibrationFlag[];
  /** agreement with final decisions (docs/decisions/077-how-it-ended.md) */
  decisions: AgreementRate;
};

const round = (v: number | null, places: number) => (v === null ? null : Math.round(v * 10 ** places) / 10 ** places);

/**
 * The per-interviewer table as CSV rows (lib/csv.ts quotes and defuses formulas), in the order
 * given. Leniency columns are empty below the minimum of shared ratings, as on the page.
 */
export function calibrationCsvRows(rows: readonly CsvInterviewer[]) {
  const header = [
    "Interviewer",
    "Scorecards submitted",
    "Turnaround median (hours)",
    "Turnaround 90th percentile (hours)",
    "Submitted before the scheduled end",
    "Shared ratings",
    "Leniency (mean difference from co-panelists)",
    "Leniency 95% band low",
    "Leniency 95% band high",
    "Rated dimension rows",
    "Ratings 1",
    "Ratings 2",
    "Ratings 3",
    "Ratings 4",
    "Ratings 5",
    "Not assessed",
    "Mean rating",
    "Not assessed (%)",
    "No decision (%)",
    "Red flag raised (%)",
    "Final decisions counted",
    "Agreed with final decisions",
    "Agreement 95% interval low (%)",
    "Agreement 95% interval high (%)",
    "Why look",
  ];
  const body = rows.map((i) => {
    const s = i.stats;
    const l = i.leniency.enough ? i.leniency : null;
    const share = (v: number | null) => round(v === null ? null : v * 100, 1);
    return [
      i.name,
      s.submitted,
      round(s.turnaround.medianHours, 1),
      round(s.turnaround.p90Hours, 1),
      s.turnaround.early,
      i.leniency.shared,
      round(l?.meanDiff ?? null, 2),
      round(l?.low ?? null, 2),
      round(l?.high ?? null, 2),
      s.overall.total,
      ...s.overall.counts,
      s.overall.notAssessed,
      round(s.meanRating, 2),
      share(s.notAssessedShare),
      share(s.noDecisionShare),
      share(s.redFlagShare),
      i.decisions.n,
      i.decisions.agreed,
      share(i.decisions.low),
      share(i.decisions.high),
      i.flags.map((f) => f.text).join(" "),
    ];
  });
  return { header, body };
}
