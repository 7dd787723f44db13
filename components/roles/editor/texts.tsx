"use client";

import { Field, inputClass } from "@/components/forms/field";
import { SUMMARY_FIELDS } from "@/lib/domain/vocabulary";
import { box, errorAt, type EditorForm } from "./shared";

/** Red flags, strong and weak signals and what to assess (one per line), then the role summary. */
export function TextsSections({ form }: { form: EditorForm }) {
  const { register } = form;
  const { errors } = form.formState;
  return (
    <>
      <section aria-labelledby="lists-heading" className={box}>
        <h2 id="lists-heading" className="text-lg font-semibold">
          Red flags, signals and what to assess
        </h2>
        <p className="text-sm text-slate-700">One per line.</p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <Field id="redFlagsText" label="Red flags" error={errorAt(errors, "redFlags")}>
            <textarea id="redFlagsText" rows={5} className={inputClass} {...register("redFlagsText")} />
          </Field>
          <Field id="assessAreasText" label="What to assess (name: detail)">
            <textarea id="assessAreasText" rows={5} className={inputClass} {...register("assessAreasText")} />
          </Field>
          <Field id="strongSignalsText" label="Strong signals">
            <textarea id="strongSignalsText" rows={4} className={inputClass} {...register("strongSignalsText")} />
          </Field>
          <Field id="weakSignalsText" label="Weak signals">
            <textarea id="weakSignalsText" rows={4} className={inputClass} {...register("weakSignalsText")} />
          </Field>
        </div>
      </section>

      <details className={box}>
        <summary className="cursor-pointer text-lg font-semibold">Role summary</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {SUMMARY_FIELDS.map((f) => (
            <Field key={f.key} id={`summary-${f.key}`} label={f.label}>
              <textarea id={`summary-${f.key}`} rows={3} className={inputClass} {...register(`summary.${f.key}`)} />
            </Field>
          ))}
        </div>
      </details>
    </>
  );
}
