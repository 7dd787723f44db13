"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field, FormAlert, inputClass } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { FormCard, useCreateForm } from "@/components/forms/form-card";
import { Button } from "@/components/ui/button";
import { candidateSchema, type CandidateInput } from "@/lib/validations/hiring";

/** Add a candidate to an opening: name, e-mail, source and notes only (no more personal data than needed). */
export function CandidateForm({ openingId }: { openingId: string }) {
  const form = useForm<CandidateInput>({
    resolver: zodResolver(candidateSchema),
    defaultValues: { name: "", email: "", source: "", notes: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { created, submit, formError } = useCreateForm<CandidateInput, { id: string; name: string }>(
    form,
    `/api/openings/${openingId}/candidates`,
  );
  return (
    <FormCard id="add-candidate" title="Add a candidate" onSubmit={form.handleSubmit(submit)}>
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
      {created ? (
        <p role="status" className="text-sm text-emerald-800">
          Added {created.name}.{" "}
          <a className="underline" href={`/candidates/${created.id}/loop`}>
            Plan their loop
          </a>
        </p>
      ) : null}
      <Button type="submit" pending={isSubmitting} pendingLabel="Adding…">
        Add candidate
      </Button>
    </FormCard>
  );
}
