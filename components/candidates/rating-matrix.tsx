// The panel's ratings: dimensions down, interviewers across. Each rating opens its evidence note
// on demand; Not assessed is drawn differently from any rating (it is not a low score).
import type { CandidateSummary } from "@/lib/data/candidate-summary";
import { noteAnchor } from "@/lib/domain/panel-agreement";
import { NOT_ASSESSED_LABEL, RATING_LABELS, type Rating } from "@/lib/domain/vocabulary";
import { ScrollTable } from "@/components/ui/scroll-table";

const ratingTone: Record<Rating, string> = {
  1: "bg-red-100 text-red-900 ring-red-300",
  2: "bg-orange-50 text-orange-900 ring-orange-300",
  3: "bg-slate-100 text-slate-900 ring-slate-300",
  4: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  5: "bg-emerald-100 text-emerald-950 ring-emerald-400",
};

function Cell({
  cell,
  who,
  dimension,
  anchor,
}: {
  cell: CandidateSummary["scorecards"][number]["ratings"][string] | undefined;
  who: string;
  dimension: string;
  /** the note's id, which the panel's agreement quotes link to; a browser opens the details to show it */
  anchor: string;
}) {
  if (!cell)
    return (
      <span className="text-slate-600" title="Not rated on this scorecard">
        —<span className="sr-only"> not rated</span>
      </span>
    );
  const chip = cell.notAssessed ? (
    <span className="inline-block rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs italic text-slate-700">
      {NOT_ASSESSED_LABEL}
    </span>
  ) : (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${ratingTone[cell.rating as Rating]}`}
    >
      {cell.rating} · {RATING_LABELS[cell.rating as Rating]}
    </span>
  );
  if (!cell.evidence.trim()) return chip;
  return (
    <details className="group">
      <summary className="cursor-pointer list-none rounded focus-visible:outline-2">
        {chip} <span className="text-xs text-indigo-700 underline print:hidden">evidence</span>
        <span className="sr-only">
          {" "}
          from {who} on {dimension}
        </span>
      </summary>
      <p
        id={anchor}
        dir="auto"
        className="mt-1 max-w-[16rem] scroll-mt-4 whitespace-pre-wrap break-words text-xs text-slate-800"
      >
        {cell.evidence}
      </p>
    </details>
  );
}

export function RatingMatrix({ summary }: { summary: CandidateSummary }) {
  const { scorecards, score } = summary;
  return (
    <ScrollTable
      label="The panel's ratings (scrolls sideways on small screens)"
      caption="Ratings by dimension and interviewer; open a rating to read its evidence"
      head={
        <>
          <th scope="col" className="px-3 py-2 font-semibold">
            Dimension
          </th>
          {scorecards.map((s) => (
            <th key={s.id} scope="col" className="px-3 py-2 font-semibold">
              {s.interviewerName}
              {s.exercise ? <span className="block text-xs font-normal text-slate-600">{s.exercise}</span> : null}
            </th>
          ))}
        </>
      }
    >
      <tbody className="divide-y divide-slate-100">
        {score.dimensions.map((d) => (
          <tr key={d.id}>
            <th scope="row" className="px-3 py-2 align-top font-medium">
              {d.name}
            </th>
            {scorecards.map((s) => (
              <td key={s.id} className="px-3 py-2 align-top">
                <Cell
                  cell={s.ratings[d.id]}
                  who={s.interviewerName}
                  dimension={d.name}
                  anchor={noteAnchor(s.id, d.id)}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** For the printed handout: every evidence note, since closed notes do not print. */
export function EvidenceAppendix({ summary }: { summary: CandidateSummary }) {
  return (
    <section aria-labelledby="evidence-print" className="hidden print:block print:break-before-page">
      <h2 id="evidence-print" className="text-xl font-semibold">
        Evidence notes
      </h2>
      {summary.scorecards.map((s) => (
        <div key={s.id} className="mt-3 break-inside-avoid">
          <h3 className="font-semibold">
            {s.interviewerName}
            {s.exercise ? ` — ${s.exercise}` : ""}
          </h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {summary.score.dimensions
              .filter((d) => s.ratings[d.id]?.evidence.trim())
              .map((d) => (
                <li key={d.id}>
                  <span className="font-medium">{d.name}</span> (
                  {s.ratings[d.id].notAssessed ? NOT_ASSESSED_LABEL : s.ratings[d.id].rating}):{" "}
                  {s.ratings[d.id].evidence}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
