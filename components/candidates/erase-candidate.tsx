"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, FormAlert, inputClass } from "@/components/forms/field";
import { useLazyZodResolver } from "@/components/forms/lazy-resolver";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { ERASE_CONFIRMATION } from "@/lib/domain/vocabulary";
import type { EraseInput } from "@/lib/validations/privacy";

const loadSchema = () => import("@/lib/validations/privacy").then((m) => m.eraseSchema);

/** Erase a candidate's personal data: a reason and a typed confirmation, because it cannot be undone. */
export function EraseCandidate({ candidateId, name }: { candidateId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<EraseInput>({
    resolver: useLazyZodResolver<EraseInput>(loadSchema),
    defaultValues: { reason: "", confirm: "" as typeof ERASE_CONFIRMATION },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit(form, {
    url: `/api/candidates/${candidateId}/erase`,
    onSuccess: () => router.refresh(),
  });
  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800"
      >
        Erase {name}&apos;s personal data…
      </button>
    );
  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      className="max-w-xl space-y-3 rounded-lg border border-red-300 bg-white p-4"
      aria-labelledby="erase-title"
    >
      <h3 id="erase-title" className="font-semibold text-red-800">
        Erase {name}&apos;s personal data
      </h3>
      <p className="text-sm">
        Their name, e-mail, source and notes, every evidence note, take-away and red-flag note about them, and the texts
        of amendments and decisions are removed for good. This cannot be undone.
      </p>
      <Field id="erase-reason" label="Reason" error={errors.reason?.message}>
        <input
          id="erase-reason"
          className={inputClass}
          aria-invalid={!!errors.reason}
          aria-describedby={errors.reason ? "erase-reason-error" : undefined}
          {...form.register("reason")}
        />
      </Field>
      <Field id="erase-confirm" label={`Type ${ERASE_CONFIRMATION} to confirm`} error={errors.confirm?.message}>
        <input
          id="erase-confirm"
          autoComplete="off"
          className={inputClass}
          aria-invalid={!!errors.confirm}
          aria-describedby={errors.confirm ? "erase-confirm-error" : undefined}
          {...form.register("confirm")}
        />
      </Field>
      <FormAlert message={formError} />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={isSubmitting}
          className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
        >
          {isSubmitting ? "Erasing…" : "Erase for good"}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="rounded-md border border-slate-400 px-4 py-2 text-sm"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
