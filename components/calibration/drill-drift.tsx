import { LocalTime } from "@/components/ui/local-time";
import { formatSigned } from "@/lib/domain/calibration-stats";
import { MIN_DRIFT_ATTEMPTS } from "@/lib/domain/drills";
import type { InterviewerCalibration } from "@/lib/data/calibration";
import { ScrollTable } from "@/components/ui/scroll-table";

// Drift over time (docs/decisions/080-calibration-drills.md): per interviewer, their mean deviation
// from each drill's consensus, attempt by attempt, and the trend. A table first; the bar beside each
// figure repeats it for the eye (one point of deviation = a quarter of the track), never alone.

const trendWords = (slope: number | null) =>
  slope === null
    ? `no trend before ${MIN_DRIFT_ATTEMPTS} attempts`
    : Math.abs(slope) < 0.05
      ? `steady (${formatSigned(slope)} per attempt)`
      : slope > 0
        ? `${formatSigned(slope)} per attempt: rating higher than the consensus over time`
        : `${formatSigned(slope)} per attempt: rating lower than the consensus over time`;

function Bar({ value }: { value: number }) {
  const clamped = Math.max(-2, Math.min(2, value));
  const width = `${(Math.abs(clamped) / 2) * 50}%`;
  return (
    <span aria-hidden="true" className="relative inline-block h-2.5 w-24 rounded bg-slate-100 align-middle">
      <span className="absolute inset-y-0 left-1/2 w-px bg-slate-500" />
      <span
        className={`absolute inset-y-0 ${clamped >= 0 ? "left-1/2 bg-amber-600" : "right-1/2 bg-sky-700"}`}
        style={{ width }}
      />
    </span>
  );
}

export function DrillDrift({ interviewers }: { interviewers: readonly InterviewerCalibration[] }) {
  const rows = interviewers.filter((i) => i.drift && i.drift.points.length);
  if (!rows.length)
    return <p className="text-sm text-slate-700">No interviewer in view has submitted a calibration drill yet.</p>;
  return (
    <ScrollTable
      label="Deviation from drill consensus over time"
      tableClassName="min-w-full text-sm"
      caption={
        <>
          Each interviewer&apos;s drill attempts by submission time: their mean rating minus the consensus (positive:
          more lenient), and the trend
        </>
      }
      headClassName="border-b border-slate-300 text-left"
      head={
        <>
          <th scope="col" className="py-2 pr-4">
            Interviewer
          </th>
          <th scope="col" className="py-2 pr-4">
            Drill
          </th>
          <th scope="col" className="py-2 pr-4">
            Submitted
          </th>
          <th scope="col" className="py-2 pr-4">
            Mean deviation
          </th>
          <th scope="col" className="py-2 pr-4">
            Dimensions compared
          </th>
        </>
      }
    >
      {rows.map((i) => (
        <tbody key={i.id} className="border-b border-slate-200">
          {i.drift!.points.map((pt, k) => (
            <tr key={pt.drillId}>
              {k === 0 ? (
                <th scope="rowgroup" rowSpan={i.drift!.points.length} className="py-1.5 pr-4 text-left align-top">
                  <span className="font-semibold">{i.name}</span>
                  <span className="block font-normal text-slate-700">
                    {i.drift!.n} attempt{i.drift!.n === 1 ? "" : "s"} with a deviation; {trendWords(i.drift!.slope)}
                  </span>
                </th>
              ) : null}
              <td className="py-1.5 pr-4">{pt.title}</td>
              <td className="py-1.5 pr-4">
                <LocalTime iso={pt.submittedAt.toISOString()} />
              </td>
              <td className="py-1.5 pr-4 tabular-nums">
                {pt.meanDeviation === null ? (
                  "— (no consensus to compare with yet)"
                ) : (
                  <>
                    <span className="inline-block w-14">{formatSigned(pt.meanDeviation)}</span>{" "}
                    <Bar value={pt.meanDeviation} />
                  </>
                )}
              </td>
              <td className="py-1.5 pr-4 tabular-nums">{pt.n}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </ScrollTable>
  );
}
