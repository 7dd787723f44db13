import { RECOMMENDATION_LABELS } from "@/lib/domain/scoring";
import type { UnitWeightRanking } from "@/lib/domain/unit-weight";

/**
 * The unit-weight check of the ranking (docs/decisions/074-unit-weight-check.md), on the role's
 * weights: the order and bands with every dimension weighted equally. One line when nothing
 * flips (the table on demand); a marked note and the table when the role's weights decide.
 */
export function UnitWeightSection({ check, limit }: { check: UnitWeightRanking; limit?: number }) {
  if (check.ranking.length === 0) return null;
  const rows = check.ranking.slice(0, limit);
  const table = (
    <table className="mt-2 w-full text-left text-sm" data-testid="unit-weight-ranking">
      <caption className="sr-only">The ranking under equal weights</caption>
      <thead>
        <tr className="border-b border-slate-300 text-slate-700">
          <th scope="col" className="py-1 pr-2 font-medium">
            Equal weights
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Candidate
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Score
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Band
          </th>
          <th scope="col" className="py-1 font-medium">
            With the role&apos;s weights
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-1 pr-2 tabular-nums">#{r.rank}</td>
            <td className="py-1 pr-2">{r.label}</td>
            <td className="py-1 pr-2 tabular-nums">{r.check.scoreText}</td>
            <td className="py-1 pr-2">
              {r.check.recommendation ? RECOMMENDATION_LABELS[r.check.recommendation] : "—"}
              {r.check.bandFlips ? (
                <span className="font-semibold text-amber-900">
                  {" "}
                  (changes: {RECOMMENDATION_LABELS[r.check.weightedRecommendation]} with the role&apos;s weights)
                </span>
              ) : null}
            </td>
            <td className="py-1 tabular-nums">#{r.weightedRank}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="unit-weight-heading">
      <h2 id="unit-weight-heading" className="text-xl font-semibold tracking-tight">
        Do the weights decide it?
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        The same ratings with every weighted dimension counted equally, on the role&apos;s thresholds. A check, not the
        recommendation.
      </p>
      {check.flips ? (
        <div
          className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm"
          role="note"
          aria-label="Unit-weight check"
        >
          <p className="font-semibold text-amber-950" data-testid="unit-weight">
            {check.text}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {check.pairs
              .filter((p) => p.flips)
              .map((p) => (
                <li key={`${p.upperId}-${p.lowerId}`}>{p.text}</li>
              ))}
          </ul>
          {table}
        </div>
      ) : (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-800" data-testid="unit-weight">
            {check.text}
          </summary>
          {table}
        </details>
      )}
    </section>
  );
}
