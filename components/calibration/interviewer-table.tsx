// One row per interviewer with every calibration figure, the reasons to look, and the rating
// distribution as a small stacked bar. Column headers sort (links: the order has a URL).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { InterviewerCalibration } from "@/lib/data/calibration";
import type { AgreementRate } from "@/lib/domain/decision-feedback";
import {
  DEFAULT_SORT_DIR,
  formatHours,
  formatShare,
  formatSigned,
  type CalibrationSortKey,
  type FlagKind,
} from "@/lib/domain/calibration-stats";
import { calibrationSearch, type CalibrationQuery } from "@/lib/validations/calibration";
import { RatingBar } from "./rating-bar";
import { ScrollTable } from "@/components/ui/scroll-table";

function SortHeader({
  label,
  sortKey,
  q,
  className = "",
}: {
  label: string;
  sortKey: CalibrationSortKey;
  q: CalibrationQuery;
  className?: string;
}) {
  const active = q.sort === sortKey;
  const dir = q.dir ?? DEFAULT_SORT_DIR[q.sort];
  const nextDir = active ? (dir === "asc" ? "desc" : "asc") : DEFAULT_SORT_DIR[sortKey];
  const search = calibrationSearch({
    ...q,
    sort: sortKey,
    dir: nextDir === DEFAULT_SORT_DIR[sortKey] ? undefined : nextDir,
  });
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={`px-3 py-2 font-semibold ${className}`}
    >
      <Link href={`/calibration${search}#interviewers`} className="underline decoration-slate-400 hover:text-slate-900">
        {label}
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

/** The reasons in a few words (the full sentences are in "Who to look at, and why"). */
const SHORT: Record<FlagKind, string> = {
  lenient: "Rates high",
  severe: "Rates low",
  "not-assessed": "Not assessed often",
  "no-decision": "No decision often",
  slow: "Slow to submit",
};

function LeniencyCell({ i }: { i: InterviewerCalibration }) {
  const l = i.leniency;
  if (!l.enough || l.meanDiff === null) return <span className="text-slate-700">not enough</span>;
  return (
    <>
      {formatSigned(l.meanDiff)}
      {l.low !== null && l.high !== null ? (
        <span className="block whitespace-nowrap text-xs text-slate-700">
          {formatSigned(l.low)} to {formatSigned(l.high)}
        </span>
      ) : null}
    </>
  );
}

/** n of m, the share, and its 95% interval: few decisions say little (docs/decisions/077-how-it-ended.md). */
function DecisionAgreementCell({ r }: { r: AgreementRate }) {
  if (!r.n || r.rate === null) return <span className="text-slate-700">none yet</span>;
  return (
    <>
      {r.agreed} of {r.n}
      <span className="block whitespace-nowrap text-xs text-slate-700">
        {Math.round(r.rate * 100)}% ({Math.round(r.low! * 100)}–{Math.round(r.high! * 100)}%)
      </span>
    </>
  );
}

export function InterviewerTable({ rows, q }: { rows: InterviewerCalibration[]; q: CalibrationQuery }) {
  return (
    <ScrollTable
      label="Interviewers (scrolls sideways on small screens)"
      tableClassName="w-full min-w-[64rem] text-left text-sm"
      caption="Calibration figures per interviewer; column headers sort the table"
      headClassName="border-b border-slate-200 bg-slate-50 align-bottom text-slate-700"
      head={
        <>
          <SortHeader label="Interviewer" sortKey="name" q={q} />
          <SortHeader label="Scorecards" sortKey="submitted" q={q} className="text-right" />
          <SortHeader label="Turnaround (median · 90th %)" sortKey="turnaround" q={q} className="text-right" />
          <SortHeader label="Leniency (95% band)" sortKey="leniency" q={q} className="text-right" />
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Shared ratings
          </th>
          <SortHeader label="Not assessed" sortKey="not-assessed" q={q} className="text-right" />
          <SortHeader label="No decision" sortKey="no-decision" q={q} className="text-right" />
          <SortHeader label="Red flag raised" sortKey="red-flags" q={q} className="text-right" />
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Agrees with final decisions
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Ratings given
          </th>
          <SortHeader label="Why look" sortKey="flags" q={q} />
        </>
      }
    >
      <tbody className="divide-y divide-slate-100 align-top">
        {rows.map((i) => (
          <tr key={i.id} data-testid="calibration-row">
            <th scope="row" className="px-3 py-2 font-medium">
              {i.name}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{i.stats.submitted}</td>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatHours(i.stats.turnaround.medianHours)} · {formatHours(i.stats.turnaround.p90Hours)}
              {i.stats.turnaround.early ? (
                <span className="block text-xs text-slate-700">
                  {i.stats.turnaround.early} before the scheduled end (0 h)
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              <LeniencyCell i={i} />
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{i.leniency.shared}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatShare(i.stats.notAssessedShare)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatShare(i.stats.noDecisionShare)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatShare(i.stats.redFlagShare)}</td>
            <td className="px-3 py-2 text-right tabular-nums">
              <DecisionAgreementCell r={i.decisions} />
            </td>
            <td className="px-3 py-2">
              <RatingBar distribution={i.stats.overall} label={`${i.name}, all ratings`} width={120} />
              <span className="block text-xs text-slate-700">
                {i.stats.meanRating === null
                  ? "no 1–5 ratings"
                  : `mean ${i.stats.meanRating.toFixed(2)} of ${i.stats.overall.total - i.stats.overall.notAssessed}`}
              </span>
            </td>
            <td className="px-3 py-2">
              {i.flags.length ? (
                <ul className="flex flex-wrap gap-1" aria-label={`Why look at ${i.name}`}>
                  {i.flags.map((f) => (
                    <li key={f.kind} title={f.text}>
                      <Badge tone="warn">{SHORT[f.kind]}</Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-slate-700">Nothing stands out</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
