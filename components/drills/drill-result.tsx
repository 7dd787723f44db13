import { formatSigned } from "@/lib/domain/calibration-stats";
import { MIN_CONSENSUS_RATERS } from "@/lib/domain/drills";
import { NOT_ASSESSED_LABEL } from "@/lib/domain/vocabulary";
import type { DrillForRater } from "@/lib/data/drills";
import { ScrollTable } from "@/components/ui/scroll-table";

// One's own drill ratings beside the consensus, shown only after one's own submission
// (docs/decisions/080-calibration-drills.md).

const fixed = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

export function DrillResult({ drill }: { drill: DrillForRater }) {
  const result = drill.result!;
  const nameOf = new Map(drill.dimensions.map((d) => [d.id, d.name]));
  const evidenceOf = new Map((drill.own ?? []).map((o) => [o.dimensionId, o.evidence]));
  const { deviation } = result;
  return (
    <section aria-labelledby="drill-result-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="drill-result-heading" className="text-lg font-semibold">
        Your ratings against the consensus
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {result.consensusMode === "admin"
          ? "The consensus was set by an admin."
          : `The consensus is the mean of the other raters' submitted ratings; it counts from ${MIN_CONSENSUS_RATERS} raters on and moves as more submit.`}{" "}
        {deviation.meanDeviation === null
          ? "Nothing to compare with yet."
          : `On average you rated ${formatSigned(deviation.meanDeviation)} from it (${deviation.meanDeviation > 0 ? "more lenient" : deviation.meanDeviation < 0 ? "harsher" : "the same"}), ${fixed(deviation.meanAbsDeviation!)} points off either way, over ${deviation.n} dimension${deviation.n === 1 ? "" : "s"}.`}
      </p>
      <ScrollTable
        label="Your drill ratings and the consensus"
        className="mt-3"
        tableClassName="min-w-full text-sm"
        headClassName="border-b border-slate-300 text-left"
        head={
          <>
            <th scope="col" className="py-2 pr-4">
              Dimension
            </th>
            <th scope="col" className="py-2 pr-4">
              Your rating
            </th>
            <th scope="col" className="py-2 pr-4">
              Consensus
            </th>
            <th scope="col" className="py-2 pr-4">
              You − consensus
            </th>
            <th scope="col" className="py-2 pr-4">
              Your evidence
            </th>
          </>
        }
      >
        <tbody>
          {deviation.dimensions.map((d) => (
            <tr key={d.dimensionId} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                {nameOf.get(d.dimensionId)}
              </th>
              <td className="py-1.5 pr-4">{d.own ?? NOT_ASSESSED_LABEL}</td>
              <td className="py-1.5 pr-4">
                {d.consensus === null ? (
                  "— (no other ratings yet)"
                ) : (
                  <>
                    {fixed(d.consensus.value)}
                    {d.consensus.raters !== null ? (
                      <span className="block text-slate-700">
                        n = {d.consensus.raters}
                        {d.consensus.enough ? "" : `: not enough (fewer than ${MIN_CONSENSUS_RATERS} raters)`}
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td className="py-1.5 pr-4 tabular-nums">{d.deviation === null ? "—" : formatSigned(d.deviation)}</td>
              <td className="py-1.5 pr-4 whitespace-pre-wrap">{evidenceOf.get(d.dimensionId) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
