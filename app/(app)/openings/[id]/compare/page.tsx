import type { Metadata } from "next";
import { BlindToggle } from "@/components/compare/blind-toggle";
import { ComparisonView } from "@/components/compare/comparison-view";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth";
import { getOpeningComparison } from "@/lib/data/comparison";
import { packTallies } from "@/lib/domain/comparison-wire";
import { listOverrides } from "@/lib/data/decisions";
import { DECISION_LABELS } from "@/lib/domain/decisions";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/domain/scoring";
import { formatScore } from "@/lib/domain/score-format";
import { parseSharedWeights, SHARED_WEIGHTS_PARAM } from "@/lib/domain/sensitivity";
import { orNotFound } from "@/lib/not-found";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Compare candidates" };

// The comparison view for an opening (docs/decisions/005-comparison-and-decisions.md): its hiring
// manager, recruiters and admins. ?blind=1 keeps candidate names and details on the server; ?w=…
// carries what-if weights (docs/decisions/054-what-if-weights-in-the-link.md), checked here: a link
// that does not fit is ignored, with a note, never an error.
export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const blind = query.blind === "1";
  const base = `/openings/${id}/compare`;
  const user = await requireUser(base);
  // listOverrides leaves out candidates whose feedback is withheld from the viewer
  const [data, overrides] = await orNotFound(
    Promise.all([getOpeningComparison(user, id, { blind }), listOverrides(user, id)]),
  );
  const labelOf = new Map(data.candidates.map((c) => [c.id, c.label]));
  return (
    <>
      <PageHeader
        trail={[
          { href: "/openings", label: "Openings" },
          { href: `/openings/${id}`, label: data.opening.title },
        ]}
        hover
        title="Compare candidates"
        actions={<BlindToggle base={base} blind={blind} />}
      >
        <p className="text-sm text-slate-700">
          {data.opening.title} · {data.opening.role.title} v{data.opening.role.version}
        </p>
      </PageHeader>
      {blind ? (
        <p className="mt-2 text-sm text-slate-700">
          Names and personal details are hidden; candidates are lettered in the order they were added, not by rank.
        </p>
      ) : null}

      {data.candidates.length === 0 ? (
        <EmptyState className="mt-6">
          No candidates in this opening yet. Add candidates and collect scorecards to compare them here.
        </EmptyState>
      ) : (
        <ComparisonView
          shared={parseSharedWeights(data.template, query[SHARED_WEIGHTS_PARAM])}
          data={{
            ...data,
            candidates: data.candidates.map((c) => ({
              id: c.id,
              label: c.label,
              stage: c.stage,
              loop: c.loop,
              decision: c.decision,
              withheld: c.withheld,
            })),
            tallies: packTallies(data.template, data.candidates),
          }}
        />
      )}

      <section aria-labelledby="overrides-heading" className="mt-10">
        <h2 id="overrides-heading" className="text-xl font-semibold tracking-tight">
          Decisions against the recommendation ({overrides.length})
        </h2>
        {data.candidates.some((c) => c.withheld) ? (
          <p className="mt-1 text-sm text-slate-700">
            Decisions on candidates whose feedback is hidden until you submit your scorecard are not listed here.
          </p>
        ) : null}
        {overrides.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">
            No decision in this opening has gone against the computed recommendation.
          </p>
        ) : (
          <ul className="mt-2 space-y-2">
            {overrides.map((o) => (
              <li key={o.id} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
                <p>
                  <span className="font-semibold">{labelOf.get(o.candidate.id) ?? "Candidate"}</span>:{" "}
                  {DECISION_LABELS[o.outcome]} against{" "}
                  {RECOMMENDATION_LABELS[o.computedRecommendation as Recommendation]}
                  {o.computedScore !== null ? ` (score ${formatScore(o.computedScore)})` : ""} — {o.decidedBy.name},{" "}
                  <LocalTime iso={o.createdAt.toISOString()} />{" "}
                  {o.current ? <Badge tone="warn">current</Badge> : <Badge>revised since</Badge>}
                </p>
                <p className="mt-1">
                  <span className="font-medium">Why against the numbers:</span> {o.overrideReason}
                </p>
                <p className="mt-1 text-slate-800">
                  <span className="font-medium">Rationale:</span> {o.rationale}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
