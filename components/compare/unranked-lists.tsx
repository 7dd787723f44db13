import Link from "next/link";
import { HIDDEN_UNTIL_SUBMITTED } from "@/lib/domain/permissions";
import { formatCoverage } from "@/lib/domain/score-format";
import type { Ranked } from "@/lib/domain/sensitivity";
import { CandidateLink } from "./candidate-link";
import type { ComparisonCandidate } from "./comparison-view";

/**
 * The candidates not ranked: with Insufficient evidence (those shown), and those whose feedback
 * is withheld from the viewer until they submit their own scorecard (docs/product.md "Visibility
 * and independence"), listed apart, not even as insufficient evidence.
 */
export function UnrankedLists({
  apart,
  shownApart,
  hidden,
  byId,
  blind,
}: {
  apart: Ranked[];
  shownApart: Ranked[];
  hidden: ComparisonCandidate[];
  byId: Map<string, ComparisonCandidate>;
  blind: boolean;
}) {
  return (
    <>
      {apart.length ? (
        <div className="mt-4">
          <h3 className="font-semibold">Not ranked: insufficient evidence ({apart.length})</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {shownApart.map((a) => {
              const c = byId.get(a.id)!;
              return (
                <li key={a.id}>
                  <CandidateLink id={a.id} label={a.label} blind={blind} /> — {formatCoverage(a.score.coverage)} of the
                  weight rated, {c.loop.submitted}/{c.loop.planned} scorecards
                  {a.score.missing.length ? (
                    <span className="text-slate-700">; missing {a.score.missing.map((m) => m.name).join(", ")}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {hidden.length ? (
        <div className="mt-4" data-testid="hidden-candidates">
          <h3 className="font-semibold">Not ranked: your scorecard first ({hidden.length})</h3>
          <p className="text-sm text-slate-700">
            Others&apos; feedback on these candidates stays hidden until you submit your own scorecard (independent
            ratings first).
          </p>
          <ul className="mt-1 space-y-1 text-sm">
            {hidden.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.label}</span> — {HIDDEN_UNTIL_SUBMITTED}
                {blind ? null : (
                  <>
                    {" "}
                    <Link href={`/interviews/${c.withheld!.interviewId}`} className="text-indigo-700 underline">
                      your scorecard<span className="sr-only"> for {c.label}</span>
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
