// "Is one more interview worth it?" (docs/decisions/075-one-more-interview.md): for each heavy
// dimension, how reliable the mean of its ratings is and what one more rating would add
// (Spearman–Brown from the role's agreement); on the loop builder, the exercise to add.
import type { CandidateReliability } from "@/lib/domain/reliability";

const f2 = (x: number | null) => (x === null ? "—" : x.toFixed(2));

export function ReliabilityTable({ reliability }: { reliability: CandidateReliability }) {
  if (reliability.dimensions.length === 0) return <p className="text-sm text-slate-700">No weighted dimensions.</p>;
  return (
    <div className="space-y-3" data-testid="reliability">
      {/* a focusable, named region: keyboard users can reach it and scroll it on a narrow screen */}
      <div
        className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        role="region"
        aria-label="Reliability per heavy dimension (scrolls sideways on small screens)"
        tabIndex={0}
      >
        <table className="w-full text-left text-sm">
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Dimension
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Weight
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Ratings
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Reliability now
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                With one more
              </th>
              <th scope="col" className="py-1 font-medium">
                In words
              </th>
            </tr>
          </thead>
          <tbody>
            {reliability.dimensions.map((d) => (
              <tr key={d.dimensionId} className="border-t border-slate-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {d.name}
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">{d.weight}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{d.k}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{f2(d.now)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{f2(d.withOneMore)}</td>
                <td className="py-1 text-slate-800">{d.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-800">
        <span className="font-semibold">Weighted reliability of the heavy dimensions: </span>
        <span className="tabular-nums" data-testid="weighted-reliability">
          {f2(reliability.weighted)}
        </span>
        . Reliability is how much of the spread between candidates&apos; means is real rather than rater noise (0–1).
      </p>
    </div>
  );
}

export function ExerciseSuggestion({ reliability }: { reliability: CandidateReliability }) {
  const s = reliability.suggestion;
  return (
    <p className="text-sm text-slate-800" data-testid="reliability-suggestion">
      {s ? s.text : "None of the role's exercises covers a heavy dimension whose reliability more ratings would raise."}
    </p>
  );
}
