"use client";

import { useRef, useState } from "react";
import { useFieldArray } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { RATING_LABELS } from "@/lib/domain/vocabulary";
import type { EditorForm } from "./shared";

/** One dimension's anchors: the label the source gives, the rating it describes, and its text. */
export function Anchors({ form, index }: { form: EditorForm; index: number }) {
  const { control, register } = form;
  const anchors = useFieldArray({ control, name: `dimensions.${index}.anchors` });
  // the rating a new anchor describes is asked, never assumed: most blueprint anchors are 1, 3 or 5
  const [level, setLevel] = useState("choose");
  const [ask, setAsk] = useState(false);
  const levelRef = useRef<HTMLSelectElement>(null);
  const newId = `dim-${index}-new-anchor-level`;
  function add() {
    if (level === "choose") {
      setAsk(true);
      return levelRef.current?.focus();
    }
    setAsk(false);
    anchors.append({ label: "", level, text: "" }); // focuses the new anchor's label
    setLevel("choose");
  }
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
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={newId} className="block text-sm font-medium">
            Rating the new anchor describes
          </label>
          <select
            id={newId}
            ref={levelRef}
            className={inputClass}
            value={level}
            aria-invalid={ask}
            aria-describedby={ask ? `${newId}-error` : undefined}
            onChange={(e) => {
              setLevel(e.target.value);
              setAsk(false);
            }}
          >
            <option value="choose">Choose…</option>
            {([1, 2, 3, 4, 5] as const).map((l) => (
              <option key={l} value={String(l)}>
                {l} {RATING_LABELS[l]}
              </option>
            ))}
            <option value="">No rating (the label alone)</option>
          </select>
        </div>
        <Button variant="tiny" className="min-h-11 sm:min-h-0" onClick={add}>
          Add anchor
        </Button>
      </div>
      {ask ? (
        <p id={`${newId}-error`} role="alert" className="mt-1 text-sm text-red-700">
          Choose the rating the new anchor describes, then add it.
        </p>
      ) : null}
    </fieldset>
  );
}
