"use client";

// An opening's interviewer pool (docs/decisions/051-standard-loop-pool-durations-stage.md): the
// people who interview for it, whom the standard loop gives interviews to first. Saved whole.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
import { interviewerPoolSchema, type InterviewerPoolInput } from "@/lib/validations/hiring";

type Person = { id: string; name: string; email: string };

export function InterviewerPoolForm({
  openingId,
  interviewers,
  pool,
}: {
  openingId: string;
  interviewers: Person[];
  pool: string[];
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<InterviewerPoolInput>({
    resolver: zodResolver(interviewerPoolSchema),
    defaultValues: { interviewerIds: pool },
  });
  const chosen = useWatch({ control: form.control, name: "interviewerIds" }) ?? [];
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit(form, {
    url: `/api/openings/${openingId}/interviewers`,
    method: "PUT",
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit((v) => (setSaved(false), submit(v)))}
      noValidate
      aria-labelledby="pool-title"
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="pool-title" className="text-lg font-semibold">
        Interviewer pool ({chosen.length})
      </h2>
      <p id="pool-hint" className="text-sm text-slate-700">
        The people who interview for this opening. The standard loop gives interviews to them first, and never to
        another opening&apos;s hiring manager unless they are chosen here.
      </p>
      <fieldset aria-describedby={errors.interviewerIds ? "pool-error pool-hint" : "pool-hint"}>
        <legend className="sr-only">Interviewers in the pool</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {interviewers.map((p) => (
            <label key={p.id} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
              <input type="checkbox" value={p.id} className="h-4 w-4" {...form.register("interviewerIds")} />
              {p.name}
            </label>
          ))}
        </div>
        {errors.interviewerIds ? (
          <p id="pool-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.interviewerIds.message}
          </p>
        ) : null}
      </fieldset>
      <FormAlert message={formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
          Save the pool
        </Button>
        <span role="status" className="text-sm text-emerald-800">
          {saved && !form.formState.isDirty ? "Pool saved." : ""}
        </span>
      </div>
    </form>
  );
}
