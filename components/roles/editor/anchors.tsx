"use client";

import { useFieldArray } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { EditorForm } from "./shared";

/** One dimension's anchors: the label the source gives, the rating it describes, and its text. */
export function Anchors({ form, index }: { form: EditorForm; index: number }) {
  const { control, register } = form;
  const anchors = useFieldArray({ control, name: `dimensions.${index}.anchors` });
  return (
    <fieldset className="mt-2">
      <legend className="text-sm font-medium">
        Anchors (label as the source labels it, and the rating it describes)
      </legend>
      <ul className="mt-1 space-y-2">
        {anchors.fields.map((a, k) => (
          <li key={a.id} className="grid gap-2 sm:grid-cols-[12rem_7rem_1fr_auto]">
            <input
              aria-label={`Anchor ${k + 1} label`}
              className={inputClass}
              {...register(`dimensions.${index}.anchors.${k}.label`)}
            />
            <select
              aria-label={`Anchor ${k + 1} rating`}
              className={inputClass}
              {...register(`dimensions.${index}.anchors.${k}.level`)}
            >
              <option value="">—</option>
              {[1, 2, 3, 4, 5].map((l) => (
                <option key={l} value={String(l)}>
                  {l}
                </option>
              ))}
            </select>
            <textarea
              aria-label={`Anchor ${k + 1} text`}
              rows={2}
              className={inputClass}
              {...register(`dimensions.${index}.anchors.${k}.text`)}
            />
            <Button variant="tiny" onClick={() => anchors.remove(k)}>
              Remove<span className="sr-only"> anchor {k + 1}</span>
            </Button>
          </li>
        ))}
      </ul>
      <Button variant="tiny" className="mt-2" onClick={() => anchors.append({ label: "", level: "3", text: "" })}>
        Add anchor
      </Button>
    </fieldset>
  );
}
