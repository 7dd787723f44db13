// The candidate summary's calibrated view (docs/decisions/039-calibrated-view-offsets.md): a
// two-way switch between the ratings as given and the ratings with each interviewer's leniency
// removed, and what was removed from whom. Plain links (?view=raw / ?view=calibrated): works
// without script, by keyboard, and can be shared.
import Link from "next/link";
import { MIN_SHARED_OBSERVATIONS, type Adjustment, type RecommendOn } from "@/lib/domain/calibration";
import { summaryViewHref } from "@/lib/domain/summary-trail";

const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(2)}`;

export function CalibratedToggle({
  candidateId,
  calibratedView,
  recommendOn,
  from,
}: {
  candidateId: string;
  calibratedView: boolean;
  recommendOn: RecommendOn;
  /** the page's ?from=, kept so the trail still leads back (lib/domain/summary-trail.ts) */
  from: unknown;
}) {
  const option = (value: "raw" | "calibrated", label: string) => {
    const current = (value === "calibrated") === calibratedView;
    return (
      <Link
        href={summaryViewHref(candidateId, value, from)}
        aria-current={current ? "true" : undefined}
        scroll={false}
        className={`px-3 py-1 text-sm font-medium ${current ? "bg-indigo-700 text-white" : "bg-white text-slate-800 hover:bg-slate-50"}`}
      >
        {label}
      </Link>
    );
  };
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 print:hidden">
      <nav aria-label="Scores shown" className="inline-flex overflow-hidden rounded-md border border-slate-400">
        {option("raw", "Raw scores")}
        {option("calibrated", "Calibrated view")}
      </nav>
      <p className="text-xs text-slate-700">
        {calibratedView
          ? "Each interviewer's leniency removed; the raw score stays beside it."
          : "Ratings as the interviewers gave them."}{" "}
        The recommendation uses {recommendOn === "calibrated" ? "calibrated" : "raw"} scores, as this role is set up.
      </p>
    </div>
  );
}

export function CalibrationAdjustments({ adjustments }: { adjustments: Adjustment[] }) {
  if (adjustments.length === 0) return null;
  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="calibration-adjustments">
      <h3 className="font-semibold">What the calibrated view removed</h3>
      <p className="mt-1 text-slate-700">
        Each interviewer&apos;s leniency, measured against their co-panelists on every candidate they shared, across all
        openings. An interviewer with fewer than {MIN_SHARED_OBSERVATIONS} shared ratings is counted as given. Leniency
        is re-estimated as scorecards arrive anywhere, so the calibrated score can move; the raw score does not.
      </p>
      <ul className="mt-2 space-y-1">
        {adjustments.map((a) => (
          <li key={a.interviewerId}>
            <span className="font-medium">{a.interviewerName}</span>:{" "}
            {a.offset === null ? (
              <span className="text-slate-700">
                not adjusted ({a.shared} of {MIN_SHARED_OBSERVATIONS} shared ratings needed)
              </span>
            ) : (
              <span className="tabular-nums">
                {signed(-a.offset)} to every rating (
                {a.offset > 0 ? "rates above" : a.offset < 0 ? "rates below" : "in line with"} co-panelists; {a.shared}{" "}
                shared ratings)
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
