// "Why": each dimension's weight, mean, number of ratings and contribution to the score, with a
// bar per dimension so the biggest contributions stand out at a glance.
import { type CandidateScore } from "@/lib/domain/scoring";
import { formatScore } from "@/lib/domain/score-format";
import { WEIGHT_ORIGIN_SHORT } from "@/lib/domain/vocabulary";
import { ScrollTable } from "@/components/ui/scroll-table";
import { formatTemplateWeight } from "@/lib/domain/weights";

export function WhyTable({ score }: { score: CandidateScore }) {
  const max = Math.max(...score.dimensions.map((d) => d.contribution ?? 0), 0.0001);
  return (
    <ScrollTable
      label="The working (scrolls sideways on small screens)"
      tableClassName="w-full min-w-[36rem] text-left text-sm"
      caption="How each dimension contributes to the weighted score"
      head={
        <>
          <th scope="col" className="px-3 py-2 font-semibold">
            Dimension
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Weight
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Mean
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Ratings
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Spread
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Contribution
          </th>
        </>
      }
    >
      <tbody className="divide-y divide-slate-100">
        {score.dimensions.map((d) => (
          <tr key={d.id} className={d.count === 0 ? "text-slate-600" : undefined}>
            <th scope="row" className="px-3 py-2 font-medium">
              {d.name}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatTemplateWeight(d.weight)}
              {d.weightOrigin !== "source" ? (
                <span className="block text-xs text-slate-600">
                  {WEIGHT_ORIGIN_SHORT[d.weightOrigin as keyof typeof WEIGHT_ORIGIN_SHORT] ?? d.weightOrigin}
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatScore(d.mean)}</td>
            <td className="px-3 py-2 text-right tabular-nums">
              {d.count}
              {d.notAssessedCount ? (
                <span className="block text-xs text-slate-600">+{d.notAssessedCount} not assessed</span>
              ) : null}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{d.spread ?? "—"}</td>
            <td className="px-3 py-2">
              {d.contribution === null ? (
                <span className="text-slate-600">not rated — no part in the score</span>
              ) : (
                <span className="flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="h-2.5 rounded-sm bg-indigo-600 print:bg-slate-700"
                    style={{ width: `${(d.contribution / max) * 6}rem` }}
                  />
                  <span className="tabular-nums">{formatScore(d.contribution)}</span>
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t border-slate-200 bg-slate-50">
        <tr>
          <th scope="row" className="px-3 py-2 font-semibold">
            Weighted score
          </th>
          <td className="px-3 py-2 text-right tabular-nums">
            {formatTemplateWeight(Math.round(score.coverage * 10000) / 100)} rated
          </td>
          <td colSpan={3} />
          <td className="px-3 py-2 font-semibold tabular-nums">{score.scoreText}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}
