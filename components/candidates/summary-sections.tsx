// The candidate summary's sections below the headline (docs/decisions/004-scoring.md): who said
// what, red flags, gaps, and the loop's progress.
import { AmendmentNote } from "@/components/candidates/amendment-note";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { RemindButton, RemindEveryoneOnCandidate } from "@/components/candidates/remind-button";
import type { CandidateSummary, CandidateView } from "@/lib/data/candidate-summary";
import { DECISION_LABELS } from "@/lib/domain/decisions";
import { RECOMMENDATION_LABELS } from "@/lib/domain/scoring";
import { flagCapStatus } from "@/lib/domain/red-flag-cap";
import { formatScore } from "@/lib/domain/score-format";
import { OVERALL_RECOMMENDATION_LABELS } from "@/lib/domain/vocabulary";

export function WhoSaidWhat({ summary }: { summary: CandidateSummary }) {
  if (!summary.scorecards.length)
    return <EmptyState>No submitted scorecards yet. Drafts never count and are never shown.</EmptyState>;
  return (
    <ul className="space-y-3">
      {summary.scorecards.map((s) => (
        <li key={s.id} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-semibold">
              {s.interviewerName}
              {s.exercise ? <span className="font-normal text-slate-700"> · {s.exercise}</span> : null}
            </p>
            <p className="text-sm text-slate-700">
              {s.recommendation ? (
                <Badge
                  tone={
                    s.recommendation.includes("yes")
                      ? "good"
                      : s.recommendation === "no-decision"
                        ? "neutral"
                        : "danger"
                  }
                >
                  {OVERALL_RECOMMENDATION_LABELS[s.recommendation]}
                </Badge>
              ) : null}{" "}
              submitted {s.submittedAt ? <LocalTime iso={s.submittedAt.toISOString()} /> : null}
              {s.amendments ? ` · amended ${s.amendments}×` : ""}
            </p>
          </div>
          <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">
            {s.keyTakeaways || <span className="italic text-slate-600">No take-aways written.</span>}
          </p>
          <AmendmentNote log={s.amendmentLog} />
        </li>
      ))}
    </ul>
  );
}

export function RedFlagsRaised({ summary }: { summary: CandidateSummary }) {
  const flags = summary.score.redFlags;
  const capStatus = (f: (typeof flags)[number]) => flagCapStatus(f, summary.score.thresholds.redFlagMinInterviewers);
  if (!flags.length) return <EmptyState>No red flags observed on any submitted scorecard.</EmptyState>;
  return (
    <ul className="space-y-3">
      {flags.map((f) => (
        <li key={f.redFlagId} className="break-inside-avoid rounded-lg border border-red-200 bg-red-50 p-4">
          <p className="font-semibold text-red-900">{f.text}</p>
          {capStatus(f) ? <p className="text-sm text-slate-800">{capStatus(f)}</p> : null}
          <ul className="mt-1 space-y-1 text-sm text-slate-900">
            {f.raisedBy.map((r) => (
              <li key={r.scorecardId}>
                <span className="font-medium">{r.interviewerName}:</span>{" "}
                {r.note || <span className="italic">no note</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function Gaps({ summary }: { summary: CandidateSummary }) {
  const { missing } = summary.score;
  if (!missing.length) return <EmptyState>Every dimension has at least one rating.</EmptyState>;
  // an exercise already held or booked is no suggestion: only the others would add coverage
  const inLoop = new Set(summary.loop.items.map((i) => i.exerciseId));
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {missing.map((m) => {
        const booked = m.exercises.filter((e) => inLoop.has(e.id));
        const open = m.exercises.filter((e) => !inLoop.has(e.id));
        return (
          <li key={m.dimensionId} className="p-3 text-sm" data-testid="gap">
            <p>
              <span className="font-semibold">{m.name}</span>{" "}
              <span className="text-slate-700">({m.weight}% of the weight)</span>
            </p>
            <p className="text-slate-800">
              {open.length ? (
                <>Would be covered by: {open.map((e) => e.title).join("; ")}</>
              ) : booked.length ? (
                <>No other exercise of this role exercises it; ask about it in any interview.</>
              ) : (
                <>No exercise of this role exercises it; ask about it in any interview.</>
              )}
            </p>
            {booked.length ? (
              <p className="text-slate-700">Already in the loop: {booked.map((e) => e.title).join("; ")}.</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function LoopList({ summary }: { summary: Pick<CandidateView, "loop" | "candidate"> }) {
  const { loop } = summary;
  if (!loop.items.length)
    return (
      <EmptyState>
        No interviews planned yet. Add interviews to this candidate&apos;s loop to collect scorecards.
      </EmptyState>
    );
  return (
    <>
      <p className="mb-2 text-sm text-slate-800">
        {loop.submitted} of {loop.planned} scorecards submitted{loop.missing ? ` · ${loop.missing} owed` : ""}
        {loop.overdue ? ` (${loop.overdue} overdue)` : ""}
        {loop.upcoming ? ` · ${loop.upcoming} upcoming` : ""}{" "}
        {loop.missing ? <RemindEveryoneOnCandidate candidateId={summary.candidate.id} /> : null}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {loop.items.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
            <span>
              <span className="font-medium">{i.interviewerName}</span>
              {i.exercise ? <span className="text-slate-700"> · {i.exercise}</span> : null} ·{" "}
              <LocalTime iso={i.scheduledAt.toISOString()} />
            </span>
            <span className="flex gap-1">
              {i.state === "submitted" ? (
                <Badge tone="good">Submitted</Badge>
              ) : i.state === "upcoming" ? (
                <Badge tone="info">Upcoming</Badge>
              ) : (
                <Badge tone="warn">Scorecard missing</Badge>
              )}
              {i.overdue ? <Badge tone="danger">Overdue</Badge> : null}
              {i.state === "owed" ? <RemindButton candidateId={summary.candidate.id} interviewId={i.id} /> : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function DecisionHistory({ summary }: { summary: CandidateSummary }) {
  if (!summary.decisions.length)
    return (
      <EmptyState>
        No decision recorded yet.{summary.canDecide ? "" : " The opening's hiring manager records it."}
      </EmptyState>
    );
  return (
    <ol className="space-y-2">
      {summary.decisions.map((d, i) => (
        <li
          key={d.id}
          className={`rounded-lg border p-3 text-sm ${i === 0 ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-50 text-slate-800"}`}
        >
          <p>
            <span className="font-semibold">{DECISION_LABELS[d.outcome]}</span>{" "}
            {i === 0 ? <Badge tone="info">current</Badge> : <Badge>earlier</Badge>}{" "}
            {d.isOverride ? (
              <Badge tone="warn">override of {RECOMMENDATION_LABELS[d.computedRecommendation]}</Badge>
            ) : null}{" "}
            — {d.decidedBy.name}, <LocalTime iso={d.createdAt.toISOString()} />
            <span className="text-slate-700">
              {" "}
              · computed then: {RECOMMENDATION_LABELS[d.computedRecommendation]}
              {d.computedScore !== null ? ` (${formatScore(d.computedScore)})` : ""}
            </span>
          </p>
          <p className="mt-1 whitespace-pre-wrap">{d.rationale}</p>
          {d.overrideReason ? (
            <p className="mt-1 whitespace-pre-wrap">
              <span className="font-medium">Why against the recommendation:</span> {d.overrideReason}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
