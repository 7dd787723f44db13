import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { correlationText, suggestionHref, type PeriodReport } from "@/lib/domain/quality-of-hire";
import { ScrollTable } from "@/components/ui/scroll-table";

/**
 * One check-in period of a role's quality-of-hire report (docs/decisions/079-quality-of-hire.md):
 * per dimension, the correlation of the hires' interview means with their check-in ratings (r with
 * its 95% interval and n, or how many pairs are still needed), the weighted score against the
 * overall rating, and, when any dimension qualifies, the suggested weights beside the current ones.
 */
export function QualityOfHirePeriod({
  slug,
  period: p,
  canApply,
  minPairs,
}: {
  slug: string;
  period: PeriodReport;
  canApply: boolean;
  minPairs: number;
}) {
  const id = `period-${p.periodDays}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8">
      <h2 id={`${id}-heading`} className="text-xl font-semibold tracking-tight">
        {p.periodDays}-day check-ins
      </h2>
      {p.checkIns === 0 ? (
        <EmptyState className="mt-3">
          No {p.periodDays}-day check-in on a hire in this role yet. Each opening&apos;s hiring manager is asked{" "}
          {p.periodDays} days after a Hire decision (a notice in the app and one e-mail); figures appear here from{" "}
          {minPairs} check-ins.
        </EmptyState>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">
            {p.checkIns} check-in{p.checkIns === 1 ? "" : "s"}; would hire again: {p.wouldHireAgain} of {p.checkIns}.
          </p>
          <ScrollTable
            label={`${p.periodDays}-day correlations`}
            className="mt-3"
            tableClassName="w-full min-w-[32rem] text-left text-sm"
            headClassName="border-b border-slate-300 text-slate-700"
            head={
              <>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Interview score
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Weight
                </th>
                <th scope="col" className="py-2 font-medium">
                  Against the check-in
                </th>
              </>
            }
          >
            <tbody className="divide-y divide-slate-200">
              {p.dimensions.map((d) => (
                <tr key={d.key}>
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {d.name}
                  </th>
                  <td className="py-2 pr-4 tabular-nums">{d.weight}%</td>
                  <td className="py-2 tabular-nums">{correlationText(d.correlation)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-2 pr-4 font-medium">
                  Weighted score S vs overall rating
                </th>
                <td className="py-2 pr-4">—</td>
                <td className="py-2 tabular-nums">{correlationText(p.overall)}</td>
              </tr>
            </tbody>
          </ScrollTable>
          {p.suggestion ? (
            <div className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              <h3 className="font-semibold">Suggested weights (not applied)</h3>
              <p className="mt-1">
                Half the current weights, half in proportion to each dimension&apos;s r where r is shown and positive;
                the others keep theirs. Correlations this uncertain, on hires only, are a prompt to discuss, not a
                finding: nothing changes unless an admin saves a new version of the template.
              </p>
              <table className="mt-2 text-left">
                <thead>
                  <tr>
                    <th scope="col" className="py-1 pr-4 font-medium">
                      Dimension
                    </th>
                    <th scope="col" className="py-1 pr-4 font-medium">
                      Current
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Suggested
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.suggestion.weights.map((w) => (
                    <tr key={w.key}>
                      <th scope="row" className="py-1 pr-4 font-normal">
                        {w.name}
                      </th>
                      <td className="py-1 pr-4 tabular-nums">{w.current}%</td>
                      <td className="py-1 tabular-nums">{w.suggested}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {canApply ? (
                <p className="mt-3">
                  <Link href={suggestionHref(slug, p.suggestion, p.periodDays)} className={buttonClass("secondary")}>
                    Review these weights in the role editor
                  </Link>
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
