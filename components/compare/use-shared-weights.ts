"use client";

// What-if weights, and the link that carries them (docs/decisions/054-what-if-weights-in-the-link.md):
// the address follows the sliders, so copying it shares the view; it is replaced, not pushed, so
// Back still leaves the page rather than stepping through every slider move.
import { useEffect, useMemo, useState } from "react";
import type { ScoringTemplate } from "@/lib/domain/scoring";
import { SHARED_WEIGHTS_PARAM, sharedWeightsValue, weightsOf } from "@/lib/domain/sensitivity";

// a dragged slider changes many times a second; browsers throttle frequent history updates
const URL_DELAY_MS = 250;

export function useSharedWeights(template: ScoringTemplate, fromLink: Record<string, number> | null) {
  const roleWeights = useMemo(() => weightsOf(template), [template]);
  const [weights, setWeights] = useState(fromLink ?? roleWeights);
  const edited = template.dimensions.some((d) => Math.abs(weights[d.id] - d.weight) > 1e-9);
  useEffect(() => {
    const timer = setTimeout(() => {
      const url = new URL(window.location.href);
      if (edited) url.searchParams.set(SHARED_WEIGHTS_PARAM, sharedWeightsValue(template, weights));
      else url.searchParams.delete(SHARED_WEIGHTS_PARAM);
      if (url.href !== window.location.href) window.history.replaceState(null, "", url);
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [edited, template, weights]);
  return { weights, setWeights, edited, reset: () => setWeights(roleWeights) };
}
