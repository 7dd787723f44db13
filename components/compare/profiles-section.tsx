import type { ScoringTemplate } from "@/lib/domain/scoring";
import type { Ranked } from "@/lib/domain/sensitivity";
import { DimensionChart } from "./dimension-chart";

/** The chart of 2 to 4 candidates' dimension profiles, chosen among those shown. */
export function ProfilesSection({
  template,
  shown,
  everyone,
  selected,
  toggle,
}: {
  template: ScoringTemplate;
  shown: Ranked[];
  everyone: Ranked[];
  selected: string[];
  toggle: (id: string) => void;
}) {
  return (
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading" className="text-xl font-semibold tracking-tight">
        Profiles
      </h2>
      <fieldset className="mt-2">
        <legend className="text-sm text-slate-700">Overlay 2 to 4 candidates ({selected.length} selected)</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {shown.map((r) => (
            // 44 px tall to touch on a phone
            <label key={r.id} className="flex min-h-11 items-center gap-1.5 text-sm sm:min-h-0">
              <input
                type="checkbox"
                className="h-4 w-4"
                checked={selected.includes(r.id)}
                disabled={!selected.includes(r.id) && selected.length >= 4}
                onChange={() => toggle(r.id)}
              />
              {r.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3">
        <DimensionChart template={template} candidates={everyone.filter((r) => selected.includes(r.id))} />
      </div>
    </section>
  );
}
