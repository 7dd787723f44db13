"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";
import { Materials } from "./materials";
import { box, errorAt, type EditorForm } from "./shared";

/** The role's case exercises, each with the dimensions (by name, as typed above) it exercises. */
export function ExercisesSection({ form, slug }: { form: EditorForm; slug?: string }) {
  const { control, register } = form;
  const { errors } = form.formState;
  const exercises = useFieldArray({ control, name: "exercises" });
  const watchedDims = useWatch({ control, name: "dimensions" }) ?? [];
  const names = watchedDims.map((d) => d?.name?.trim()).filter(Boolean) as string[];
  return (
    <section aria-labelledby="ex-heading" className={box}>
      <h2 id="ex-heading" className="text-lg font-semibold">
        Case exercises ({exercises.fields.length})
      </h2>
      <ol className="mt-3 space-y-4">
        {exercises.fields.map((e, i) => (
          <li key={e.id} className="rounded-md border border-slate-200 p-3">
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <TextField
                id={`ex-${i}-title`}
                label={`Exercise ${i + 1} title`}
                error={errorAt(errors, `exercises.${i}.title`)}
                {...register(`exercises.${i}.title`)}
              />
              <TextField id={`ex-${i}-duration`} label="Duration (optional)" {...register(`exercises.${i}.duration`)} />
            </div>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              <TextField
                as="textarea"
                id={`ex-${i}-prompt`}
                label="Prompt or scenario"
                rows={3}
                {...register(`exercises.${i}.prompt`)}
              />
              <TextField
                as="textarea"
                id={`ex-${i}-evaluate`}
                label="What to evaluate (optional)"
                rows={3}
                {...register(`exercises.${i}.evaluate`)}
              />
            </div>
            <div className="mt-2">
              <TextField
                as="textarea"
                id={`ex-${i}-items`}
                label="Sub-items (one per line)"
                rows={3}
                {...register(`exercises.${i}.itemsText`)}
              />
            </div>
            <fieldset className="mt-2">
              <legend className="text-sm font-medium">Dimensions it exercises</legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-2">
                {names.map((n) => (
                  <label key={n} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" value={n} className="h-4 w-4" {...register(`exercises.${i}.dimensions`)} />
                    {n}
                  </label>
                ))}
              </div>
              {errorAt(errors, `exercises.${i}.dimensions`) ? (
                <p className="text-sm text-red-700">{errorAt(errors, `exercises.${i}.dimensions`)}</p>
              ) : null}
            </fieldset>
            <Materials form={form} index={i} slug={slug} />
            <Button variant="tiny" className="mt-2" onClick={() => exercises.remove(i)}>
              Remove exercise {i + 1}
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="tiny"
        className="mt-3"
        onClick={() =>
          exercises.append({
            title: "",
            duration: "",
            prompt: "",
            evaluate: "",
            itemsText: "",
            dimensions: [],
            materials: [],
          })
        }
      >
        Add exercise
      </Button>
    </section>
  );
}
