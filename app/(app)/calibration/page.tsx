import type { Metadata } from "next";
import Link from "next/link";
import { AgreementTable } from "@/components/calibration/agreement-table";
import { InterviewerTable } from "@/components/calibration/interviewer-table";
import { LeniencyChart, type LeniencyPoint } from "@/components/calibration/leniency-chart";
import { distributionText, RatingBar, RatingLegend } from "@/components/calibration/rating-bar";
import { LocalTime } from "@/components/ui/local-time";
import { Section } from "@/components/ui/section";
import { requireUser } from "@/lib/auth";
import { getCalibration } from "@/lib/data/calibration";
import {
  formatHours,
  LENIENCY_FLAG_POINTS,
  MIN_SCORECARDS_FOR_FLAGS,
  NO_DECISION_FLAG_SHARE,
  NOT_ASSESSED_FLAG_SHARE,
  SLOW_TURNAROUND_HOURS,
  sortInterviewers,
} from "@/lib/domain/calibration-stats";
import { orNotFound } from "@/lib/not-found";
import {
  calibrationFilters,
  calibrationSearch,
  parseCalibrationQuery,
  PERIOD_LABELS,
  PERIODS,
} from "@/lib/validations/calibration";

export const metadata: Metadata = { title: "Interviewer calibration" };

const field = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";
const pct = (s: number) => `${Math.round(s * 100)}%`;
const empty = "rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700";

// Interviewer calibration (issue 10): admins and recruiters see every opening's interviewers; a
// hiring manager those of the openings they manage, with figures from those openings only;
// anyone else gets the not-found page (the data function refuses them, as the CSV does).
export default async function CalibrationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = parseCalibrationQuery(await searchParams);
  const user = await requireUser(`/calibration${calibrationSearch(q)}`);
  const data = await orNotFound(getCalibration(user, calibrationFilters(q)));
  const rows = sortInterviewers(data.interviewers, q.sort, q.dir);
  const flagged = sortInterviewers(data.interviewers, "flags").filter((i) => i.flags.length);
  const points: LeniencyPoint[] = data.interviewers
    .filter(
      (i) => i.leniency.enough && i.leniency.meanDiff !== null && i.leniency.low !== null && i.leniency.high !== null,
    )
    .map((i) => ({
      id: i.id,
      name: i.name,
      shared: i.leniency.shared,
      meanDiff: i.leniency.meanDiff!,
      low: i.leniency.low!,
      high: i.leniency.high!,
    }));
  const below = sortInterviewers(
    data.interviewers.filter((i) => !i.leniency.enough),
    "name",
  );
  const roleTitle = data.roles.find((r) => r.slug === data.filters.roleSlug)?.title;
  const period = q.period === "all" ? "" : ` in the ${PERIOD_LABELS[q.period].toLowerCase()}`;
  const filtered = !!(data.filters.roleSlug || data.filters.sinceDays);
  const csv = `/api/calibration.csv${calibrationSearch({ ...q, role: data.filters.roleSlug ?? undefined })}`;

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Interviewer calibration</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">
            How each interviewer rates, compared with the people who interviewed the same candidates, and how well a
            role&apos;s interviewers agree. Submitted scorecards only (amended ones as they stand now).{" "}
            {data.scope === "managed"
              ? "You see the interviewers of the openings you manage, with figures from those openings only."
              : "You see every opening's interviewers."}
          </p>
          <p className="mt-1 text-xs text-slate-700">
            Figures as of <LocalTime iso={data.generatedAt.toISOString()} />; they are recomputed when scorecards change
            (in a very large organisation, a few seconds after).
          </p>
        </div>
        {data.totals.scorecards ? (
          <a
            href={csv}
            download
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Download the interviewer table (CSV)
          </a>
        ) : null}
      </div>

      <form
        key={calibrationSearch(q)}
        method="get"
        action="/calibration"
        className="mt-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
        aria-label="Filter calibration"
      >
        {q.sort !== "flags" ? <input type="hidden" name="sort" value={q.sort} /> : null}
        {q.dir ? <input type="hidden" name="dir" value={q.dir} /> : null}
        <label className="text-sm">
          <span className="block font-medium">Role</span>
          <select name="role" defaultValue={data.filters.roleSlug ?? ""} className={field}>
            <option value="">All roles</option>
            {data.roles.map((r) => (
              <option key={r.slug} value={r.slug}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Submitted in</span>
          <select name="period" defaultValue={q.period} className={field}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800"
        >
          Apply
        </button>
        {filtered ? (
          <Link href="/calibration" className="pb-1.5 text-sm underline">
            All roles, all time
          </Link>
        ) : null}
      </form>

      <p className="mt-3 text-sm text-slate-700" role="status">
        {data.totals.scorecards} submitted scorecard{data.totals.scorecards === 1 ? "" : "s"} by{" "}
        {data.totals.interviewers} interviewer{data.totals.interviewers === 1 ? "" : "s"}
        {roleTitle ? ` for ${roleTitle}` : ""}
        {period}; {data.totals.withLeniency} with at least {data.minShared} shared ratings.
      </p>

      {data.totals.scorecards === 0 ? (
        <p className={`mt-4 ${empty}`}>
          {filtered
            ? "No submitted scorecards match these filters. Choose all roles or all time to widen the view."
            : "No submitted scorecards yet. Calibration figures appear here once interviewers submit scorecards for their interviews; plan loops with two or more interviewers on the same dimensions so their ratings can be compared."}
        </p>
      ) : (
        <>
          <Section
            id="attention"
            title="Who to look at, and why"
            description="Interviewers for whom at least one figure crosses a threshold below; most reasons first."
          >
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
              <p className={empty}>
                Nobody crosses a threshold
                {data.totals.withLeniency
                  ? ""
                  : `, and nobody has ${data.minShared} shared ratings yet, so leniency cannot be judged`}
                . Look again as more scorecards come in.
              </p>
            )}
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer font-medium text-indigo-700 underline">The thresholds</summary>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
                <li>
                  Leniency: the whole 95% band above +{LENIENCY_FLAG_POINTS} or below −{LENIENCY_FLAG_POINTS} rating
                  points, with at least {data.minShared} shared ratings.
                </li>
                <li>Not assessed on more than {pct(NOT_ASSESSED_FLAG_SHARE)} of their dimension ratings.</li>
                <li>No decision on more than {pct(NO_DECISION_FLAG_SHARE)} of their scorecards.</li>
                <li>Median turnaround longer than {formatHours(SLOW_TURNAROUND_HOURS)}.</li>
                <li>
                  The last three need at least {MIN_SCORECARDS_FOR_FLAGS} submitted scorecards: one scorecard says
                  little.
                </li>
              </ul>
            </details>
          </Section>

          <Section id="leniency" title="Leniency">
            {points.length ? (
              <LeniencyChart points={points} />
            ) : (
              <p className={empty}>
                Too few shared ratings to judge leniency yet: nobody has {data.minShared} ratings on candidates and
                dimensions that a co-panelist also rated. Plan loops where two interviewers cover the same dimension,
                and check again as scorecards come in.
              </p>
            )}
            <p className="mt-2 text-sm text-slate-700">
              Each dot is an interviewer&apos;s average difference between their rating and their co-panelists&apos;
              mean on the same candidate and dimension (right of zero: rates higher), and the line is its 95% band;
              leniency is shown only for interviewers with at least {data.minShared} shared ratings.
            </p>
            {below.length ? (
              <div className="mt-3 text-sm">
                <h3 className="font-semibold">Below the minimum of {data.minShared} shared ratings</h3>
                <ul
                  className="mt-1 flex flex-wrap gap-x-4 gap-y-1"
                  aria-label="Interviewers below the minimum of shared ratings"
                >
                  {below.map((i) => (
                    <li key={i.id}>
                      {i.name}: {i.leniency.shared} shared
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Section>

          <Section id="interviewers" title="Per interviewer">
            <InterviewerTable rows={rows} q={q} />
            <p className="mt-2 text-sm text-slate-700">
              One row per interviewer: submitted scorecards; turnaround from the interview&apos;s scheduled end to
              submission (median and 90th percentile; a scorecard submitted before the scheduled end counts as 0 h);
              leniency; the share of their dimension ratings marked Not assessed, of their scorecards with No decision
              and with at least one red flag; their ratings as a bar from 1 (left) to 5, then Not assessed; and the
              reasons to look, in short (in full above).
            </p>
            <div className="mt-2">
              <RatingLegend />
            </div>
          </Section>

          <Section id="distributions" title="Rating distribution per dimension">
            <ul className="space-y-1">
              {sortInterviewers(data.interviewers, "name").map((i) => (
                <li key={i.id}>
                  <details className="rounded-lg border border-slate-200 bg-white">
                    <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-3 py-2 text-sm">
                      <span className="min-w-[10rem] font-medium">{i.name}</span>
                      <RatingBar distribution={i.stats.overall} label={`${i.name}, all ratings`} />
                      <span className="text-slate-700">
                        {i.stats.overall.total} ratings, {i.dimensions.length} dimensions
                      </span>
                    </summary>
                    <div
                      className="overflow-x-auto border-t border-slate-100"
                      tabIndex={0}
                      role="region"
                      aria-label={`${i.name}'s ratings per dimension (scrolls sideways on small screens)`}
                    >
                      <table className="w-full min-w-[40rem] text-left text-sm">
                        <caption className="sr-only">{i.name}&apos;s ratings per dimension</caption>
                        <thead className="bg-slate-50 text-slate-700">
                          <tr>
                            <th scope="col" className="px-3 py-1.5 font-semibold">
                              Role
                            </th>
                            <th scope="col" className="px-3 py-1.5 font-semibold">
                              Dimension
                            </th>
                            <th scope="col" className="px-3 py-1.5 font-semibold">
                              Distribution
                            </th>
                            <th scope="col" className="px-3 py-1.5 font-semibold">
                              Counts (1–5, Not assessed)
                            </th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {i.dimensions.map((d) => (
                            <tr key={d.key}>
                              <td className="px-3 py-1.5">{d.role}</td>
                              <th scope="row" className="px-3 py-1.5 font-medium">
                                {d.name}
                              </th>
                              <td className="px-3 py-1.5">
                                <RatingBar distribution={d.distribution} label={`${i.name}, ${d.name}`} />
                              </td>
                              <td className="px-3 py-1.5 tabular-nums" title={distributionText(d.distribution)}>
                                {d.distribution.counts.join(" · ")} · {d.distribution.notAssessed}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </details>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-slate-700">
              Open an interviewer to see, per dimension, how many times they gave each rating from 1 to 5 and Not
              assessed: a dimension where someone never uses part of the scale is worth a conversation.
            </p>
          </Section>

          <Section id="agreement" title="Agreement per role">
            {data.agreement.length ? (
              <div className="space-y-4">
                {data.agreement.map((r) => (
                  <AgreementTable key={r.slug} role={r} minCandidates={data.minAgreementCandidates} />
                ))}
              </div>
            ) : (
              <p className={empty}>No ratings to compare yet.</p>
            )}
            <p className="mt-2 text-sm text-slate-700">
              ICC(1) measures how much interviewers agree when they rate the same candidate on the same dimension (0: no
              better than chance, 1: always the same), over candidates rated by two or more interviewers, at least{" "}
              {data.minAgreementCandidates} of them; labels after Koo &amp; Li: below 0.5 poor, 0.5–0.75 moderate,
              0.75–0.9 good, above 0.9 excellent.
            </p>
          </Section>
        </>
      )}
    </>
  );
}
