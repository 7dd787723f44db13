import {
  NOT_ASSESSED_LABEL,
  OVERALL_RECOMMENDATION_LABELS,
  RATING_LABELS,
  type OverallRecommendation,
} from "@/lib/domain/vocabulary";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import type { KitView } from "./types";

/** A scorecard read-only: answered dimensions (Not assessed shown as such), flags, take-aways. */
export function ScorecardView({
  kit,
  values,
}: {
  kit: Pick<KitView, "dimensions" | "redFlags">;
  values: ScorecardValues;
}) {
  const rated = kit.dimensions.filter((d) => values.ratings[d.id]?.score || values.ratings[d.id]?.evidence);
  const flags = kit.redFlags.filter((f) => values.redFlags[f.id]?.observed);
  return (
    <div className="space-y-3 text-sm">
      <p>
        <span className="font-medium">Overall recommendation: </span>
        {values.recommendation ? OVERALL_RECOMMENDATION_LABELS[values.recommendation as OverallRecommendation] : "—"}
      </p>
      <dl className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {rated.map((d) => {
          const r = values.ratings[d.id];
          return (
            <div key={d.id} className="grid gap-1 p-3 sm:grid-cols-[14rem_1fr]">
              <dt className="font-medium">{d.name}</dt>
              <dd>
                {r.score === "na" ? (
                  <span className="rounded bg-slate-200 px-1.5 py-0.5 text-slate-800">{NOT_ASSESSED_LABEL}</span>
                ) : r.score ? (
                  <span className="font-semibold">
                    {r.score} · {RATING_LABELS[Number(r.score) as 1]}
                  </span>
                ) : (
                  <span className="text-slate-600">Not rated</span>
                )}
                {r.evidence ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{r.evidence}</p> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {flags.length > 0 ? (
        <div>
          <p className="font-medium text-red-800">Red flags observed</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {flags.map((f) => (
              <li key={f.id}>
                {f.text}
                <span className="block whitespace-pre-wrap text-slate-800">Note: {values.redFlags[f.id].note}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-slate-700">No red flags observed.</p>
      )}
      <div>
        <p className="font-medium">Key take-aways</p>
        <p className="whitespace-pre-wrap text-slate-800">{values.keyTakeaways || "—"}</p>
      </div>
    </div>
  );
}
