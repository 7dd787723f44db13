import type { Metadata } from "next";
import { PrintButton } from "@/components/candidates/print-button";
import { EvidenceAppendix, RatingMatrix } from "@/components/candidates/rating-matrix";
import { RecommendationBadge } from "@/components/candidates/recommendation-badge";
import { DecisionPanel } from "@/components/candidates/decision-panel";
import { DecisionHistory, Gaps, LoopList, RedFlagsRaised, WhoSaidWhat } from "@/components/candidates/summary-sections";
import { WhyTable } from "@/components/candidates/why-table";
import { PanelAgreement } from "@/components/candidates/panel-agreement";
import { CalibratedToggle, CalibrationAdjustments } from "@/components/candidates/calibrated-view";
import { ReliabilityTable } from "@/components/candidates/reliability-panel";
import { UnitWeightNote } from "@/components/candidates/unit-weight-note";
import { unitWeightCheck } from "@/lib/domain/unit-weight";
import { BeforeAndAfter } from "@/components/debrief/room";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireUser } from "@/lib/auth";
import { FeedbackWithheld } from "@/components/candidates/feedback-withheld";
import { getCandidateView } from "@/lib/data/candidate-summary";
import { recordCandidateView } from "@/lib/data/privacy";
import { EraseCandidate } from "@/components/candidates/erase-candidate";
import { canSetUpHiring } from "@/lib/domain/permissions";
import { summaryTrail } from "@/lib/domain/summary-trail";
import { orNotFound } from "@/lib/not-found";
import { splitCauseText } from "@/lib/exports";

export const metadata: Metadata = { title: "Candidate summary" };

// The recruiter's candidate summary (docs/decisions/004-scoring.md; docs/product.md "Visibility and
// independence"): recruiters, admins and the opening's hiring manager; anyone else gets not-found,
// as for a candidate that does not exist. Someone who owes their own scorecard on the candidate
// sees only the loop and why (independent ratings first).
export default async function CandidateSummaryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { view, from } = await searchParams;
  const user = await requireUser(`/candidates/${id}`);
  const summary = await orNotFound(getCandidateView(user, id));
  await recordCandidateView(user, id, "page");
  // the trail back to where the reader came from (lib/domain/summary-trail.ts)
  const trail = summaryTrail(from, summary.opening, canSetUpHiring(user.roles));
  if (summary.feedbackWithheld) {
    return (
      <article>
        <PageHeader trail={trail} hover screenOnly title={summary.candidate.name}>
          <p className="text-sm text-slate-700">
            {summary.opening.title} · {summary.role.title} (template v{summary.role.version}) · stage:{" "}
            {summary.candidate.stage}
          </p>
        </PageHeader>
        <FeedbackWithheld view={summary} />
        {canSetUpHiring(user.roles) ? (
          <p className="mt-3 text-sm">
            <a href={`/candidates/${id}/loop`} className="text-indigo-700 underline">
              Plan the loop
            </a>
          </p>
        ) : null}
        <Section id="loop" title="Loop progress">
          <LoopList summary={summary} />
        </Section>
      </article>
    );
  }
  const { loop, calibration } = summary;
  // the calibrated view (docs/decisions/039-calibrated-view-offsets.md): ?view=calibrated or
  // ?view=raw; by default the scores the role recommends on (docs/decisions/042-recommendation-on-raw-scores.md)
  const calibratedView = view === "calibrated" || (view !== "raw" && calibration.recommendOn === "calibrated");
  const score = calibratedView ? calibration.calibrated : calibration.raw;
  const display = calibratedView ? calibration.calibratedDisplay : calibration.rawDisplay;
  const other = calibratedView ? calibration.rawDisplay : calibration.calibratedDisplay;
  // the recommendation is always the role's: raw scores unless the role says calibrated
  const recommendation = summary.score.recommendation;
  // the unit-weight check of the score shown: the summary's when it shows the headline's scores
  const unitWeight = score === summary.score ? summary.unitWeight : unitWeightCheck(score);
  return (
    <article>
      <PageHeader
        trail={trail}
        hover
        screenOnly
        title={summary.candidate.name}
        actions={
          <>
            {canSetUpHiring(user.roles) ? (
              <a href={`/candidates/${id}/loop`} className={buttonClass("secondary")}>
                Plan the loop
              </a>
            ) : null}
            <a href={`/candidates/${id}/debrief`} className={buttonClass("secondary")}>
              {summary.debrief ? "Open the debrief" : "Debrief"}
            </a>
            <a href={`/api/candidates/${id}/ratings.csv`} className={buttonClass("secondary")} download>
              Download ratings (CSV)
            </a>
            <PrintButton />
          </>
        }
      >
        <p className="text-sm text-slate-700">
          {summary.opening.title} · {summary.role.title} (template v{summary.role.version}) · stage:{" "}
          {summary.candidate.stage}
        </p>
        {summary.candidate.erasedAt ? (
          <p className="mt-1 text-sm text-slate-700" data-testid="erased">
            Personal data erased on {summary.candidate.erasedAt.toISOString().slice(0, 10)}; the ratings and decisions
            stay, without their texts.
          </p>
        ) : null}
      </PageHeader>

      <section
        aria-labelledby="headline"
        className="mt-6 break-inside-avoid rounded-lg border border-slate-300 bg-white p-4 sm:p-5"
      >
        <h2 id="headline" className="sr-only">
          Recommendation
        </h2>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <p className="text-2xl font-semibold" data-testid="recommendation">
            {summary.display.recommendation}
          </p>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div>
              <dt className="text-slate-700">{calibratedView ? "Calibrated score" : "Weighted score"}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid="score">
                {display.score}
                <span className="text-sm font-normal text-slate-700"> / 5</span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">{calibratedView ? "Raw score" : "Calibrated score"}</dt>
              <dd className="text-xl font-semibold tabular-nums text-slate-700" data-testid="other-score">
                {other.score}
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">Coverage</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid="coverage">
                {display.coverage}
                <span className="text-sm font-normal text-slate-700"> of the weight rated</span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">Scorecards</dt>
              <dd className="text-xl font-semibold tabular-nums">
                {loop.submitted}
                <span className="text-sm font-normal text-slate-700"> of {loop.planned} submitted</span>
              </dd>
            </div>
          </dl>
        </div>
        <p className="mt-3 text-sm text-slate-800">
          <span className="font-semibold">Why: </span>
          {summary.score.rule.text}
          {calibration.recommendOn === "calibrated" ? " (calibrated scores, as this role is set up)." : ""}
        </p>
        {summary.debrief?.shift.changedOnlyAfter ? (
          <p className="mt-2 text-sm font-medium text-amber-900" data-testid="changed-after-debrief">
            {summary.debrief.shift.text}
          </p>
        ) : null}
        <UnitWeightNote check={unitWeight} />
        <CalibratedToggle
          candidateId={id}
          calibratedView={calibratedView}
          recommendOn={calibration.recommendOn}
          from={from}
        />
        <div className="mt-2 flex flex-wrap gap-2">
          <RecommendationBadge value={recommendation} />
          {score.redFlags.length ? (
            <Badge tone="danger">
              {score.redFlags.length} red flag{score.redFlags.length > 1 ? "s" : ""}
            </Badge>
          ) : null}
          {score.split.isSplit ? <Badge tone="warn">Split panel</Badge> : null}
          {loop.overdue ? (
            <Badge tone="danger">
              {loop.overdue} scorecard{loop.overdue > 1 ? "s" : ""} overdue
            </Badge>
          ) : null}
        </div>
        {score.split.isSplit ? (
          <p className="mt-2 text-sm text-amber-900">
            The panel disagrees — {score.split.causes.map(splitCauseText).join("; ")}. This does not change the
            recommendation; talk it through in the debrief.
          </p>
        ) : null}
      </section>

      <Section id="decision" title="Decision">
        <div className="space-y-4">
          <DecisionHistory summary={summary} />
          {summary.canDecide ? (
            <div className="print:hidden">
              <DecisionPanel
                candidateId={id}
                recommendation={recommendation}
                previousDecisionId={summary.decisions[0]?.id ?? null}
              />
            </div>
          ) : null}
        </div>
      </Section>
      <Section
        id="debrief"
        title="Debrief"
        description="Starting the debrief freezes the submitted scorecards; changes made after it are marked post-debrief, and the scores before and after are shown side by side."
      >
        {summary.debrief ? (
          <div className="space-y-2">
            <p className="text-sm text-slate-800">
              Started by {summary.debrief.startedBy.name} <LocalTime iso={summary.debrief.startedAt.toISOString()} />
              {summary.debrief.endedAt ? " · ended" : " · in progress"}.{" "}
              <a href={`/candidates/${id}/debrief`} className="text-indigo-700 underline print:hidden">
                Open the debrief
              </a>
            </p>
            <BeforeAndAfter debrief={summary.debrief} />
          </div>
        ) : (
          <p className="text-sm text-slate-700">
            No debrief yet.{" "}
            <a href={`/candidates/${id}/debrief`} className="text-indigo-700 underline print:hidden">
              Start it
            </a>{" "}
            once the loop is in (or with what is in: it says what is missing).
          </p>
        )}
      </Section>
      <Section
        id="why"
        title={calibratedView ? "Why: the working, on calibrated ratings" : "Why: the working"}
        description={`${calibratedView ? "Each rating minus its interviewer's leniency, kept within 1–5. " : ""}Weighted score = Σ weight × mean ÷ Σ weight, over the dimensions with at least one rating. Not assessed is not a low score and does not count.`}
      >
        <WhyTable score={score} />
        {calibratedView ? <CalibrationAdjustments adjustments={calibration.adjustments} /> : null}
      </Section>
      <Section
        id="reliability"
        title="Is one more interview worth it?"
        description="How reliable each heavy dimension's mean is with the ratings it has, and what one more rating would add: Spearman–Brown from how well this role's interviewers agree (the calibration page's ICC(1))."
      >
        <ReliabilityTable reliability={summary.reliability} />
      </Section>
      <Section
        id="matrix"
        title="The panel's ratings"
        description="Open a rating to read its evidence. Not assessed is shown with a dashed outline; — means the dimension was not rated on that scorecard."
      >
        {summary.scorecards.length ? <RatingMatrix summary={summary} /> : <WhoSaidWhat summary={summary} />}
      </Section>
      <Section
        id="agreement"
        title="Where the panel agrees and disagrees"
        description="Each dimension with its ratings as given, largest weight × spread first: agreement when every rating is within 1 point, disagreement at 2 or more. Each quote is the first sentence of the interviewer's evidence and opens the full note (printed under Evidence notes). Computed from the scorecards; it changes no score."
      >
        <PanelAgreement agreement={summary.agreement} />
      </Section>
      <Section id="who" title="Who said what">
        <WhoSaidWhat summary={summary} />
      </Section>
      <Section id="flags" title={`Red flags raised (${score.redFlags.length})`}>
        <RedFlagsRaised summary={summary} />
      </Section>
      <Section
        id="gaps"
        title={`Gaps (${score.missing.length})`}
        description="Dimensions nobody has rated yet, and the role's exercises not yet in the loop that would cover them."
      >
        <Gaps summary={summary} />
      </Section>
      <Section id="loop" title="Loop progress">
        <LoopList summary={summary} />
      </Section>
      <EvidenceAppendix summary={summary} />
      {canSetUpHiring(user.roles) && !summary.candidate.erasedAt ? (
        <div className="print:hidden">
          <Section
            id="privacy"
            title="Privacy"
            description="Erase this person's personal data when they ask, or when it is no longer needed. Ratings, red flags observed, scores and decision outcomes stay so the opening's numbers do not change; every text about them goes."
          >
            <EraseCandidate candidateId={id} name={summary.candidate.name} />
          </Section>
        </div>
      ) : null}
    </article>
  );
}
