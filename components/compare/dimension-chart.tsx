// Grouped bars: one group per dimension, one bar per selected candidate (2–4), mean on a 1–5
// scale. A picture of the "Dimension means" table above, which carries the same numbers for
// screen readers.
import type { ScoringTemplate } from "@/lib/domain/scoring";
import type { Ranked } from "@/lib/domain/sensitivity";

// distinct on white and for common colour-vision deficiencies (Okabe–Ito), each with a dash style too
const SERIES = [
  { color: "#0072B2", dash: "" },
  { color: "#D55E00", dash: "4 2" },
  { color: "#009E73", dash: "1 2" },
  { color: "#CC79A7", dash: "6 2 1 2" },
];

export function DimensionChart({ template, candidates }: { template: ScoringTemplate; candidates: Ranked[] }) {
  if (candidates.length < 2)
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
        Select at least two candidates to overlay their profiles.
      </p>
    );
  const labelW = 190;
  const plotW = 360;
  const bar = 9;
  const group = candidates.length * (bar + 2) + 12;
  const height = template.dimensions.length * group + 30;
  const x = (v: number) => labelW + ((v - 0) / 5) * plotW;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {candidates.map((c, i) => (
          <span key={c.id} className="flex items-center gap-1.5">
            <svg width="22" height="10" aria-hidden="true">
              <rect width="22" height="10" fill={SERIES[i].color} />
            </svg>
            {c.label}
          </span>
        ))}
      </figcaption>
      <svg
        viewBox={`0 0 ${labelW + plotW + 40} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Mean rating per dimension for ${candidates.map((c) => c.label).join(", ")}; the same numbers are in the Dimension means table`}
      >
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={0} y2={height - 22} stroke="#cbd5e1" strokeDasharray={v === 3 ? "" : "2 3"} />
            <text x={x(v)} y={height - 8} fontSize="11" textAnchor="middle" fill="#334155">
              {v}
            </text>
          </g>
        ))}
        {template.dimensions.map((d, di) => {
          const y0 = di * group + 4;
          return (
            <g key={d.id}>
              <text
                x={labelW - 8}
                y={y0 + group / 2}
                fontSize="11"
                textAnchor="end"
                dominantBaseline="middle"
                fill="#0f172a"
              >
                {d.name.length > 30 ? `${d.name.slice(0, 29)}…` : d.name}
              </text>
              {candidates.map((c, ci) => {
                const r = c.score.dimensions[di];
                const y = y0 + ci * (bar + 2);
                return r.mean === null ? (
                  <text key={c.id} x={labelW + 4} y={y + bar - 1} fontSize="9" fill="#475569">
                    {r.notAssessedCount ? "not assessed" : "not rated"}
                  </text>
                ) : (
                  <g key={c.id}>
                    <rect
                      x={labelW}
                      y={y}
                      width={x(r.mean) - labelW}
                      height={bar}
                      fill={SERIES[ci].color}
                      stroke="#0f172a"
                      strokeWidth="0.5"
                      strokeDasharray={SERIES[ci].dash}
                    />
                    <text x={x(r.mean) + 4} y={y + bar - 1} fontSize="9" fill="#0f172a">
                      {r.mean.toFixed(1)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
