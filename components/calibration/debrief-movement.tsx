// Movement in debriefs (docs/decisions/078-debrief-mode.md): per interviewer, how far their 1–5
// ratings moved once a debrief started, and how often toward the senior interviewers and the
// hiring manager, each with its n and 95% interval.
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { DebriefMovement } from "@/lib/data/debriefs";
import { formatMovement, formatToward, MOVEMENT_MIN_N } from "@/lib/domain/debrief";

export function DebriefMovementTable({ movement }: { movement: DebriefMovement }) {
  if (!movement.debriefs)
    return (
      <EmptyState>
        No debriefs yet. Start one from a candidate&apos;s summary (Debrief): it freezes the scorecards, so what changes
        in the room shows here.
      </EmptyState>
    );
  return (
    <>
      <div data-testid="debrief-movement">
        <ScrollTable
          label="Movement in debriefs per interviewer"
          tableClassName="w-full min-w-[40rem] text-left text-sm"
          columns={[
            "Interviewer",
            "How far ratings moved",
            "Toward the senior interviewers",
            "Toward the hiring manager",
          ]}
        >
          <tbody>
            {movement.interviewers.map((m) => (
              <tr key={m.interviewerId} className="border-b border-slate-100 align-top">
                <th scope="row" className="px-3 py-2 font-normal">
                  {m.name}
                </th>
                <td className="px-3 py-2">{formatMovement(m)}</td>
                <td className="px-3 py-2">{formatToward(m.towardSenior, "a senior interviewer")}</td>
                <td className="px-3 py-2">{formatToward(m.towardManager, "the hiring manager")}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </div>
      <p className="mt-2 text-sm text-slate-700">
        Over {movement.debriefs} debrief{movement.debriefs === 1 ? "" : "s"}: each rating given 1–5 both before the
        debrief (its snapshot) and now, changed or not. &ldquo;How far&rdquo; is the mean change in points with its 95%
        interval, shown from {MOVEMENT_MIN_N} ratings. &ldquo;Toward&rdquo; counts the changes that ended nearer the
        senior interviewers&apos; (mean) or the hiring manager&apos;s own pre-debrief rating, of those where that rating
        differed, with its 95% Wilson interval. A debrief that changes many minds toward seniority is a sign to reveal
        seniority last.
      </p>
    </>
  );
}
