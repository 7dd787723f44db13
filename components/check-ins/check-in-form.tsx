"use client";

// The hiring manager's quality-of-hire check-in (docs/decisions/079-quality-of-hire.md): each of the
// role's dimensions on the interviews' 1–5 scale or Not assessed, an overall rating, and whether
// they would hire the person again. The same zod schema checks the form here and the request on
// the server; a check-in is sent once.
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { useLazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { writeJson } from "@/components/ui/json-write";
import { emptyCheckIn, type CheckInValues } from "@/lib/validations/check-in";

type Dimension = { id: string; name: string };

const OPTION =
  "flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600";

function Choice({
  name,
  legend,
  options,
  error,
  register,
}: {
  name: string;
  legend: React.ReactNode;
  options: readonly { value: string; label: string }[];
  error?: string;
  register: ReturnType<typeof useForm<CheckInValues>>["register"];
}) {
  const errorId = `${name.replace(/\W/g, "-")}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {options.map((o) => (
          <label key={o.value} className={OPTION}>
            <input type="radio" value={o.value} className="sr-only" {...register(name as keyof CheckInValues)} />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const SCALE = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));

export function CheckInForm({
  candidateId,
  periodDays,
  dimensions,
}: {
  candidateId: string;
  periodDays: number;
  dimensions: Dimension[];
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const ids = useMemo(() => dimensions.map((d) => d.id), [dimensions]);
  const resolver = useLazyZodResolver<CheckInValues>(
    useCallback(() => import("@/lib/validations/check-in").then((m) => m.checkInSchemaFor(ids)), [ids]),
  );
  const form = useForm<CheckInValues>({ resolver, defaultValues: emptyCheckIn(ids) });
  const { errors, isSubmitting } = form.formState;
  const ratingError = (id: string) =>
    (errors.ratings as Record<string, FieldError | undefined> | undefined)?.[id]?.message;

  // "at least one rated" is about the ratings as a whole (a dimension id is never "message")
  const ratingsMessage = (errors.ratings as { message?: unknown } | undefined)?.message;

  async function onSubmit(values: CheckInValues) {
    setFormError(null);
    const res = await writeJson(`/api/candidates/${candidateId}/check-ins`, { body: { periodDays, ...values } });
    if (res.ok) {
      router.refresh();
      return;
    }
    if (res.status === null)
      return setFormError("Not sent: the connection failed. Your answers are still here; try again.");
    for (const [name, messages] of Object.entries(res.fields))
      if (name === "overall" || name === "wouldHireAgain" || name.startsWith("ratings."))
        form.setError(name as "overall", { message: messages[0] });
    setFormError(res.message ?? `Not sent (${res.status}).`);
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4"
    >
      {dimensions.map((d) => (
        <Choice
          key={d.id}
          name={`ratings.${d.id}`}
          legend={d.name}
          options={[...SCALE, { value: "na", label: "Not assessed" }]}
          error={ratingError(d.id)}
          register={form.register}
        />
      ))}
      {typeof ratingsMessage === "string" ? (
        <p role="alert" className="text-sm text-red-700">
          {ratingsMessage}
        </p>
      ) : null}
      <Choice
        name="overall"
        legend="Overall"
        options={SCALE}
        error={errors.overall?.message}
        register={form.register}
      />
      <Choice
        name="wouldHireAgain"
        legend="Knowing what you know now, would you hire them again?"
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        error={errors.wouldHireAgain?.message}
        register={form.register}
      />
      <FormAlert message={formError} />
      <Button type="submit" pending={isSubmitting} pendingLabel="Sending…">
        Send the check-in
      </Button>
    </form>
  );
}
