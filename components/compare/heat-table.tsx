// Dimensions × candidates: each candidate's mean per dimension, heat-coloured. Not assessed (only
// Not assessed given) and not rated are drawn apart from any rating.
import { type ScoringTemplate } from "@/lib/domain/scoring";
import { formatScore } from "@/lib/domain/score-format";
import type { Ranked } from "@/lib/domain/sensitivity";
import { ScrollTable } from "@/components/ui/scroll-table";

/** Background by mean: red (1) → neutral (3) → green (5); text stays dark for contrast. */
function heat(mean: number): string {
  if (mean < 1.75) return "bg-red-200";
  if (mean < 2.5) return "bg-red-100";
  if (mean < 3.25) return "bg-slate-100";
  if (mean < 4) return "bg-emerald-100";
  if (mean < 4.5) return "bg-emerald-200";
  return "bg-emerald-300";
}

export function HeatTable({ template, candidates }: { template: ScoringTemplate; candidates: Ranked[] }) {
  if (!candidates.length) return <p className="text-sm text-slate-700">No candidates yet.</p>;
  return (
    <ScrollTable
      label="Dimension means (scrolls sideways on small screens)"
      caption="Mean rating per dimension and candidate"
      headClassName="border-b border-slate-200 bg-slate-50"
      head={
        <>
          <th scope="col" className="px-3 py-2 font-semibold">
            Dimension
          </th>
          <th scope="col" className="px-2 py-2 text-right font-semibold">
            Weight
          </th>
          {candidates.map((c) => (
            <th key={c.id} scope="col" className="px-2 py-2 text-center font-semibold">
              {c.label}
            </th>
          ))}
        </>
      }
    >
      <tbody className="divide-y divide-slate-100">
        {template.dimensions.map((d, i) => (
          <tr key={d.id}>
            <th scope="row" className="px-3 py-1.5 font-medium">
              {d.name}
            </th>
            <td className="px-2 py-1.5 text-right tabular-nums">{Math.round(d.weight * 10) / 10}%</td>
            {candidates.map((c) => {
              const r = c.score.dimensions[i];
              return (
                <td key={c.id} className="px-1 py-1 text-center">
                  {r.mean !== null ? (
                    <span
                      className={`block rounded px-2 py-1 font-semibold tabular-nums text-slate-950 ${heat(r.mean)}`}
                    >
                      {formatScore(r.mean)}
                    </span>
                  ) : r.notAssessedCount ? (
                    <span className="block rounded border border-dashed border-slate-400 px-2 py-1 text-xs italic text-slate-700">
                      Not assessed
                    </span>
                  ) : (
                    <span className="block px-2 py-1 text-slate-600">
                      —<span className="sr-only">not rated</span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
        <tr className="bg-slate-50">
          <th scope="row" className="px-3 py-2 font-semibold">
            Weighted score
          </th>
          <td />
          {candidates.map((c) => (
            <td key={c.id} className="px-2 py-2 text-center font-semibold tabular-nums">
              {c.score.scoreText}
            </td>
          ))}
        </tr>
      </tbody>
    </ScrollTable>
  );
}
