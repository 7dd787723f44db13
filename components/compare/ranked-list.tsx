import { RecommendationBadge } from "@/components/candidates/recommendation-badge";
import { Badge } from "@/components/ui/badge";
import type { Comparison } from "@/lib/domain/comparison";
import { DECISION_LABELS } from "@/lib/domain/decisions";
import { formatCoverage } from "@/lib/domain/score-format";
import type { Ranked } from "@/lib/domain/sensitivity";
import type { DecisionOutcome } from "@/lib/domain/vocabulary";
import { CandidateLink } from "./candidate-link";
import type { ComparisonCandidate } from "./comparison-view";
import { MoveBadge } from "./move-badge";

/** The ranked candidates shown, each with its move from the role's weights and the other score. */
export function RankedList({
  shownRanked,
  comparison,
  baseline,
  edited,
  calibrated,
  byId,
  blind,
}: {
  shownRanked: Ranked[];
  comparison: Comparison;
  /** the ranking on the role's weights, candidate ids in order */
  baseline: string[];
  edited: boolean;
  calibrated: boolean;
  byId: Map<string, ComparisonCandidate>;
  blind: boolean;
}) {
  return (
    <ol
      className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
      aria-label="Candidates ranked by weighted score"
    >
      {shownRanked.map((r, i) => {
        const c = byId.get(r.id)!;
        return (
          <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3" data-testid="ranked-candidate">
            <span className="w-8 text-lg font-semibold tabular-nums">#{i + 1}</span>
            <span className="min-w-[9rem] flex-1 font-medium">
              <CandidateLink id={r.id} label={r.label} blind={blind} />
              <span className="ml-2">
                <MoveBadge baseline={baseline} id={r.id} at={i} edited={edited} />
              </span>
            </span>
            <span className="w-14 text-right text-lg font-semibold tabular-nums" data-testid="ranked-score">
              {r.score.scoreText}
            </span>
            <span className="text-xs text-slate-700 tabular-nums" data-testid="ranked-other-score">
              {calibrated ? "raw" : "calibrated"} {comparison.other.get(r.id)!.scoreText}
            </span>
            <RecommendationBadge value={comparison.recommendationOf(r)} />
            <span className="text-xs text-slate-700">
              {formatCoverage(r.score.coverage)} covered · {c.loop.submitted}/{c.loop.planned} scorecards
            </span>
            {r.score.redFlags.length ? <Badge tone="danger">Red flag</Badge> : null}
            {r.score.split.isSplit ? <Badge tone="warn">Split panel</Badge> : null}
            {c.decision ? (
              <Badge tone={c.decision.isOverride ? "warn" : "info"}>
                Decided: {DECISION_LABELS[c.decision.outcome as DecisionOutcome]}
                {c.decision.isOverride ? " (override)" : ""}
              </Badge>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
