import Link from "next/link";
import { RecommendationBadge } from "@/components/candidates/recommendation-badge";
import { Badge } from "@/components/ui/badge";
import type { listOpeningCandidates } from "@/lib/data/candidate-list";
import { defaultDirection, type CandidateListQuery } from "@/lib/domain/candidate-list";
import { awaitsDecision, DECISION_LABELS } from "@/lib/domain/decisions";
import type { DecisionOutcome } from "@/lib/domain/vocabulary";
import { HIDDEN_UNTIL_SUBMITTED } from "@/lib/domain/permissions";
import { queryString } from "./candidate-query";
import { ScrollTable } from "@/components/ui/scroll-table";
import { RemindEveryoneButton } from "@/components/candidates/remind-button";
import { LocalTime } from "@/components/ui/local-time";

type Row = Awaited<ReturnType<typeof listOpeningCandidates>>["candidates"][number];

function SortHeader({
  label,
  sortKey,
  q,
  base,
  className = "",
}: {
  label: string;
  sortKey: CandidateListQuery["sort"];
  q: CandidateListQuery;
  base: string;
  className?: string;
}) {
  const active = q.sort === sortKey;
  const dir = q.dir ?? defaultDirection(q.sort);
  const nextDir = active ? (dir === "asc" ? "desc" : "asc") : defaultDirection(sortKey);
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={`px-3 py-2 font-semibold ${className}`}
    >
      <Link
        href={`${base}?${queryString(q, { sort: sortKey, dir: nextDir })}`}
        className="underline decoration-slate-400 hover:text-slate-900"
      >
        {label}
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

/** The score, recommendation and flags of a candidate the viewer may see feedback on. */
function ScoreCells({ c }: { c: Row & { score: NonNullable<Row["score"]> } }) {
  // nothing to weigh yet: not "Insufficient evidence", which reads as a verdict on the evidence
  if (!c.loop.planned)
    return (
      <td colSpan={3} className="px-3 py-2 text-slate-700">
        No interviews yet
      </td>
    );
  return (
    <>
      <td className="px-3 py-2 text-right tabular-nums">
        {c.display.score}
        <span className="block text-xs text-slate-600">{c.display.coverage} covered</span>
      </td>
      <td className="px-3 py-2">
        <RecommendationBadge value={c.score.recommendation} />
      </td>
      <td className="px-3 py-2">
        <span className="flex flex-wrap gap-1">
          {c.score.redFlags.length ? <Badge tone="danger">Red flag</Badge> : null}
          {c.score.split.isSplit ? <Badge tone="warn">Split panel</Badge> : null}
          {!c.score.redFlags.length && !c.score.split.isSplit ? <span className="text-slate-600">—</span> : null}
        </span>
      </td>
    </>
  );
}

/** The current decision, or that the hiring manager's decision is what the candidate waits on. */
function DecisionCell({ c }: { c: Row }) {
  return (
    <td className="px-3 py-2">
      {c.decision ? (
        <Badge tone={c.decision.outcome === "hire" ? "good" : c.decision.outcome === "no-hire" ? "danger" : "neutral"}>
          {DECISION_LABELS[c.decision.outcome as DecisionOutcome]}
        </Badge>
      ) : awaitsDecision(c, false) ? (
        <Badge tone="info">Awaiting decision</Badge>
      ) : (
        <span className="text-slate-600">—</span>
      )}
    </td>
  );
}

/** An opening's candidates, one row each; the column headers sort the list (links, so no script). */
export function CandidateTable({
  candidates,
  q,
  base,
  title,
  setUp,
  reminded = new Map(),
}: {
  candidates: Row[];
  q: CandidateListQuery;
  base: string;
  title: string;
  setUp: boolean;
  /** each candidate's newest Remind about a scorecard still owed (recruiters and admins) */
  reminded?: Map<string, Date>;
}) {
  return (
    <ScrollTable
      label="Candidates (scrolls sideways on small screens)"
      className="mt-2"
      tableClassName="w-full min-w-[50rem] text-left text-sm"
      caption={<>Candidates in {title}; column headers sort the list</>}
      head={
        <>
          <SortHeader label="Candidate" sortKey="name" q={q} base={base} />
          <SortHeader label="Stage" sortKey="stage" q={q} base={base} />
          <SortHeader label="Loop" sortKey="progress" q={q} base={base} />
          <SortHeader label="Score" sortKey="score" q={q} base={base} className="text-right" />
          <SortHeader label="Recommendation" sortKey="recommendation" q={q} base={base} />
          <th scope="col" className="px-3 py-2 font-semibold">
            Flags
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Decision
          </th>
        </>
      }
    >
      <tbody className="divide-y divide-slate-100">
        {candidates.map((c) => (
          <tr key={c.id}>
            <th scope="row" className="px-3 py-2 font-medium">
              <Link href={`/candidates/${c.id}`} className="text-indigo-700 hover:underline">
                {c.name}
              </Link>
              {setUp ? (
                <Link href={`/candidates/${c.id}/loop`} className="ml-2 text-xs font-normal text-slate-700 underline">
                  loop<span className="sr-only"> of {c.name}</span>
                </Link>
              ) : null}
            </th>
            <td className="px-3 py-2">{c.stage}</td>
            <td className="px-3 py-2">
              <span className="tabular-nums">
                {c.loop.submitted}/{c.loop.planned}
              </span>{" "}
              submitted
              {c.loop.missing ? (
                <span className="block text-xs text-amber-900">
                  {c.loop.missing} missing{c.loop.overdue ? `, ${c.loop.overdue} overdue` : ""}
                </span>
              ) : null}
              {setUp && c.loop.missing ? (
                <RemindEveryoneButton
                  target={{ candidateId: c.id }}
                  label={
                    <>
                      Remind<span className="sr-only"> everyone owing on {c.name}</span>
                    </>
                  }
                />
              ) : null}
              {setUp && c.loop.missing && reminded.has(c.id) ? (
                <span className="block text-xs text-slate-700">
                  Last reminded <LocalTime iso={reminded.get(c.id)!.toISOString()} />
                </span>
              ) : null}
            </td>
            {c.score ? (
              <>
                <ScoreCells c={{ ...c, score: c.score }} />
                <DecisionCell c={c} />
              </>
            ) : (
              // independent ratings first: the viewer's own scorecard on this candidate is owed
              <td colSpan={4} className="px-3 py-2 text-slate-700" data-testid="feedback-hidden">
                {HIDDEN_UNTIL_SUBMITTED} —{" "}
                <Link href={`/interviews/${c.withheld?.interviewId}`} className="text-indigo-700 underline">
                  your scorecard<span className="sr-only"> for {c.name}</span>
                </Link>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
