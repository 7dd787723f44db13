import { RECOMMENDATION_LABELS } from "@/lib/domain/scoring";
import { bandDirection, describeMove, describePair, type sensitivity } from "@/lib/domain/sensitivity";

/** How sure the ranking is: each pair's order and each band under ±10-point weight moves. */
export function SensitivitySection({ sens }: { sens: ReturnType<typeof sensitivity> }) {
  return (
    <section aria-labelledby="sure-heading">
      <h2 id="sure-heading" className="text-xl font-semibold tracking-tight">
        How sure is the ranking?
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Each dimension&apos;s weight moved by 10 points either way, the others rescaled to keep 100.
      </p>
      {sens.pairs.length === 0 && sens.bands.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">Nothing to compare yet.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm" data-testid="sensitivity">
          {sens.pairs.map((p, i) => (
            <li
              key={`${p.upper.id}-${p.lower.id}`}
              className={`rounded-md border p-2 ${p.holds ? "border-emerald-200 bg-emerald-50" : "border-amber-300 bg-amber-50"}`}
            >
              <span className="font-semibold">{p.holds ? "Holds: " : "Fragile: "}</span>
              {describePair(p, i + 1)}
            </li>
          ))}
          {sens.bands.map((b) => (
            <li key={b.candidate.id} className="rounded-md border border-slate-200 bg-white p-2">
              <span className="font-semibold">{b.candidate.label}</span>:{" "}
              {RECOMMENDATION_LABELS[b.candidate.score.recommendation]}{" "}
              {b.holds ? (
                "under every move."
              ) : (
                <>
                  would become{" "}
                  {b.changes.map((c, k) => (
                    <span key={k}>
                      {k ? "; " : ""}
                      <span
                        className={
                          bandDirection(b.candidate.score.recommendation, c.toRecommendation) === "up"
                            ? "text-emerald-800"
                            : "text-red-800"
                        }
                      >
                        {RECOMMENDATION_LABELS[c.toRecommendation]}
                      </span>{" "}
                      if {describeMove(c)}
                    </span>
                  ))}
                  .
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
