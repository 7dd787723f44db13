// Grouped bars: one group per dimension, one bar per selected candidate (2–4), mean on a 1–5
// scale. A picture of the "Dimension means" table above, which carries the same numbers for
// screen readers. Laid out in HTML, not a scaled SVG, so its labels keep their size on a phone
// (docs/decisions/055-charts-that-fit-a-phone.md): names above the bars there, beside them from sm up.
import type { ScoringTemplate } from "@/lib/domain/scoring";
import type { Ranked } from "@/lib/domain/sensitivity";

// distinct on white and for common colour-vision deficiencies (Okabe–Ito), each with its own outline too
const SERIES = [
  { color: "#0072B2", border: "1px solid #0f172a" },
  { color: "#D55E00", border: "1px dashed #0f172a" },
  { color: "#009E73", border: "1px dotted #0f172a" },
  { color: "#CC79A7", border: "3px double #0f172a" },
];
const at = (v: number) => `${(v / 5) * 100}%`;
const ROW = "grid gap-x-3 sm:grid-cols-[12rem_minmax(0,1fr)] sm:items-center";

function Swatch({ i }: { i: number }) {
  return (
    <span
      className="inline-block h-2.5 w-5 shrink-0"
      style={{ background: SERIES[i].color, border: SERIES[i].border }}
      aria-hidden="true"
    />
  );
}

export function DimensionChart({ template, candidates }: { template: ScoringTemplate; candidates: Ranked[] }) {
  if (candidates.length < 2)
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
        Select at least two candidates to overlay their profiles.
      </p>
    );
  const gridlines = [1, 2, 3, 4, 5].map((v) => (
    <span
      key={v}
      className={`absolute inset-y-0 ${v === 3 ? "border-l border-slate-300" : "border-l border-dashed border-slate-300"}`}
      style={{ left: at(v) }}
    />
  ));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {candidates.map((c, i) => (
          <span key={c.id} className="flex items-center gap-1.5">
            <Swatch i={i} />
            {c.label}
          </span>
        ))}
      </figcaption>
      <div
        role="img"
        aria-label={`Mean rating per dimension for ${candidates.map((c) => c.label).join(", ")}; the same numbers are in the Dimension means table`}
        className="text-xs text-slate-900"
        data-testid="profile-chart"
      >
        {template.dimensions.map((d, di) => (
          <div key={d.id} className={`${ROW} py-1`}>
            <span className="text-sm sm:text-right">
              <span>{d.name}</span>
            </span>
            {/* room on the right for a 5.0 bar's value */}
            <div className="relative mr-8 py-0.5">
              {gridlines}
              {candidates.map((c, ci) => {
                const r = c.score.dimensions[di];
                return (
                  <div key={c.id} className="relative flex h-4 items-center">
                    {r.mean === null ? (
                      <span className="text-slate-700">{r.notAssessedCount ? "not assessed" : "not rated"}</span>
                    ) : (
                      <>
                        <span
                          className="h-3 shrink-0"
                          style={{ width: at(r.mean), background: SERIES[ci].color, border: SERIES[ci].border }}
                        />
                        <span className="ml-1 tabular-nums">{r.mean.toFixed(1)}</span>
                      </>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        ))}
        <div className={ROW}>
          <span className="hidden sm:block" />
          <div className="relative mr-8 h-5 text-slate-700">
            {[1, 2, 3, 4, 5].map((v) => (
              <span key={v} className="absolute bottom-0 -translate-x-1/2" style={{ left: at(v) }}>
                {v}
              </span>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
}
