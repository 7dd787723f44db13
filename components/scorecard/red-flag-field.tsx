"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import type { ScorecardValues } from "@/lib/validations/scorecard";

/** A red flag to tick when observed; ticking it asks for a note of what was observed. */
export function RedFlagField({ flag, disabled }: { flag: { id: string; text: string }; disabled?: boolean }) {
  const { register, control, formState } = useFormContext<ScorecardValues>();
  const observed = useWatch({ control, name: `redFlags.${flag.id}.observed` });
  const error = formState.errors.redFlags?.[flag.id]?.note?.message;
  const id = `flag-${flag.id}`;
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          disabled={disabled}
          className="mt-0.5 accent-red-700"
          {...register(`redFlags.${flag.id}.observed`)}
        />
        <span>{flag.text}</span>
      </label>
      {observed ? (
        <div className="mt-2 pl-6">
          <label htmlFor={`${id}-note`} className="block text-sm font-medium">
            What did you observe?
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            disabled={disabled}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
            className={`${inputClass} mt-1`}
            {...register(`redFlags.${flag.id}.note`)}
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
