import type { ReactNode } from "react";
import type { ScoringTemplate } from "@/lib/domain/scoring";
import { setWeight } from "@/lib/domain/sensitivity";
import { formatWeight } from "@/lib/domain/weights";

/**
 * What-if weights: always 100 in total, never saved (docs/decisions/005), carried by the page's
 * link (docs/decisions/054). `ranking` is kept in view above the sliders on a phone.
 */
export function WeightsPanel({
  template,
  weights,
  setWeights,
  onReset,
  edited,
  linkIgnored,
  ranking,
  className = "",
}: {
  /** the role's template, with the role's weights */
  template: ScoringTemplate;
  weights: Record<string, number>;
  setWeights: (update: (w: Record<string, number>) => Record<string, number>) => void;
  onReset: () => void;
  edited: boolean;
  /** the page was opened with weights in its link that could not be used */
  linkIgnored: boolean;
  ranking: ReactNode;
  className?: string;
}) {
  return (
    <aside
      aria-labelledby="weights-heading"
      className={`h-fit rounded-lg border border-slate-200 bg-white p-4 lg:sticky lg:top-4 ${className}`}
    >
      {ranking}
      <h2 id="weights-heading" className="text-lg font-semibold">
        What-if weights
      </h2>
      <p className="mt-1 text-xs text-slate-700">
        Always 100 in total: moving one rescales the others. Never saved; the page&apos;s address carries them, so a
        copied link shows the same weights. An admin changes a role&apos;s weights by saving a new template version.
      </p>
      {linkIgnored ? (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-slate-800" role="status">
          The weights in the link you opened do not fit this role&apos;s dimensions, so the role&apos;s weights are
          shown.
        </p>
      ) : null}
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
                value={weights[d.id]}
                // the thumb moves in whole points; what is read out is the weight itself (99.9, not 100)
                aria-valuetext={`${formatWeight(weights[d.id])}%`}
                onChange={(e) => setWeights((w) => setWeight(w, d.id, Number(e.target.value)))}
                // 44 px to touch on a phone; the sticky ranking above never covers it when focused
                className="h-11 min-w-0 flex-1 scroll-mt-44 accent-indigo-700 lg:h-auto lg:scroll-mt-0"
                aria-describedby={`w-${d.id}-role`}
              />
              <input
                type="number"
                min={0}
                max={100}
                step={0.5}
                aria-label={`${d.name} weight (%)`}
                // a number, not text, so React leaves "0.0" alone while someone types 0.05
                value={Number(formatWeight(weights[d.id]))}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value !== "" && Number.isFinite(v)) setWeights((w) => setWeight(w, d.id, v));
                }}
                className="h-11 w-20 scroll-mt-44 rounded border border-slate-400 px-1 py-0.5 text-right text-sm tabular-nums lg:h-auto lg:w-16 lg:scroll-mt-0"
              />
            </div>
            <p id={`w-${d.id}-role`} className="text-xs text-slate-600">
              role: {formatWeight(d.weight)}%
            </p>
          </div>
        ))}
      </div>
      <p className="mt-3 text-sm tabular-nums" aria-live="polite">
        Total: {formatWeight(Object.values(weights).reduce((a, b) => a + b, 0))}%
      </p>
      <button
        type="button"
        onClick={onReset}
        disabled={!edited}
        className="mt-2 min-h-11 w-full rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium disabled:opacity-60 lg:min-h-0"
      >
        Reset to the role&apos;s weights
      </button>
    </aside>
  );
}
