/** "▲ 2": how many places a candidate moved from the ranking on the role's weights. */
export function MoveBadge({
  baseline,
  id,
  at,
  edited,
}: {
  baseline: string[];
  id: string;
  at: number;
  edited: boolean;
}) {
  const was = baseline.indexOf(id);
  const moved = edited && was !== -1 && was !== at ? was - at : 0;
  if (!moved) return null;
  return (
    <span className={`text-xs font-semibold ${moved > 0 ? "text-emerald-800" : "text-red-800"}`}>
      {moved > 0 ? `▲ ${moved}` : `▼ ${-moved}`}
      <span className="sr-only"> places from the role&apos;s weights</span>
    </span>
  );
}
