import type { Metadata } from "next";
import { AgreementTable } from "@/components/calibration/agreement-table";
import { AttentionList } from "@/components/calibration/attention-list";
import { DistributionList } from "@/components/calibration/distribution-list";
import { DebriefMovementTable } from "@/components/calibration/debrief-movement";
import { DrillDrift } from "@/components/calibration/drill-drift";
import { InterviewerTable } from "@/components/calibration/interviewer-table";
import { LeniencyChart, type LeniencyPoint } from "@/components/calibration/leniency-chart";
import { RatingLegend } from "@/components/calibration/rating-bar";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireUser } from "@/lib/auth";
import { getCalibration } from "@/lib/data/calibration";
import { getDebriefMovement } from "@/lib/data/debriefs";
import { sortInterviewers } from "@/lib/domain/calibration-stats";
import { orNotFound } from "@/lib/not-found";
import {
  calibrationFilters,
  calibrationSearch,
  parseCalibrationQuery,
  PERIOD_LABELS,
  PERIODS,
} from "@/lib/validations/calibration";

export const metadata: Metadata = { title: "Interviewer calibration" };

// Interviewer calibration (docs/decisions/012-calibration.md; README "Interviewer calibration"):
// admins and recruiters see every opening's interviewers; a hiring manager those of the openings
// they manage, with figures from those openings only; anyone else gets the not-found page (the data
// function refuses them, as the CSV does).
export default async function CalibrationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = parseCalibrationQuery(await searchParams);
  const user = await requireUser(`/calibration${calibrationSearch(q)}`);
  const [data, movement] = await Promise.all([
    orNotFound(getCalibration(user, calibrationFilters(q))),
    orNotFound(getDebriefMovement(user, calibrationFilters(q))),
  ]);
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
  const withDrills = sortInterviewers(
    data.interviewers.filter((i) => i.drillShared > 0),
    "name",
  );
  const roleTitle = data.roles.find((r) => r.slug === data.filters.roleSlug)?.title;
  const period = q.period === "all" ? "" : ` in the ${PERIOD_LABELS[q.period].toLowerCase()}`;
  const filtered = !!(data.filters.roleSlug || data.filters.sinceDays);
  const csv = `/api/calibration.csv${calibrationSearch({ ...q, role: data.filters.roleSlug ?? undefined })}`;

  return (
    <>
      <PageHeader
        title="Interviewer calibration"
        actions={
          data.totals.scorecards ? (
            <a href={csv} download className={buttonClass("secondary")}>
              Download the interviewer table (CSV)
            </a>
          ) : null
        }
      >
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
      </PageHeader>

      <FilterBar
        query={calibrationSearch(q)}
        action="/calibration"
        label="Filter calibration"
        clear={filtered ? { href: "/calibration", label: "All roles, all time" } : null}
      >
        {q.sort !== "flags" ? <input type="hidden" name="sort" value={q.sort} /> : null}
        {q.dir ? <input type="hidden" name="dir" value={q.dir} /> : null}
        <FilterSelect
          label="Role"
          name="role"
          defaultValue={data.filters.roleSlug ?? ""}
          options={[{ value: "", label: "All roles" }, ...data.roles.map((r) => ({ value: r.slug, label: r.title }))]}
        />
        <FilterSelect
          label="Submitted in"
          name="period"
          defaultValue={q.period}
          options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))}
        />
      </FilterBar>

      <p className="mt-3 text-sm text-slate-700" role="status">
        {data.totals.scorecards} submitted scorecard{data.totals.scorecards === 1 ? "" : "s"} by{" "}
        {data.totals.interviewers} interviewer{data.totals.interviewers === 1 ? "" : "s"}
        {roleTitle ? ` for ${roleTitle}` : ""}
        {period}; {data.totals.withLeniency} with at least {data.minShared} shared ratings.
      </p>

      {data.totals.scorecards === 0 ? (
        <EmptyState className="mt-4">
          {filtered
            ? "No submitted scorecards match these filters. Choose all roles or all time to widen the view."
            : "No submitted scorecards yet. Calibration figures appear here once interviewers submit scorecards for their interviews; plan loops with two or more interviewers on the same dimensions so their ratings can be compared."}
        </EmptyState>
      ) : (
        <>
          <Section
            id="attention"
            title="Who to look at, and why"
            description="Interviewers for whom at least one figure crosses a threshold below; most reasons first."
          >
            <AttentionList flagged={flagged} withLeniency={data.totals.withLeniency} minShared={data.minShared} />
          </Section>

          <Section id="leniency" title="Leniency">
            {points.length ? (
              <LeniencyChart points={points} />
            ) : (
              <EmptyState>
                Too few shared ratings to judge leniency yet: nobody has {data.minShared} ratings on candidates and
                dimensions that a co-panelist also rated. Plan loops where two interviewers cover the same dimension,
                and check again as scorecards come in.
              </EmptyState>
            )}
            <p className="mt-2 text-sm text-slate-700">
              Each dot is an interviewer&apos;s average difference between their rating and their co-panelists&apos;
              mean on the same candidate and dimension (right of zero: rates higher), and the line is its 95% band;
              leniency is shown only for interviewers with at least {data.minShared} shared ratings.
            </p>
            {withDrills.length ? (
              <p className="mt-2 text-sm text-slate-700" id="leniency-drills">
                Includes calibration drill ratings (each drill counts as a candidate all its raters shared, weighted as
                any shared rating):{" "}
                {withDrills.map((i, k) => (
                  <span key={i.id}>
                    {k ? "; " : ""}
                    {i.name} ({i.drillShared} of {i.leniency.shared} shared ratings)
                  </span>
                ))}
                .
              </p>
            ) : null}
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

          <Section
            id="drill-drift"
            title="Calibration drills: drift over time"
            description="How far each interviewer's drill ratings were from the consensus, attempt by attempt (the consensus set by an admin, or the mean of the other raters once there are 3 of them)."
          >
            <DrillDrift interviewers={sortInterviewers(data.interviewers, "name")} />
          </Section>

          <Section id="distributions" title="Rating distribution per dimension">
            <DistributionList interviewers={sortInterviewers(data.interviewers, "name")} />
          </Section>

          <Section id="agreement" title="Agreement per role">
            {data.agreement.length ? (
              <div className="space-y-4">
                {data.agreement.map((r) => (
                  <AgreementTable key={r.slug} role={r} minCandidates={data.minAgreementCandidates} />
                ))}
              </div>
            ) : (
              <EmptyState>No ratings to compare yet.</EmptyState>
            )}
            <p className="mt-2 text-sm text-slate-700">
              ICC(1) measures how much interviewers agree when they rate the same candidate on the same dimension (0: no
              better than chance, 1: always the same), over candidates rated by two or more interviewers, at least{" "}
              {data.minAgreementCandidates} of them; labels after Koo &amp; Li: below 0.5 poor, 0.5–0.75 moderate,
              0.75–0.9 good, above 0.9 excellent.
            </p>
          </Section>

          <Section id="debrief-movement" title="Movement in debriefs">
            <DebriefMovementTable movement={movement} />
          </Section>
        </>
      )}
    </>
  );
}
