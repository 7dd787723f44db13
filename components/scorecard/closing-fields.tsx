"use client";

import { useFormContext } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { OVERALL_RECOMMENDATIONS, OVERALL_RECOMMENDATION_LABELS } from "@/lib/domain/vocabulary";
import type { ScorecardValues } from "@/lib/validations/scorecard";

/** Key take-aways and the overall recommendation, the last part of every scorecard. */
export function ClosingFields() {
  const { register, formState } = useFormContext<ScorecardValues>();
  const { errors } = formState;
  return (
    <>
      <div>
        <label htmlFor="keyTakeaways" className="text-lg font-semibold">
          Key take-aways
        </label>
        <textarea
          id="keyTakeaways"
          rows={4}
          aria-invalid={!!errors.keyTakeaways}
          aria-describedby={errors.keyTakeaways ? "keyTakeaways-error" : undefined}
          className={`${inputClass} mt-1`}
          {...register("keyTakeaways")}
        />
        {errors.keyTakeaways ? (
          <p id="keyTakeaways-error" className="mt-1 text-sm text-red-700">
            {errors.keyTakeaways.message}
          </p>
        ) : null}
      </div>

      <fieldset
        id="recommendation"
        tabIndex={-1}
        aria-describedby={errors.recommendation ? "recommendation-error" : undefined}
      >
        <legend className="text-lg font-semibold">Overall recommendation</legend>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
          {OVERALL_RECOMMENDATIONS.map((r) => (
            <label
              key={r}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600"
            >
              <input type="radio" value={r} className="accent-indigo-700" {...register("recommendation")} />
              {OVERALL_RECOMMENDATION_LABELS[r]}
            </label>
          ))}
        </div>
        {errors.recommendation ? (
          <p id="recommendation-error" className="mt-1 text-sm text-red-700">
            {errors.recommendation.message}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

/** Why a submitted scorecard is amended: required, and shown to every reader with the earlier version. */
export function AmendReason({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor="amend-reason" className="text-lg font-semibold">
        Reason for the amendment
      </label>
      <p id="amend-reason-hint" className="text-sm text-slate-700">
        Everyone who reads this scorecard sees the reason and the earlier version.
      </p>
      <textarea
        id="amend-reason"
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? "amend-reason-error" : "amend-reason-hint"}
        className={`${inputClass} mt-1`}
      />
      {error ? (
        <p id="amend-reason-error" role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
