"use client";

import { useWatch } from "react-hook-form";
import { Field, inputClass } from "@/components/forms/field";
import { MIN_SHARED_OBSERVATIONS, RECOMMEND_ON_LABELS } from "@/lib/domain/calibration";
import { redFlagRuleText } from "@/lib/domain/red-flag-cap";
import { box, errorAt, type EditorForm } from "./shared";

const FIELDS = [
  ["minCoverage", "Minimum coverage (0–1)", "0.01"],
  ["strongHireMin", "Strong hire from", "0.01"],
  ["hireMin", "Hire from", "0.01"],
  ["leanNoHireMin", "Lean no hire from", "0.01"],
  ["splitSpreadMin", "Split panel spread", "1"],
] as const;

/** The role's own recommendation thresholds, and whether they apply to raw or calibrated scores. */
export function ThresholdsSection({ form }: { form: EditorForm }) {
  const { register } = form;
  const { errors } = form.formState;
  const minInterviewers = Number(useWatch({ control: form.control, name: "thresholds.redFlagMinInterviewers" }));
  return (
    <section aria-labelledby="thr-heading" className={box}>
      <h2 id="thr-heading" className="text-lg font-semibold">
        Recommendation thresholds for this role
      </h2>
      <div className="mt-2 grid gap-3 sm:grid-cols-5">
        {FIELDS.map(([k, label, step]) => (
          <Field key={k} id={`thr-${k}`} label={label} error={errorAt(errors, `thresholds.${k}`)}>
            <input id={`thr-${k}`} type="number" step={step} className={inputClass} {...register(`thresholds.${k}`)} />
          </Field>
        ))}
      </div>
      <Field
        id="thr-redFlagMinInterviewers"
        label="A red flag caps the recommendation when raised by at least (interviewers)"
        error={errorAt(errors, "thresholds.redFlagMinInterviewers")}
      >
        <input
          id="thr-redFlagMinInterviewers"
          type="number"
          min={1}
          max={20}
          step={1}
          className={inputClass}
          aria-describedby="thr-redFlagRule"
          {...register("thresholds.redFlagMinInterviewers")}
        />
      </Field>
      <p id="thr-redFlagRule" className="mt-1 text-xs text-slate-700">
        {Number.isInteger(minInterviewers) && minInterviewers >= 1
          ? redFlagRuleText(minInterviewers)
          : "Enter a whole number of interviewers from 1 to 20."}
      </p>
      <Field id="thr-recommendOn" label="The recommendation uses" error={errorAt(errors, "thresholds.recommendOn")}>
        <select id="thr-recommendOn" className={inputClass} {...register("thresholds.recommendOn")}>
          {(["raw", "calibrated"] as const).map((v) => (
            <option key={v} value={v}>
              {RECOMMEND_ON_LABELS[v]}
            </option>
          ))}
        </select>
      </Field>
      <p className="mt-1 text-xs text-slate-700">
        Raw is the default. With calibrated scores, each interviewer&apos;s leniency (from at least{" "}
        {MIN_SHARED_OBSERVATIONS} ratings shared with co-panelists) is removed before the thresholds apply; the raw
        score is always shown beside it.
      </p>
    </section>
  );
}
