"use client";

import { useRouter } from "next/navigation";
import { FormProvider, useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { RatingField } from "@/components/scorecard/rating-field";
import type { KitView } from "@/components/scorecard/types";
import { Button } from "@/components/ui/button";
import { drillAttemptIssues, drillAttemptSchema, type DrillAttemptValues } from "@/lib/validations/drill-attempt";

// An interviewer's ratings of a calibration drill (docs/decisions/080-calibration-drills.md): the
// scorecard's rating inputs (1–5 or Not assessed, evidence, 44 px targets, the message next to the
// dimension), checked here with the same rules the server applies again. Submitted once, final.

export function DrillRatingForm({ drillId, dimensions }: { drillId: string; dimensions: KitView["dimensions"] }) {
  const router = useRouter();
  const ids = dimensions.map((d) => d.id);
  const resolver: Resolver<DrillAttemptValues> = async (values) => {
    const parsed = drillAttemptSchema.safeParse(values);
    const issues = parsed.success ? drillAttemptIssues(parsed.data, ids) : parsed.error.issues;
    if (!issues.length) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const i of issues) {
      const path = i.path.map(String);
      let at = errors;
      for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
      at[path[path.length - 1]] = { type: "validate", message: i.message };
    }
    return { values: {}, errors: errors as FieldErrors<DrillAttemptValues> };
  };
  const form = useForm<DrillAttemptValues>({
    resolver,
    defaultValues: { ratings: Object.fromEntries(ids.map((id) => [id, { score: "", evidence: "" }])) },
  });
  const { submit, formError } = useApiSubmit<DrillAttemptValues>(form, {
    url: `/api/drills/${drillId}/attempt`,
    onSuccess: () => router.refresh(),
  });
  const rootError = (form.formState.errors.ratings as { message?: string } | undefined)?.message;
  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4" aria-labelledby="drill-rate-heading">
        <h2 id="drill-rate-heading" className="text-lg font-semibold">
          Your ratings
        </h2>
        {dimensions.map((d) => (
          <RatingField key={d.id} dimension={d} />
        ))}
        <FormAlert message={rootError ?? formError} />
        <p className="text-sm text-slate-700">
          Submitting is final. Only then do you see the consensus and how far each of your ratings is from it.
        </p>
        <Button type="submit" pending={form.formState.isSubmitting} pendingLabel="Submitting…">
          Submit my drill ratings
        </Button>
      </form>
    </FormProvider>
  );
}
