// Leniency per interviewer: a dot at their mean difference from co-panelists, a line across its
// 95% band, a zero line and the ±threshold lines. Only interviewers with enough shared ratings
// are drawn; the rest are listed under the chart with their count. The same numbers are in the
// per-interviewer table and in the list read to screen readers.
import { formatSigned, LENIENCY_FLAG_POINTS } from "@/lib/domain/calibration-stats";

export type LeniencyPoint = { id: string; name: string; shared: number; meanDiff: number; low: number; high: number };

// Okabe–Ito: distinct on white and for common colour-vision deficiencies; each also has its own mark
const HIGHER = "#D55E00";
const LOWER = "#0072B2";
const WITHIN = "#334155";

function kindOf(p: LeniencyPoint) {
  if (p.low > LENIENCY_FLAG_POINTS) return "higher" as const;
  if (p.high < -LENIENCY_FLAG_POINTS) return "lower" as const;
  return "within" as const;
}

export function leniencyText(p: LeniencyPoint): string {
  return `${p.name}: ${formatSigned(p.meanDiff)} (95% band ${formatSigned(p.low)} to ${formatSigned(p.high)}), ${p.shared} shared ratings`;
}

export function LeniencyChart({ points }: { points: LeniencyPoint[] }) {
  const sorted = [...points].sort((a, b) => b.meanDiff - a.meanDiff || a.name.localeCompare(b.name));
  const extent = Math.max(1.5, ...sorted.map((p) => Math.ceil(Math.max(Math.abs(p.low), Math.abs(p.high)) * 2) / 2));
  const labelW = 170;
  const plotW = 380;
  const valueW = 120;
  const row = 24;
  const top = 20;
  const height = top + sorted.length * row + 30;
  const x = (v: number) => labelW + ((Math.max(-extent, Math.min(extent, v)) + extent) / (2 * extent)) * plotW;
  const ticks: number[] = [];
  const step = extent > 2 ? 1 : 0.5;
  for (let v = -extent; v <= extent + 1e-9; v += step) ticks.push(Math.round(v * 10) / 10);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
        <span className="flex items-center gap-1.5">
          <svg width="12" height="12" aria-hidden="true">
            <path d="M6 1 L11 11 L1 11 Z" fill={HIGHER} />
          </svg>
          Rates higher (band above +{LENIENCY_FLAG_POINTS})
        </span>
        <span className="flex items-center gap-1.5">
          <svg width="12" height="12" aria-hidden="true">
            <path d="M6 11 L11 1 L1 1 Z" fill={LOWER} />
          </svg>
          Rates lower (band below −{LENIENCY_FLAG_POINTS})
        </span>
        <span className="flex items-center gap-1.5">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4.5" fill={WITHIN} />
          </svg>
          Within ±{LENIENCY_FLAG_POINTS} or unsure
        </span>
      </figcaption>
      <div
        className="overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Leniency chart (scrolls sideways on small screens)"
      >
        <svg
          viewBox={`0 0 ${labelW + plotW + valueW} ${height}`}
          className="h-auto w-full min-w-[34rem]"
          role="img"
          aria-label="Leniency per interviewer: mean difference from co-panelists with its 95% band; the same numbers are listed below and in the interviewer table"
        >
          <text x={x(0)} y={12} fontSize="11" textAnchor="middle" fill="#334155">
            same as co-panelists
          </text>
          {ticks.map((v) => (
            <g key={v}>
              <line
                x1={x(v)}
                x2={x(v)}
                y1={top - 2}
                y2={height - 24}
                stroke={v === 0 ? "#0f172a" : "#e2e8f0"}
                strokeWidth={v === 0 ? 1.5 : 1}
              />
              <text x={x(v)} y={height - 10} fontSize="11" textAnchor="middle" fill="#334155">
                {v === 0 ? "0" : `${v > 0 ? "+" : "−"}${Math.abs(v)}`}
              </text>
            </g>
          ))}
          {[-LENIENCY_FLAG_POINTS, LENIENCY_FLAG_POINTS].map((v) => (
            <line key={v} x1={x(v)} x2={x(v)} y1={top - 2} y2={height - 24} stroke="#64748b" strokeDasharray="4 3" />
          ))}
          {sorted.map((p, i) => {
            const y = top + i * row + row / 2;
            const kind = kindOf(p);
            const color = kind === "higher" ? HIGHER : kind === "lower" ? LOWER : WITHIN;
            const cx = x(p.meanDiff);
            return (
              <g key={p.id}>
                <text x={labelW - 8} y={y} fontSize="12" textAnchor="end" dominantBaseline="middle" fill="#0f172a">
                  {p.name.length > 24 ? `${p.name.slice(0, 23)}…` : p.name}
                </text>
                <line
                  x1={x(p.low)}
                  x2={x(p.high)}
                  y1={y}
                  y2={y}
                  stroke={color}
                  strokeWidth={2.5}
                  strokeLinecap="round"
                />
                {kind === "higher" ? (
                  <path
                    d={`M${cx} ${y - 6} L${cx + 6} ${y + 5} L${cx - 6} ${y + 5} Z`}
                    fill={color}
                    stroke="#fff"
                    strokeWidth={1}
                  />
                ) : kind === "lower" ? (
                  <path
                    d={`M${cx} ${y + 6} L${cx + 6} ${y - 5} L${cx - 6} ${y - 5} Z`}
                    fill={color}
                    stroke="#fff"
                    strokeWidth={1}
                  />
                ) : (
                  <circle cx={cx} cy={y} r={5} fill={color} stroke="#fff" strokeWidth={1} />
                )}
                <text x={labelW + plotW + 8} y={y} fontSize="11" dominantBaseline="middle" fill="#0f172a">
                  {formatSigned(p.meanDiff)} · n={p.shared}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="sr-only">
        {sorted.map((p) => (
          <li key={p.id}>{leniencyText(p)}</li>
        ))}
      </ul>
    </figure>
  );
}
