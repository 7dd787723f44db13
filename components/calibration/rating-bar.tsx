// A small stacked bar of a rating distribution: the shares of 1–5 from left to right, then Not
// assessed drawn apart (white with a dashed outline: it is not a low score). The counts are in
// the bar's accessible name, and in the tables beside it.
import type { Distribution } from "@/lib/domain/calibration-stats";
import { NOT_ASSESSED_LABEL, RATING_LABELS } from "@/lib/domain/vocabulary";

/** 1 (strong concern) red → 3 neutral grey → 5 (exceptional) blue: a diverging scale that reads without red–green. */
export const RATING_COLORS = ["#b2182b", "#ef8a62", "#bababa", "#67a9cf", "#2166ac"] as const;

export function distributionText(d: Distribution): string {
  if (!d.total) return "no ratings";
  const parts = d.counts.map((n, i) => `${i + 1} (${RATING_LABELS[(i + 1) as 1 | 2 | 3 | 4 | 5]}): ${n}`);
  return `${parts.join(", ")}, ${NOT_ASSESSED_LABEL}: ${d.notAssessed}`;
}

export function RatingBar({
  distribution: d,
  width = 160,
  label,
}: {
  distribution: Distribution;
  width?: number;
  label: string;
}) {
  const h = 12;
  if (!d.total) return <span className="text-slate-600">—</span>;
  const segments = [
    ...d.counts.map((n, i) => ({ n, fill: RATING_COLORS[i], na: false })),
    { n: d.notAssessed, fill: "#ffffff", na: true },
  ];
  let x = 0;
  return (
    <svg
      width={width}
      height={h}
      viewBox={`0 0 ${width} ${h}`}
      role="img"
      aria-label={`${label}: ${distributionText(d)}`}
      className="inline-block align-middle"
    >
      <title>{`${label}: ${distributionText(d)}`}</title>
      {segments.map((s, i) => {
        if (!s.n) return null;
        const w = (s.n / d.total) * width;
        const rect = (
          <rect
            key={i}
            x={x + 0.5}
            y={0.5}
            width={Math.max(0, w - 1)}
            height={h - 1}
            fill={s.fill}
            stroke={s.na ? "#475569" : "none"}
            strokeDasharray={s.na ? "2 1.5" : undefined}
          />
        );
        x += w;
        return rect;
      })}
    </svg>
  );
}

export function RatingLegend() {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
      <span className="font-medium">Ratings:</span>
      {RATING_COLORS.map((c, i) => (
        <span key={c} className="flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill={c} />
          </svg>
          {i + 1} {RATING_LABELS[(i + 1) as 1 | 2 | 3 | 4 | 5]}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <svg width="12" height="12" aria-hidden="true">
          <rect x="0.5" y="0.5" width="11" height="11" fill="#fff" stroke="#475569" strokeDasharray="2 1.5" />
        </svg>
        {NOT_ASSESSED_LABEL}
      </span>
    </p>
  );
}
