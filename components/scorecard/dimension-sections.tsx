import { RatingField } from "./rating-field";
import { RedFlagField } from "./red-flag-field";
import type { KitView } from "./types";

/**
 * The ratings: the interview's focus dimensions first, the others folded away (open when one of
 * them already has text, or when there is no focus), then the red flags.
 */
export function DimensionSections({ kit, otherTouched }: { kit: KitView; otherTouched: boolean }) {
  const focus = kit.dimensions.filter((d) => d.focus);
  const others = kit.dimensions.filter((d) => !d.focus);
  return (
    <>
      <section aria-labelledby="dimensions-heading" className="space-y-3">
        <h3 id="dimensions-heading" className="text-lg font-semibold">
          Focus dimensions ({focus.length})
        </h3>
        {focus.length === 0 ? (
          <p className="text-sm text-slate-700">
            No focus dimensions were set for this interview; rate what you covered below.
          </p>
        ) : null}
        {focus.map((d) => (
          <div key={d.id} id={`dim-${d.id}`} tabIndex={-1}>
            <RatingField dimension={d} />
          </div>
        ))}
        {others.length > 0 ? (
          <details
            open={otherTouched || focus.length === 0}
            className="rounded-lg border border-slate-200 bg-slate-100/60 p-3"
          >
            <summary className="cursor-pointer font-medium">
              Other dimensions ({others.length}) — rate them if the interview gave you evidence
            </summary>
            <div className="mt-3 space-y-3">
              {others.map((d) => (
                <div key={d.id} id={`dim-${d.id}`} tabIndex={-1}>
                  <RatingField dimension={d} />
                </div>
              ))}
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="flags-heading">
        <h3 id="flags-heading" className="text-lg font-semibold">
          Red flags
        </h3>
        <p className="text-sm text-slate-700">
          Tick any you observed and say what you saw. Any red flag makes the recommendation No hire (red flag).
        </p>
        <ul className="mt-2 space-y-2">
          {kit.redFlags.map((f) => (
            <RedFlagField key={f.id} flag={f} />
          ))}
        </ul>
      </section>
    </>
  );
}
