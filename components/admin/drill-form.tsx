"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { FormCard } from "@/components/forms/form-card";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useJsonWrite } from "@/components/ui/json-write";
import { MAX_REFERENCE_CHARS } from "@/lib/domain/drills";
import { RATING_LABELS } from "@/lib/domain/vocabulary";
import { drillSchema, type DrillInput } from "@/lib/validations/drills";

// The admin's calibration drill form (docs/decisions/080-calibration-drills.md), checked with the
// schema the server applies again: a new drill is a draft; a draft can be edited, then published.

export type ExerciseChoice = { id: string; label: string; dimensions: { id: string; name: string }[] };

export function DrillForm({
  exercises,
  drill,
}: {
  exercises: ExerciseChoice[];
  /** the draft being edited; absent for a new drill */
  drill?: { id: string; values: DrillInput };
}) {
  const router = useRouter();
  const form = useForm<DrillInput>({
    resolver: zodResolver(drillSchema),
    defaultValues: drill?.values ?? {
      exerciseId: exercises[0]?.id ?? "",
      title: "",
      reference: "",
      consensusMode: "admin",
      consensus: {},
    },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit<DrillInput, { id: string }>(form, {
    url: drill ? `/api/admin/drills/${drill.id}` : "/api/admin/drills",
    method: drill ? "PUT" : "POST",
    onSuccess: (data) => (drill ? router.refresh() : router.push(`/admin/drills/${data.id}`)),
  });
  const [exerciseId, mode, reference] = useWatch({
    control: form.control,
    name: ["exerciseId", "consensusMode", "reference"],
  });
  const exercise = exercises.find((e) => e.id === exerciseId);
  const consensusError = (errors.consensus as { message?: string } | undefined)?.message;
  return (
    <FormCard
      id="drill-form"
      title={drill ? "Edit the draft" : "New calibration drill"}
      onSubmit={form.handleSubmit(submit)}
    >
      <TextField
        id="drill-exercise"
        label="Exercise"
        as="select"
        error={errors.exerciseId?.message}
        {...form.register("exerciseId")}
      >
        {exercises.map((e) => (
          <option key={e.id} value={e.id}>
            {e.label}
          </option>
        ))}
      </TextField>
      <TextField id="drill-title" label="Title" error={errors.title?.message} {...form.register("title")} />
      <TextField
        id="drill-reference"
        label="Reference answer"
        as="textarea"
        rows={10}
        hint={`A written transcript excerpt or a described performance, as the interviewers will read it (${(reference ?? "").length.toLocaleString("en")} of ${MAX_REFERENCE_CHARS.toLocaleString("en")} characters).`}
        error={errors.reference?.message}
        {...form.register("reference")}
      />
      <fieldset>
        <legend className="text-sm font-medium">Who sets the consensus</legend>
        <div className="mt-1 space-y-1">
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value="admin" className="h-4 w-4" {...form.register("consensusMode")} />I set it below
            (per dimension)
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value="raters" className="h-4 w-4" {...form.register("consensusMode")} />
            It emerges from the raters: the mean of the other raters&apos; ratings (counts from 3 raters)
          </label>
        </div>
      </fieldset>
      {mode === "admin" && exercise ? (
        <fieldset aria-describedby={consensusError ? "drill-consensus-error" : undefined}>
          <legend className="text-sm font-medium">Consensus rating per dimension</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {exercise.dimensions.map((d) => (
              <TextField
                key={d.id}
                id={`drill-consensus-${d.id}`}
                label={d.name}
                as="select"
                error={errors.consensus?.[d.id]?.message}
                {...form.register(`consensus.${d.id}`)}
              >
                <option value="">No consensus on this dimension</option>
                {([1, 2, 3, 4, 5] as const).map((n) => (
                  <option key={n} value={String(n)}>
                    {n} {RATING_LABELS[n]}
                  </option>
                ))}
              </TextField>
            ))}
          </div>
          {consensusError ? (
            <p id="drill-consensus-error" role="alert" className="mt-1 text-sm text-red-700">
              {consensusError}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <FormAlert message={formError} />
      <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
        {drill ? "Save the draft" : "Save as a draft"}
      </Button>
    </FormCard>
  );
}

/** Publish a draft, or archive a published drill. */
export function DrillStatusButton({ id, to }: { id: string; to: "published" | "archived" }) {
  const router = useRouter();
  const { write, pending } = useJsonWrite();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        variant={to === "published" ? "primary" : "secondary"}
        pending={pending}
        pendingLabel={to === "published" ? "Publishing…" : "Archiving…"}
        onClick={async () => {
          const res = await write(`/api/admin/drills/${id}/status`, { body: { status: to } });
          if (res.ok) router.refresh();
          else setError(res.message ?? "Not saved; try again.");
        }}
      >
        {to === "published" ? "Publish" : "Archive"}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
