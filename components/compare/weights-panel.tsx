import type { ScoringTemplate } from "@/lib/domain/scoring";
import { setWeight } from "@/lib/domain/sensitivity";

const round1 = (w: number) => Math.round(w * 10) / 10;

/** What-if weights: always 100 in total, never saved (docs/decisions/005). */
export function WeightsPanel({
  template,
  weights,
  setWeights,
  onReset,
  edited,
}: {
  /** the role's template, with the role's weights */
  template: ScoringTemplate;
  weights: Record<string, number>;
  setWeights: (update: (w: Record<string, number>) => Record<string, number>) => void;
  onReset: () => void;
  edited: boolean;
}) {
  return (
    <aside
      aria-labelledby="weights-heading"
      className="h-fit rounded-lg border border-slate-200 bg-white p-4 lg:sticky lg:top-4"
    >
      <h2 id="weights-heading" className="text-lg font-semibold">
        What-if weights
      </h2>
      <p className="mt-1 text-xs text-slate-700">
        Always 100 in total: moving one rescales the others. Never saved; an admin changes a role&apos;s weights by
        saving a new template version.
      </p>
      <div className="mt-3 space-y-3">
        {template.dimensions.map((d) => (
          <div key={d.id}>
            <label htmlFor={`w-${d.id}`} className="block text-sm font-medium">
              {d.name}
            </label>
            <div className="flex items-center gap-2">
              <input
                id={`w-${d.id}`}
                type="range"
                min={0}
                max={100}
                step={1}
                value={round1(weights[d.id])}
                onChange={(e) => setWeights((w) => setWeight(w, d.id, Number(e.target.value)))}
                className="min-w-0 flex-1 accent-indigo-700"
                aria-describedby={`w-${d.id}-role`}
              />
              <input
                type="number"
                min={0}
                max={100}
                step={0.5}
                aria-label={`${d.name} weight (%)`}
                value={round1(weights[d.id])}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value !== "" && Number.isFinite(v)) setWeights((w) => setWeight(w, d.id, v));
                }}
                className="w-16 rounded border border-slate-400 px-1 py-0.5 text-right text-sm tabular-nums"
              />
            </div>
            <p id={`w-${d.id}-role`} className="text-xs text-slate-600">
              role: {round1(d.weight)}%
            </p>
          </div>
        ))}
      </div>
      <p className="mt-3 text-sm tabular-nums" aria-live="polite">
        Total: {round1(Object.values(weights).reduce((a, b) => a + b, 0))}%
      </p>
      <button
        type="button"
        onClick={onReset}
        disabled={!edited}
        className="mt-2 w-full rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium disabled:opacity-60"
      >
        Reset to the role&apos;s weights
      </button>
    </aside>
  );
}
