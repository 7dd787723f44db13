// Leniency per interviewer: a mark at their mean difference from co-panelists, a line across its
// 95% band, a zero line and the ±threshold lines. Only interviewers with enough shared ratings
// are drawn; the rest are listed under the chart with their count. The same numbers are in the
// per-interviewer table and in the list read to screen readers. Laid out in HTML, not a scaled SVG,
// so text keeps its size and the axis its full width on a phone, and the axis holds every band
// with a margin (docs/decisions/055-charts-that-fit-a-phone.md).
import { axisPercent, symmetricAxis } from "@/lib/domain/chart-axis";
import { formatSigned, LENIENCY_FLAG_POINTS } from "@/lib/domain/calibration-stats";

export type LeniencyPoint = { id: string; name: string; shared: number; meanDiff: number; low: number; high: number };

// Okabe–Ito: distinct on white and for common colour-vision deficiencies; each also has its own mark
const HIGHER = "#D55E00";
const LOWER = "#0072B2";
const WITHIN = "#334155";
const MARKS = {
  higher: { color: HIGHER, shape: <path d="M7 1 L13 12 L1 12 Z" fill={HIGHER} stroke="#fff" /> },
  lower: { color: LOWER, shape: <path d="M7 13 L13 2 L1 2 Z" fill={LOWER} stroke="#fff" /> },
  within: { color: WITHIN, shape: <circle cx="7" cy="7" r="5" fill={WITHIN} stroke="#fff" /> },
};

function kindOf(p: LeniencyPoint) {
  if (p.low > LENIENCY_FLAG_POINTS) return "higher" as const;
  if (p.high < -LENIENCY_FLAG_POINTS) return "lower" as const;
  return "within" as const;
}

export function leniencyText(p: LeniencyPoint): string {
  return `${p.name}: ${formatSigned(p.meanDiff)} (95% band ${formatSigned(p.low)} to ${formatSigned(p.high)}), ${p.shared} shared ratings`;
}

// one grid for every row: on a phone the name and value share a line above a full-width track;
// from sm up, name | track | value
const ROW = "grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 sm:grid-cols-[10rem_minmax(0,1fr)_7.5rem]";
const TRACK = "relative col-span-2 mx-3 sm:col-span-1 sm:col-start-2 sm:row-start-1";

export function LeniencyChart({ points }: { points: LeniencyPoint[] }) {
  const sorted = [...points].sort((a, b) => b.meanDiff - a.meanDiff || a.name.localeCompare(b.name));
  const { extent, ticks } = symmetricAxis(sorted.flatMap((p) => [p.low, p.high, p.meanDiff]));
  const at = (v: number) => `${axisPercent(v, extent)}%`;
  const grid = (
    <>
      {ticks.map((v) => (
        <span
          key={v}
          className={`absolute inset-y-0 ${v === 0 ? "w-0.5 -translate-x-1/2 bg-slate-900" : "w-px bg-slate-200"}`}
          style={{ left: at(v) }}
        />
      ))}
      {[-LENIENCY_FLAG_POINTS, LENIENCY_FLAG_POINTS].map((v) => (
        <span key={v} className="absolute inset-y-0 border-l border-dashed border-slate-500" style={{ left: at(v) }} />
      ))}
    </>
  );
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
        <span className="flex items-center gap-1.5">
          <svg width="14" height="14" aria-hidden="true">
            {MARKS.higher.shape}
          </svg>
          Rates higher (band above +{LENIENCY_FLAG_POINTS})
        </span>
        <span className="flex items-center gap-1.5">
          <svg width="14" height="14" aria-hidden="true">
            {MARKS.lower.shape}
          </svg>
          Rates lower (band below −{LENIENCY_FLAG_POINTS})
        </span>
        <span className="flex items-center gap-1.5">
          <svg width="14" height="14" aria-hidden="true">
            {MARKS.within.shape}
          </svg>
          Within ±{LENIENCY_FLAG_POINTS} or unsure
        </span>
      </figcaption>
      <div
        role="img"
        aria-label="Leniency per interviewer: mean difference from co-panelists with its 95% band; the same numbers are listed below and in the interviewer table"
        className="text-xs text-slate-700"
        data-testid="leniency-chart"
      >
        <div className={ROW}>
          <div className={`${TRACK} h-5`}>
            <span className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: at(0) }}>
              same as co-panelists
            </span>
          </div>
        </div>
        {sorted.map((p) => {
          const kind = kindOf(p);
          return (
            <div key={p.id} className={`${ROW} items-center`} data-testid="leniency-row">
              <span className="col-start-1 row-start-1 truncate text-sm text-slate-900 sm:text-right">{p.name}</span>
              <span className="col-start-2 row-start-1 text-right text-slate-900 tabular-nums sm:col-start-3 sm:text-left">
                {formatSigned(p.meanDiff)} · n={p.shared}
              </span>
              <div className={`${TRACK} h-7`}>
                {grid}
                <span
                  data-testid="leniency-band"
                  className="absolute top-1/2 h-[3px] -translate-y-1/2 rounded-full"
                  style={{
                    left: at(p.low),
                    width: `${axisPercent(p.high, extent) - axisPercent(p.low, extent)}%`,
                    background: MARKS[kind].color,
                  }}
                />
                <svg
                  width="14"
                  height="14"
                  aria-hidden="true"
                  className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2"
                  style={{ left: at(p.meanDiff) }}
                  data-testid="leniency-mark"
                >
                  {MARKS[kind].shape}
                </svg>
              </div>
            </div>
          );
        })}
        <div className={ROW}>
          <div className={`${TRACK} h-6`}>
            {ticks.map((v) => (
              <span
                key={v}
                className="absolute bottom-0 -translate-x-1/2 tabular-nums"
                style={{ left: at(v) }}
                data-testid="leniency-tick"
              >
                {v === 0 ? "0" : `${v > 0 ? "+" : "−"}${Math.abs(v)}`}
              </span>
            ))}
          </div>
        </div>
      </div>
      <ul className="sr-only">
        {sorted.map((p) => (
          <li key={p.id}>{leniencyText(p)}</li>
        ))}
      </ul>
    </figure>
  );
}
