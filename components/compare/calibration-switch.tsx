import Link from "next/link";
import type { RecommendOn } from "@/lib/domain/calibration";

/**
 * The calibrated view's switch (docs/decisions/039-calibrated-view-offsets.md), and what each
 * position ranks on.
 */
export function CalibrationSwitch({
  calibrated,
  onChange,
  adjusted,
  interviewers,
  recommendOn,
}: {
  calibrated: boolean;
  onChange: (calibrated: boolean) => void;
  /** interviewers with enough shared ratings to adjust, of `interviewers` */
  adjusted: number;
  interviewers: number;
  recommendOn: RecommendOn;
}) {
  return (
    <div className="mt-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          role="switch"
          className="h-4 w-4 accent-indigo-700"
          checked={calibrated}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby="calibrated-help"
        />
        Calibrated view: remove each interviewer&apos;s leniency
      </label>
      <p id="calibrated-help" className="mt-1 text-slate-700">
        {calibrated
          ? `Ranked on calibrated scores: each rating minus its interviewer's leniency, kept within 1–5 (${adjusted} of ${interviewers} interviewers have enough shared ratings to adjust; the others count as given). The raw score is beside each.`
          : "Ranked on the ratings as given; the calibrated score is beside each."}{" "}
        The recommendation uses {recommendOn === "calibrated" ? "calibrated" : "raw"} scores, as this role is set up.{" "}
        <Link href="/calibration" className="text-indigo-700 underline">
          How leniency is measured
        </Link>
      </p>
    </div>
  );
}
