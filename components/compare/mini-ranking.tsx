import type { Ranked } from "@/lib/domain/sensitivity";
import { MoveBadge } from "./move-badge";

const SHOWN = 5;

/**
 * The ranking's top, kept in view above the what-if sliders on a phone, where the full ranking is
 * a screen or more away: moving a slider shows its effect at once. From lg up the full ranking
 * sits beside the sliders and this is not shown.
 */
export function MiniRanking({ ranked, baseline, edited }: { ranked: Ranked[]; baseline: string[]; edited: boolean }) {
  if (ranked.length === 0) return null;
  return (
    <div
      className="sticky top-0 z-10 -mx-4 -mt-4 mb-3 rounded-t-lg border-b border-slate-200 bg-white/95 px-4 pt-3 pb-2 backdrop-blur lg:hidden"
      data-testid="mini-ranking"
    >
      <p className="text-xs font-semibold text-slate-800">
        Ranking with these weights{ranked.length > SHOWN ? ` (top ${SHOWN} of ${ranked.length})` : ""}
      </p>
      <ol className="mt-1 space-y-0.5 text-sm" aria-label="Ranking with these weights">
        {ranked.slice(0, SHOWN).map((r, i) => {
          return (
            <li key={r.id} className="flex items-baseline gap-2" data-testid="mini-ranked">
              <span className="w-6 font-semibold tabular-nums">#{i + 1}</span>
              <span className="min-w-0 flex-1 truncate">{r.label}</span>
              <MoveBadge baseline={baseline} id={r.id} at={i} edited={edited} />
              <span className="tabular-nums">{r.score.scoreText}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
