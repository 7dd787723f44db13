// Who to look at, and why: the interviewers past at least one threshold (most reasons first), and
// the thresholds themselves.
import { EmptyState } from "@/components/ui/empty-state";
import type { InterviewerCalibration } from "@/lib/data/calibration";
import {
  formatHours,
  LENIENCY_FLAG_POINTS,
  MIN_SCORECARDS_FOR_FLAGS,
  NO_DECISION_FLAG_SHARE,
  NOT_ASSESSED_FLAG_SHARE,
  SLOW_TURNAROUND_HOURS,
} from "@/lib/domain/calibration-stats";

const pct = (s: number) => `${Math.round(s * 100)}%`;

export function AttentionList({
  flagged,
  withLeniency,
  minShared,
}: {
  flagged: InterviewerCalibration[];
  withLeniency: number;
  minShared: number;
}) {
  return (
    <>
      {flagged.length ? (
        <ul className="space-y-2" aria-label="Interviewers to look at">
          {flagged.map((i) => (
            <li key={i.id} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
              <span className="font-semibold">{i.name}</span>
              <ul className="mt-1 list-disc pl-5">
                {i.flags.map((f) => (
                  <li key={f.kind}>{f.text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>
          Nobody crosses a threshold
          {withLeniency ? "" : `, and nobody has ${minShared} shared ratings yet, so leniency cannot be judged`}. Look
          again as more scorecards come in.
        </EmptyState>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-indigo-700 underline">The thresholds</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
          <li>
            Leniency: the whole 95% band above +{LENIENCY_FLAG_POINTS} or below −{LENIENCY_FLAG_POINTS} rating points,
            with at least {minShared} shared ratings.
          </li>
          <li>Not assessed on more than {pct(NOT_ASSESSED_FLAG_SHARE)} of their dimension ratings.</li>
          <li>No decision on more than {pct(NO_DECISION_FLAG_SHARE)} of their scorecards.</li>
          <li>Median turnaround longer than {formatHours(SLOW_TURNAROUND_HOURS)}.</li>
          <li>
            The last three need at least {MIN_SCORECARDS_FOR_FLAGS} submitted scorecards: one scorecard says little.
          </li>
        </ul>
      </details>
    </>
  );
}
