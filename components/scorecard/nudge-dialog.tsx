"use client";

import { useLayoutEffect, useRef } from "react";
import type { Nudge } from "@/lib/domain/nudges";
import type { KitView } from "./types";

/** The element a nudge sends the interviewer to: the dimension's evidence box, or the recommendation. */
export function nudgeTargetId(nudge: Nudge): string {
  return nudge.kind === "contradiction" ? "recommendation" : `dim-${nudge.dimensionId}-evidence`;
}

/** The accessible name of a nudge's "go to" button (unique per nudge). */
export function nudgeActionLabel(nudge: Nudge, kit: Pick<KitView, "dimensions">): string {
  if (nudge.kind === "contradiction") return "Review the overall recommendation";
  const name = kit.dimensions.find((d) => d.id === nudge.dimensionId)?.name ?? "this dimension";
  return `Add evidence for ${name}`;
}

/** "Go back and add evidence" when some nudge is about evidence; otherwise there is none to add. */
export function backLabel(nudges: readonly Nudge[]): string {
  return nudges.some((n) => n.kind !== "contradiction") ? "Go back and add evidence" : "Go back and review";
}

/**
 * Moves focus to a nudge's field: opens the "Other dimensions" disclosure if the field is inside
 * it, focuses the chosen recommendation (or the group when none is), and scrolls it clear of the
 * sticky submit bar.
 */
export function focusNudgeTarget(nudge: Nudge) {
  const target = document.getElementById(nudgeTargetId(nudge));
  if (!target) return;
  const details = target.closest("details");
  if (details && !details.open) details.open = true;
  const el =
    nudge.kind === "contradiction" ? (target.querySelector<HTMLInputElement>("input:checked") ?? target) : target;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: "center" });
}

/**
 * Shown when Submit is pressed and the scorecard has nudges: a modal alert dialog listing them,
 * each with a button to its field, then "Go back" and "Submit anyway". Escape (or Go back) closes
 * it; nothing here stops the submission.
 */
export function NudgeDialog({
  nudges,
  kit,
  mode,
  onGoTo,
  onBack,
  onSubmitAnyway,
}: {
  nudges: readonly Nudge[];
  kit: Pick<KitView, "dimensions">;
  mode: "draft" | "amend";
  /** closed; move focus to this nudge's field */
  onGoTo: (nudge: Nudge) => void;
  /** closed by Escape: focus goes back to where it was (the submit button) */
  onBack: () => void;
  onSubmitAnyway: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // modal from the moment it appears (the page behind is inert), the heading focused so that a
  // screen reader starts at the top; closed before it leaves the page, which puts focus back
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    heading.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const close = (then: () => void) => {
    ref.current?.close();
    then();
  };
  const n = nudges.length;
  const verb = mode === "amend" ? "save the amendment" : "submit";

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="nudges-heading"
      aria-describedby="nudges-text"
      onCancel={(e) => {
        e.preventDefault();
        close(onBack);
      }}
      className="fixed inset-0 m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-xl overflow-y-auto rounded-lg border-2 border-amber-500 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/50 sm:p-6"
    >
      <h2 id="nudges-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        {n === 1 ? `One thing to look at before you ${verb}` : `${n} things to look at before you ${verb}`}
      </h2>
      <p id="nudges-text" className="mt-1 text-sm text-slate-700">
        {n === 1 ? "This is a nudge, not a rule" : "These are nudges, not rules"}: evidence is what makes a rating
        useful to the rest of the panel, but you can {verb} as it is.
      </p>
      <ul className="mt-3 space-y-3" aria-label="Nudges">
        {nudges.map((nudge) => (
          <li key={nudgeTargetId(nudge)} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p>{nudge.message}</p>
            <button
              type="button"
              onClick={() => close(() => onGoTo(nudge))}
              className="mt-2 rounded-md border border-indigo-700 bg-white px-3 py-1.5 font-medium text-indigo-800 hover:bg-indigo-50"
            >
              {nudgeActionLabel(nudge, kit)}
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-col gap-2 sm:flex-row-reverse sm:justify-start">
        <button
          type="button"
          onClick={() => close(() => onGoTo(nudges[0]))}
          className="rounded-md bg-indigo-700 px-4 py-2.5 font-medium text-white hover:bg-indigo-800"
        >
          {backLabel(nudges)}
        </button>
        <button
          type="button"
          onClick={() => close(onSubmitAnyway)}
          className="rounded-md border border-slate-400 bg-white px-4 py-2.5 font-medium hover:bg-slate-50"
        >
          {mode === "amend" ? "Save amendment anyway" : "Submit anyway"}
        </button>
      </div>
    </dialog>
  );
}
