// The debrief room (docs/decisions/078-debrief-mode.md): each interviewer's scorecard as it stood
// when the debrief started, in the facilitator's order, with whatever changed since marked
// post-debrief; then the scores before and after side by side.
import { ChangeList } from "@/components/scorecard/scorecard-history";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { CandidateSummary } from "@/lib/data/candidate-summary";
import type { DebriefRoom } from "@/lib/data/debrief-room";
import { formatScore } from "@/lib/domain/score-format";
import { NOT_ASSESSED_LABEL, OVERALL_RECOMMENDATION_LABELS } from "@/lib/domain/vocabulary";

type Started = Extract<NonNullable<DebriefRoom["room"]>, { started: true }>;
type Group = Started["step"]["visible"][number];

function PostDebrief({ scorecard }: { scorecard: Group["cards"][number]["scorecard"] }) {
  const d = scorecard.debrief;
  if (!d?.inSnapshot || !d.postDebriefAmendments) return null;
  const reasons = scorecard.amendmentLog.filter((a) => a.postDebrief);
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="post-debrief">
      <p className="font-semibold">
        <Badge tone="warn">Post-debrief</Badge> Changed after the debrief started
      </p>
      <ChangeList changes={d.changes} />
      <ul className="mt-1 space-y-1">
        {reasons.map((a) => (
          <li key={a.version}>
            <span className="font-medium">
              Why ({a.amendedBy.name}, <LocalTime iso={a.amendedAt.toISOString()} />
              ):
            </span>{" "}
            {a.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SpeakerCard({ group, position }: { group: Group; position: number }) {
  return (
    <li
      id={`speaker-${position}`}
      tabIndex={-1}
      className="break-inside-avoid scroll-mt-20 rounded-lg border border-slate-300 bg-white p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
      aria-labelledby={`speaker-${position}-name`}
    >
      <h3 id={`speaker-${position}-name`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className="tabular-nums text-slate-600">{position}.</span> {group.name}
        {group.hiringManager ? <Badge tone="neutral">Hiring manager</Badge> : null}
        {group.senior ? <Badge tone="neutral">Senior</Badge> : null}
      </h3>
      {group.cards.map((c) => (
        <div key={c.scorecard.id} className="mt-3">
          <p className="text-sm text-slate-800">
            {c.exercise ? <span className="font-medium">{c.exercise}. </span> : null}
            Before the debrief:{" "}
            <span className="font-semibold">
              {c.recommendation ? OVERALL_RECOMMENDATION_LABELS[c.recommendation] : "no overall recommendation"}
            </span>
          </p>
          {c.keyTakeaways ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{c.keyTakeaways}</p> : null}
          <ScrollTable
            label={`${group.name}'s ratings before the debrief`}
            className="mt-2"
            columns={["Dimension", "Rating", "Evidence"]}
          >
            <tbody>
              {c.ratings.map((r) => (
                <tr key={r.dimensionId} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    {r.name}
                  </th>
                  <td className="px-3 py-2 tabular-nums">{r.notAssessed ? NOT_ASSESSED_LABEL : r.rating}</td>
                  <td className="whitespace-pre-wrap px-3 py-2 text-slate-800">{r.evidence || "—"}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {c.redFlags.length ? (
            <ul className="mt-2 space-y-1 text-sm text-red-900" aria-label="Red flags raised">
              {c.redFlags.map((f) => (
                <li key={f.text}>
                  <span className="font-medium">Red flag:</span> {f.text}
                  {f.note ? ` — ${f.note}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          <PostDebrief scorecard={c.scorecard} />
        </div>
      ))}
    </li>
  );
}

/** The headline and each dimension's mean, before the debrief and now. */
export function BeforeAndAfter({ debrief }: { debrief: NonNullable<CandidateSummary["debrief"]> }) {
  return (
    <div className="space-y-3">
      <p
        className={`rounded-md border p-3 text-sm ${debrief.shift.changedOnlyAfter ? "border-amber-300 bg-amber-50 text-amber-950" : "border-slate-200 bg-white text-slate-800"}`}
        data-testid="debrief-shift"
      >
        {debrief.shift.text}
      </p>
      <div data-testid="before-after">
        <ScrollTable
          label="Scores before and after the debrief"
          tableClassName="w-full min-w-[28rem] text-left text-sm"
          columns={["Figure", "Weight", "Before the debrief", "Now"]}
        >
          <tbody>
            <tr className="border-b border-slate-200 font-semibold">
              <th scope="row" className="px-3 py-2">
                Weighted score
              </th>
              <td className="px-3 py-2">100%</td>
              <td className="px-3 py-2 tabular-nums">
                {debrief.pre.score} · {debrief.pre.recommendation}
              </td>
              <td className="px-3 py-2 tabular-nums">
                {debrief.post.score} · {debrief.post.recommendation}
              </td>
            </tr>
            {debrief.dimensions.map((d) => (
              <tr key={d.id} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 font-normal">
                  {d.name}
                </th>
                <td className="px-3 py-2 tabular-nums">{d.weight}%</td>
                <td className="px-3 py-2 tabular-nums">{formatScore(d.pre)}</td>
                <td className={`px-3 py-2 tabular-nums ${d.pre !== d.post ? "font-semibold" : ""}`}>
                  {formatScore(d.post)}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </div>
    </div>
  );
}
