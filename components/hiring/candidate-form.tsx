"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { FormCard, useCreateForm } from "@/components/forms/form-card";
import { Button, buttonClass } from "@/components/ui/button";
import { candidateSchema, type CandidateInput } from "@/lib/validations/hiring";

/**
 * Add a candidate to an opening: name, e-mail, source and notes only (no more personal data than
 * needed). A disclosure, so the form does not push the list below the fold; open from the start
 * only while the opening has nobody yet. Its open state is kept here, so it stays open after an add.
 */
export function CandidateForm({ openingId, startOpen }: { openingId: string; startOpen: boolean }) {
  const [open, setOpen] = useState(startOpen);
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
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={buttonClass("secondaryLarge", "inline-flex min-h-11 cursor-pointer items-center")}>
        Add a candidate
      </summary>
      <div className="mt-3">
        <FormCard id="add-candidate" title="New candidate" onSubmit={form.handleSubmit(submit)}>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id="name"
              label="Name"
              error={errors.name?.message}
              autoComplete="off"
              {...form.register("name")}
            />
            <TextField
              id="email"
              label="E-mail"
              error={errors.email?.message}
              type="email"
              autoComplete="off"
              {...form.register("email")}
            />
            <TextField
              id="source"
              label="Source (optional)"
              error={errors.source?.message}
              hint="Referral, job board, sourcing…"
              {...form.register("source")}
            />
            <TextField id="notes" label="Notes (optional)" error={errors.notes?.message} {...form.register("notes")} />
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
      </div>
    </details>
  );
}
