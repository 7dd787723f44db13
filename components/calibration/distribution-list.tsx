// Each interviewer's rating distribution, overall in the summary line and per dimension inside.
import type { InterviewerCalibration } from "@/lib/data/calibration";
import { distributionText, RatingBar } from "./rating-bar";
import { ScrollTable } from "@/components/ui/scroll-table";

/** `interviewers` in the order shown (by name). */
export function DistributionList({ interviewers }: { interviewers: InterviewerCalibration[] }) {
  return (
    <>
      <ul className="space-y-1">
        {interviewers.map((i) => (
          <li key={i.id}>
            <details className="rounded-lg border border-slate-200 bg-white">
              <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-3 py-2 text-sm">
                <span className="min-w-[10rem] font-medium">{i.name}</span>
                <RatingBar distribution={i.stats.overall} label={`${i.name}, all ratings`} />
                <span className="text-slate-700">
                  {i.stats.overall.total} ratings, {i.dimensions.length} dimensions
                </span>
              </summary>
              <ScrollTable
                label={`${i.name}'s ratings per dimension (scrolls sideways on small screens)`}
                frame="border-t border-slate-100"
                tableClassName="w-full min-w-[40rem] text-left text-sm"
                caption={<>{i.name}&apos;s ratings per dimension</>}
                headClassName="bg-slate-50 text-slate-700"
                columnClassName="px-3 py-1.5 font-semibold"
                columns={["Role", "Dimension", "Distribution", "Counts (1–5, Not assessed)"]}
              >
                <tbody className="divide-y divide-slate-100">
                  {i.dimensions.map((d) => (
                    <tr key={d.key}>
                      <td className="px-3 py-1.5">{d.role}</td>
                      <th scope="row" className="px-3 py-1.5 font-medium">
                        {d.name}
                      </th>
                      <td className="px-3 py-1.5">
                        <RatingBar distribution={d.distribution} label={`${i.name}, ${d.name}`} />
                      </td>
                      <td className="px-3 py-1.5 tabular-nums" title={distributionText(d.distribution)}>
                        {d.distribution.counts.join(" · ")} · {d.distribution.notAssessed}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            </details>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-700">
        Open an interviewer to see, per dimension, how many times they gave each rating from 1 to 5 and Not assessed: a
        dimension where someone never uses part of the scale is worth a conversation.
      </p>
    </>
  );
}
