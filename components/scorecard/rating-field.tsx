"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { evidenceHint } from "@/lib/domain/nudges";
import { NOT_ASSESSED_LABEL, RATING_LABELS } from "@/lib/domain/vocabulary";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import type { KitView } from "./types";
import { formatTemplateWeight } from "@/lib/domain/weights";

const OPTIONS = [
  ...([1, 2, 3, 4, 5] as const).map((n) => ({
    value: String(n),
    label: `${n} ${RATING_LABELS[n]}`,
    words: RATING_LABELS[n] as string,
  })),
  { value: "na", label: NOT_ASSESSED_LABEL, words: null },
];

/** One dimension: its anchors and guidance, the 1–5 / Not assessed choice and the evidence note. */
export function RatingField({
  dimension: d,
  disabled,
}: {
  dimension: KitView["dimensions"][number];
  disabled?: boolean;
}) {
  const { register, formState, control } = useFormContext<ScorecardValues>();
  const error = formState.errors.ratings?.[d.id]?.score?.message;
  const base = `dim-${d.id}`;
  // a quiet hint (not announced as it changes) while a 1, 2 or 5 lacks evidence (lib/domain/nudges)
  const entry = useWatch({ control, name: `ratings.${d.id}` });
  const hint = disabled ? null : evidenceHint(entry?.score ?? "", entry?.evidence ?? "");
  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-describedby={error ? `${base}-error` : undefined}
    >
      <legend className="float-left flex w-full flex-wrap items-baseline justify-between gap-2">
        <span className="text-base font-semibold">{d.name}</span>
        <span className="text-sm font-normal text-slate-700">
          Weight {formatTemplateWeight(d.weight)}
          {d.weightOrigin === "equal-default" ? " (equal split chosen by the app)" : ""}
        </span>
      </legend>
      <dl className="clear-left pt-2 space-y-1.5 text-sm">
        {d.anchors.map((a, i) => (
          <div key={i}>
            <dt className="font-medium">{a.label}</dt>
            <dd className="text-slate-800">{a.text}</dd>
          </div>
        ))}
        {d.evidenceToSeek ? (
          <div>
            <dt className="font-medium">Evidence to seek</dt>
            <dd className="text-slate-800">{d.evidenceToSeek}</dd>
          </div>
        ) : null}
      </dl>
      {/* On a phone, 1–5 in one row (the number shown, its words kept in the name, the scale's ends
          and middle named below) and Not assessed under it; all six in a row from sm up. Each
          option is at least 44 px tall. */}
      <div
        role="radiogroup"
        aria-label={`Rating for ${d.name}`}
        className="mt-3 grid grid-cols-5 gap-1.5 sm:grid-cols-6 sm:gap-2"
      >
        {OPTIONS.map((o) => (
          <label
            key={o.value}
            className={`flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 px-1 py-1.5 text-sm has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600 sm:justify-start sm:px-2 ${o.value === "na" ? "col-span-5 sm:col-span-1" : ""}`}
          >
            <input
              type="radio"
              value={o.value}
              disabled={disabled}
              className="accent-indigo-700"
              {...register(`ratings.${d.id}.score`)}
            />
            {o.words ? (
              <span>
                <span className="font-semibold sm:font-normal">{o.value}</span>{" "}
                <span className="sr-only sm:not-sr-only">{o.words}</span>
              </span>
            ) : (
              o.label
            )}
          </label>
        ))}
      </div>
      <p aria-hidden="true" className="mt-1 grid grid-cols-5 text-xs text-slate-700 sm:hidden">
        <span className="col-span-2">1 {RATING_LABELS[1]}</span>
        <span className="text-center">3 {RATING_LABELS[3]}</span>
        <span className="col-span-2 text-right">5 {RATING_LABELS[5]}</span>
      </p>
      {error ? (
        <p id={`${base}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <label htmlFor={`${base}-evidence`} className="mt-3 block text-sm font-medium">
        Evidence for {d.name}
      </label>
      <textarea
        id={`${base}-evidence`}
        rows={3}
        disabled={disabled}
        className={`${inputClass} mt-1`}
        placeholder="What did the candidate say or do?"
        aria-describedby={hint ? `${base}-evidence-hint` : undefined}
        {...register(`ratings.${d.id}.evidence`)}
      />
      {hint ? (
        <p id={`${base}-evidence-hint`} className="mt-1 text-sm text-amber-800">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
