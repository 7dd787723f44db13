"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";
import { spreadRemainder } from "@/lib/validations/role-editor";
import { Anchors } from "./anchors";
import { box, errorAt, type EditorForm } from "./shared";

/** The weights' running total, and by how much it misses 100. */
function WeightTotal({ total }: { total: number }) {
  const exact = Math.abs(total - 100) <= 0.01;
  return (
    <p
      className={`text-sm font-semibold tabular-nums ${exact ? "text-emerald-800" : "text-red-700"}`}
      aria-live="polite"
      data-testid="weight-total"
    >
      Weights total {total}%
      {exact
        ? ""
        : ` — must be 100 (${total > 100 ? "over" : "short"} by ${Math.round(Math.abs(100 - total) * 100) / 100})`}
    </p>
  );
}

/** The role's dimensions: name, weight (summing to 100), evidence to seek, anchors; in order. */
export function DimensionsSection({ form }: { form: EditorForm }) {
  const { control, register } = form;
  const { errors } = form.formState;
  const dims = useFieldArray({ control, name: "dimensions" });
  const watchedDims = useWatch({ control, name: "dimensions" }) ?? [];
  const total = Math.round(watchedDims.reduce((s, d) => s + (Number(d?.weight) || 0), 0) * 100) / 100;
  // an error about the list as a whole (weights that do not sum to 100) sits on the array or its root
  const dimsError = errorAt(errors, "dimensions") ?? errorAt(errors, "dimensions.root");
  return (
    <section aria-labelledby="dims-heading" className={box}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="dims-heading" className="text-lg font-semibold">
          Dimensions ({dims.fields.length})
        </h2>
        <WeightTotal total={total} />
      </div>
      {dimsError ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {dimsError}
        </p>
      ) : null}
      <Button
        variant="tiny"
        className="mt-2"
        disabled={!watchedDims.length || Math.abs(total - 100) <= 0.01}
        onClick={() =>
          spreadRemainder(watchedDims.map((d) => Number(d.weight) || 0)).forEach((w, i) =>
            form.setValue(`dimensions.${i}.weight`, w, { shouldDirty: true }),
          )
        }
      >
        Spread the remainder evenly
      </Button>
      <ol className="mt-3 space-y-4">
        {dims.fields.map((d, i) => (
          <li key={d.id} className="rounded-md border border-slate-200 p-3">
            <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
              <TextField
                id={`dim-${i}-name`}
                label={`Dimension ${i + 1} name`}
                error={errorAt(errors, `dimensions.${i}.name`)}
                {...register(`dimensions.${i}.name`)}
              />
              <TextField
                id={`dim-${i}-weight`}
                label="Weight (%)"
                error={errorAt(errors, `dimensions.${i}.weight`)}
                type="number"
                step="0.01"
                min={0}
                max={100}
                {...register(`dimensions.${i}.weight`)}
              />
            </div>
            <div className="mt-2">
              <TextField
                as="textarea"
                id={`dim-${i}-evidence`}
                label="Evidence to seek (optional)"
                rows={2}
                {...register(`dimensions.${i}.evidenceToSeek`)}
              />
            </div>
            <Anchors form={form} index={i} />
            <div className="mt-3 flex flex-wrap gap-2">
              <Button variant="tiny" disabled={i === 0} onClick={() => dims.move(i, i - 1)}>
                Move up<span className="sr-only"> dimension {i + 1}</span>
              </Button>
              <Button variant="tiny" disabled={i === dims.fields.length - 1} onClick={() => dims.move(i, i + 1)}>
                Move down<span className="sr-only"> dimension {i + 1}</span>
              </Button>
              <Button variant="tiny" disabled={dims.fields.length === 1} onClick={() => dims.remove(i)}>
                Remove dimension {i + 1}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button
        variant="tiny"
        className="mt-3"
        onClick={() =>
          dims.append({
            name: "",
            weight: 0,
            weightOrigin: "edited",
            evidenceToSeek: "",
            anchors: [{ label: "Meets bar", level: "3", text: "" }],
          })
        }
      >
        Add dimension
      </Button>
    </section>
  );
}
