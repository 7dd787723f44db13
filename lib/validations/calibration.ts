// The calibration page's filters and sort, read from the URL's search params
// (docs/decisions/012-calibration.md; README "Interviewer calibration"), shared by the page and
// its CSV export. Anything unknown falls back to the default rather than failing: a mistyped or
// old link still shows the page.
import { z } from "zod";
import { CALIBRATION_SORT_KEYS } from "../domain/calibration-stats";

export const PERIODS = ["all", "365", "90"] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<Period, string> = { all: "All time", "365": "Last 365 days", "90": "Last 90 days" };

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const calibrationQuerySchema = z.object({
  role: z.preprocess(
    one,
    z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(100)
      .optional()
      .catch(undefined),
  ),
  period: z.preprocess(one, z.enum(PERIODS).catch("all")).default("all"),
  sort: z.preprocess(one, z.enum(CALIBRATION_SORT_KEYS).catch("flags")).default("flags"),
  dir: z.preprocess(one, z.enum(["asc", "desc"]).optional().catch(undefined)),
});

export type CalibrationQuery = z.output<typeof calibrationQuerySchema>;

export function parseCalibrationQuery(params: Record<string, string | string[] | undefined>): CalibrationQuery {
  return calibrationQuerySchema.parse(params);
}

/** The data layer's filters for a query: the role's slug, and how many days back (none = all time). */
export function calibrationFilters(q: CalibrationQuery): { roleSlug?: string; sinceDays?: number } {
  return { roleSlug: q.role, sinceDays: q.period === "all" ? undefined : Number(q.period) };
}

/** The query string for a view (defaults left out), for links and the CSV. */
export function calibrationSearch(q: Partial<CalibrationQuery>): string {
  const p = new URLSearchParams();
  if (q.role) p.set("role", q.role);
  if (q.period && q.period !== "all") p.set("period", q.period);
  if (q.sort && q.sort !== "flags") p.set("sort", q.sort);
  if (q.dir) p.set("dir", q.dir);
  const s = p.toString();
  return s ? `?${s}` : "";
}
