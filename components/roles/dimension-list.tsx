import { Badge } from "@/components/ui/badge";
import {
  RATING_LABELS,
  WEIGHT_ORIGIN_LABELS,
  WEIGHT_ORIGIN_SHORT,
  type Rating,
  type WeightOrigin,
} from "@/lib/domain/vocabulary";
import type { RoleVersion } from "@/lib/data/role-templates";
import { formatTemplateWeight } from "@/lib/domain/weights";

export function DimensionList({ dimensions }: { dimensions: RoleVersion["dimensions"] }) {
  return (
    <ol className="space-y-4">
      {dimensions.map((d) => {
        const origin = d.weightOrigin as WeightOrigin;
        return (
          <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-base font-semibold">{d.name}</h3>
              <span className="flex items-center gap-2">
                <span
                  className="text-lg font-semibold tabular-nums"
                  aria-label={`Weight ${formatTemplateWeight(d.weight)}`}
                >
                  {formatTemplateWeight(d.weight)}
                </span>
                <Badge tone={origin === "source" ? "info" : "warn"} title={WEIGHT_ORIGIN_LABELS[origin]}>
                  {WEIGHT_ORIGIN_SHORT[origin]}
                </Badge>
              </span>
            </div>
            <div className="mt-2 h-2 w-full rounded bg-slate-100" aria-hidden="true">
              <div className="h-2 rounded bg-indigo-600" style={{ width: `${Math.min(100, d.weight * 2.5)}%` }} />
            </div>
            <dl className="mt-3 space-y-2 text-sm">
              {d.anchors.map((a, i) => (
                <div key={i}>
                  <dt className="font-medium text-slate-900">
                    {a.label}
                    {a.level ? (
                      <span className="ml-2 font-normal text-slate-600">
                        (describes {a.level} · {RATING_LABELS[a.level as Rating]})
                      </span>
                    ) : null}
                  </dt>
                  <dd className="text-slate-800">{a.text}</dd>
                </div>
              ))}
              {d.evidenceToSeek ? (
                <div>
                  <dt className="font-medium text-slate-900">Evidence to seek</dt>
                  <dd className="text-slate-800">{d.evidenceToSeek}</dd>
                </div>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
