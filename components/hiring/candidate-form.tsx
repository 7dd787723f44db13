"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, FormAlert, inputClass } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
import { candidateSchema, type CandidateInput } from "@/lib/validations/hiring";

/** Add a candidate to an opening: name, e-mail, source and notes only (no more personal data than needed). */
export function CandidateForm({ openingId }: { openingId: string }) {
  const router = useRouter();
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const form = useForm<CandidateInput>({
    resolver: zodResolver(candidateSchema),
    defaultValues: { name: "", email: "", source: "", notes: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit(form, {
    url: `/api/openings/${openingId}/candidates`,
    onSuccess: (data: { id: string; name: string }) => {
      setAdded(data);
      form.reset();
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="add-candidate"
    >
      <h2 id="add-candidate" className="text-lg font-semibold">
        Add a candidate
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="name" label="Name" error={errors.name?.message} autoComplete="off" {...form.register("name")} />
        <TextField
          id="email"
          label="E-mail"
          error={errors.email?.message}
          type="email"
          autoComplete="off"
          {...form.register("email")}
        />
        <Field
          id="source"
          label="Source (optional)"
          error={errors.source?.message}
          hint="Referral, job board, sourcing…"
        >
          <input id="source" className={inputClass} aria-describedby="source-hint" {...form.register("source")} />
        </Field>
        <Field id="notes" label="Notes (optional)" error={errors.notes?.message}>
          <input id="notes" className={inputClass} {...form.register("notes")} />
        </Field>
      </div>
      <FormAlert message={formError} />
      {added ? (
        <p role="status" className="text-sm text-emerald-800">
          Added {added.name}.{" "}
          <a className="underline" href={`/candidates/${added.id}/loop`}>
            Plan their loop
          </a>
        </p>
      ) : null}
      <Button type="submit" pending={isSubmitting} pendingLabel="Adding…">
        Add candidate
      </Button>
    </form>
  );
}
