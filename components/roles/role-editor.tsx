"use client";

// The role template editor (issue 6): everything a template holds, in one form. Saving makes the
// role's next version (or version 1 of a new role); openings keep their version until moved.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from "react-hook-form";
import { Field, inputClass } from "@/components/forms/field";
import { SUMMARY_FIELDS } from "@/lib/domain/vocabulary";
import { MIN_SHARED_OBSERVATIONS, RECOMMEND_ON_LABELS } from "@/lib/domain/calibration";
import { editorRoleSchema, spreadRemainder, type EditorValues } from "@/lib/validations/role-editor";

const small =
  "rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50";
const box = "rounded-lg border border-slate-200 bg-white p-4";

type ServerErrors = Record<string, string[]>;

function errorAt(errors: FieldErrors<EditorValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as { message?: string } | undefined)?.message;
}

function Anchors({
  control,
  register,
  index,
}: {
  control: Control<EditorValues>;
  register: UseFormRegister<EditorValues>;
  index: number;
}) {
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
            <button type="button" className={small} onClick={() => anchors.remove(k)}>
              Remove<span className="sr-only"> anchor {k + 1}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={`${small} mt-2`}
        onClick={() => anchors.append({ label: "", level: "3", text: "" })}
      >
        Add anchor
      </button>
    </fieldset>
  );
}

export function RoleEditor({
  mode,
  initial,
  slug,
  baseVersion,
}: {
  mode: "create" | "edit";
  initial: EditorValues;
  slug?: string;
  baseVersion?: number;
}) {
  const router = useRouter();
  const [changeNote, setChangeNote] = useState("");
  const [serverErrors, setServerErrors] = useState<ServerErrors | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<EditorValues>({
    resolver: zodResolver(editorRoleSchema) as never,
    defaultValues: initial,
    mode: "onSubmit",
  });
  const { control, register, formState } = form;
  const { errors, isSubmitting } = formState;
  const dims = useFieldArray({ control, name: "dimensions" });
  const exercises = useFieldArray({ control, name: "exercises" });
  const watchedDims = useWatch({ control, name: "dimensions" }) ?? [];
  const total = Math.round(watchedDims.reduce((s, d) => s + (Number(d?.weight) || 0), 0) * 100) / 100;
  // an error about the list as a whole (weights that do not sum to 100) sits on the array or its root
  const dimsError = errorAt(errors, "dimensions") ?? errorAt(errors, "dimensions.root");
  const names = watchedDims.map((d) => d?.name?.trim()).filter(Boolean) as string[];

  async function onSubmit(role: unknown) {
    setFormError(null);
    setServerErrors(null);
    setSaved(null);
    const res = await fetch(mode === "create" ? "/api/roles" : `/api/roles/${slug}`, {
      method: mode === "create" ? "POST" : "PUT",
      headers: { "Content-Type": "application/json" },
      // the version this editor was opened on: a save after someone else's is refused, not silently replacing it
      body: JSON.stringify({ role, changeNote, ...(baseVersion ? { baseVersion } : {}) }),
    }).catch(() => null);
    if (!res) return setFormError("Not saved: the connection failed. Nothing you typed is lost; try again.");
    const data = await res.json().catch(() => null);
    if (res.ok) {
      if (data.status === "unchanged") return setSaved(`Nothing changed: version ${data.version} stays current.`);
      setSaved(`Saved as version ${data.version}.`);
      router.push(`/roles/${data.slug}`);
      router.refresh();
      return;
    }
    setServerErrors(data?.error?.fields ?? null);
    setFormError(data?.error?.message ?? `Not saved (${res.status}).`);
  }

  const allErrors = Object.entries(serverErrors ?? {});
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-6">
      <div className={box}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="title" label="Role title" error={errorAt(errors, "title")}>
            <input id="title" className={inputClass} aria-invalid={!!errors.title} {...register("title")} />
          </Field>
          <Field
            id="slug"
            label="Slug (in the role's address)"
            error={errorAt(errors, "slug") ?? serverErrors?.slug?.[0]}
            hint={mode === "edit" ? "Cannot change once created." : "Lower-case words joined by hyphens."}
          >
            <input
              id="slug"
              className={inputClass}
              readOnly={mode === "edit"}
              aria-describedby="slug-hint"
              {...register("slug")}
            />
          </Field>
        </div>
      </div>

      <section aria-labelledby="dims-heading" className={box}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="dims-heading" className="text-lg font-semibold">
            Dimensions ({dims.fields.length})
          </h2>
          <p
            className={`text-sm font-semibold tabular-nums ${Math.abs(total - 100) <= 0.01 ? "text-emerald-800" : "text-red-700"}`}
            aria-live="polite"
            data-testid="weight-total"
          >
            Weights total {total}%
            {Math.abs(total - 100) <= 0.01
              ? ""
              : ` — must be 100 (${total > 100 ? "over" : "short"} by ${Math.round(Math.abs(100 - total) * 100) / 100})`}
          </p>
        </div>
        {dimsError ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {dimsError}
          </p>
        ) : null}
        <button
          type="button"
          className={`${small} mt-2`}
          disabled={!watchedDims.length || Math.abs(total - 100) <= 0.01}
          onClick={() =>
            spreadRemainder(watchedDims.map((d) => Number(d.weight) || 0)).forEach((w, i) =>
              form.setValue(`dimensions.${i}.weight`, w, { shouldDirty: true }),
            )
          }
        >
          Spread the remainder evenly
        </button>
        <ol className="mt-3 space-y-4">
          {dims.fields.map((d, i) => (
            <li key={d.id} className="rounded-md border border-slate-200 p-3">
              <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
                <Field
                  id={`dim-${i}-name`}
                  label={`Dimension ${i + 1} name`}
                  error={errorAt(errors, `dimensions.${i}.name`)}
                >
                  <input id={`dim-${i}-name`} className={inputClass} {...register(`dimensions.${i}.name`)} />
                </Field>
                <Field id={`dim-${i}-weight`} label="Weight (%)" error={errorAt(errors, `dimensions.${i}.weight`)}>
                  <input
                    id={`dim-${i}-weight`}
                    type="number"
                    step="0.01"
                    min={0}
                    max={100}
                    className={inputClass}
                    {...register(`dimensions.${i}.weight`)}
                  />
                </Field>
              </div>
              <div className="mt-2">
                <Field id={`dim-${i}-evidence`} label="Evidence to seek (optional)">
                  <textarea
                    id={`dim-${i}-evidence`}
                    rows={2}
                    className={inputClass}
                    {...register(`dimensions.${i}.evidenceToSeek`)}
                  />
                </Field>
              </div>
              <Anchors control={control} register={register} index={i} />
              <div className="mt-3 flex flex-wrap gap-2">
                <button type="button" className={small} disabled={i === 0} onClick={() => dims.move(i, i - 1)}>
                  Move up<span className="sr-only"> dimension {i + 1}</span>
                </button>
                <button
                  type="button"
                  className={small}
                  disabled={i === dims.fields.length - 1}
                  onClick={() => dims.move(i, i + 1)}
                >
                  Move down<span className="sr-only"> dimension {i + 1}</span>
                </button>
                <button
                  type="button"
                  className={small}
                  disabled={dims.fields.length === 1}
                  onClick={() => dims.remove(i)}
                >
                  Remove dimension {i + 1}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className={`${small} mt-3`}
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
        </button>
      </section>

      <section aria-labelledby="ex-heading" className={box}>
        <h2 id="ex-heading" className="text-lg font-semibold">
          Case exercises ({exercises.fields.length})
        </h2>
        <ol className="mt-3 space-y-4">
          {exercises.fields.map((e, i) => (
            <li key={e.id} className="rounded-md border border-slate-200 p-3">
              <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
                <Field
                  id={`ex-${i}-title`}
                  label={`Exercise ${i + 1} title`}
                  error={errorAt(errors, `exercises.${i}.title`)}
                >
                  <input id={`ex-${i}-title`} className={inputClass} {...register(`exercises.${i}.title`)} />
                </Field>
                <Field id={`ex-${i}-duration`} label="Duration (optional)">
                  <input id={`ex-${i}-duration`} className={inputClass} {...register(`exercises.${i}.duration`)} />
                </Field>
              </div>
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <Field id={`ex-${i}-prompt`} label="Prompt or scenario">
                  <textarea
                    id={`ex-${i}-prompt`}
                    rows={3}
                    className={inputClass}
                    {...register(`exercises.${i}.prompt`)}
                  />
                </Field>
                <Field id={`ex-${i}-evaluate`} label="What to evaluate (optional)">
                  <textarea
                    id={`ex-${i}-evaluate`}
                    rows={3}
                    className={inputClass}
                    {...register(`exercises.${i}.evaluate`)}
                  />
                </Field>
              </div>
              <div className="mt-2">
                <Field id={`ex-${i}-items`} label="Sub-items (one per line)">
                  <textarea
                    id={`ex-${i}-items`}
                    rows={3}
                    className={inputClass}
                    {...register(`exercises.${i}.itemsText`)}
                  />
                </Field>
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
              <button type="button" className={`${small} mt-2`} onClick={() => exercises.remove(i)}>
                Remove exercise {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className={`${small} mt-3`}
          onClick={() =>
            exercises.append({ title: "", duration: "", prompt: "", evaluate: "", itemsText: "", dimensions: [] })
          }
        >
          Add exercise
        </button>
      </section>

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

      <section aria-labelledby="thr-heading" className={box}>
        <h2 id="thr-heading" className="text-lg font-semibold">
          Recommendation thresholds for this role
        </h2>
        <div className="mt-2 grid gap-3 sm:grid-cols-5">
          {(
            [
              ["minCoverage", "Minimum coverage (0–1)", "0.01"],
              ["strongHireMin", "Strong hire from", "0.01"],
              ["hireMin", "Hire from", "0.01"],
              ["leanNoHireMin", "Lean no hire from", "0.01"],
              ["splitSpreadMin", "Split panel spread", "1"],
            ] as const
          ).map(([k, label, step]) => (
            <Field key={k} id={`thr-${k}`} label={label} error={errorAt(errors, `thresholds.${k}`)}>
              <input
                id={`thr-${k}`}
                type="number"
                step={step}
                className={inputClass}
                {...register(`thresholds.${k}`)}
              />
            </Field>
          ))}
        </div>
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

      <div className={box}>
        <Field id="changeNote" label="What changed, and why (kept with the version)">
          <input
            id="changeNote"
            className={inputClass}
            value={changeNote}
            onChange={(e) => setChangeNote(e.target.value)}
            maxLength={500}
          />
        </Field>
        {Object.keys(errors).length ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            Some answers need attention (see the fields marked in red).
          </p>
        ) : null}
        {formError ? (
          <div role="alert" className="mt-3 text-sm text-red-700">
            <p>{formError}</p>
            {allErrors.length ? (
              <ul className="list-disc pl-5">
                {allErrors.map(([path, messages]) => (
                  <li key={path}>
                    {path}: {messages.join("; ")}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {saved ? (
          <p role="status" className="mt-3 text-sm text-emerald-800">
            {saved}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={isSubmitting}
          className="mt-3 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {isSubmitting ? "Saving…" : mode === "create" ? "Create role" : "Save as a new version"}
        </button>
      </div>
    </form>
  );
}
