"use client";

// Plan (or change) one interview of a candidate's loop: interviewer, exercise, focus dimensions
// (pre-filled from the exercise, editable), date and time (the browser's own time zone), length.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Field, FormAlert, inputClass } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
import { exerciseMinutes } from "@/lib/domain/loop-plan";
import { interviewSchema } from "@/lib/validations/hiring";
import { ClashWarning, useClashes } from "./clash-warning";

// the server's schema, with the date and time as the form holds them (local, converted on send)
const formSchema = interviewSchema.extend({
  scheduledAt: z.string().min(1, "Choose a date and time"),
  exerciseId: z.string(),
});
type FormValues = z.input<typeof formSchema>;

export type LoopOptions = {
  interviewers: { id: string; name: string }[];
  exercises: { id: string; title: string; duration: string | null; dimensionIds: string[] }[];
  dimensions: { id: string; name: string; weight: number }[];
};

const toLocalInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function InterviewForm({
  candidateId,
  options,
  interview,
  onDone,
}: {
  candidateId: string;
  options: LoopOptions;
  interview?: {
    id: string;
    interviewerId: string;
    exerciseId: string | null;
    focusDimensionIds: string[];
    scheduledAt: string;
    durationMinutes: number;
  };
  onDone?: () => void;
}) {
  const router = useRouter();
  const idp = interview ? `iv-${interview.id}` : "iv-new";
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: interview
      ? {
          ...interview,
          exerciseId: interview.exerciseId ?? "",
          scheduledAt: toLocalInput(new Date(interview.scheduledAt)),
        }
      : { interviewerId: "", exerciseId: "", focusDimensionIds: [], scheduledAt: "", durationMinutes: 60 },
  });
  const { errors, isSubmitting } = form.formState;
  const focus = useWatch({ control: form.control, name: "focusDimensionIds" }) ?? [];
  const [interviewerId, scheduledAt, durationMinutes] = useWatch({
    control: form.control,
    name: ["interviewerId", "scheduledAt", "durationMinutes"],
  });
  const clashes = useClashes(candidateId, {
    interviewerId,
    scheduledAt,
    durationMinutes: durationMinutes as number | string | undefined,
    interviewId: interview?.id,
  });
  const { submit, formError } = useApiSubmit(form, {
    url: interview ? `/api/interviews/${interview.id}` : `/api/candidates/${candidateId}/interviews`,
    method: interview ? "PUT" : "POST",
    body: (v) => ({ ...v, exerciseId: v.exerciseId || null, scheduledAt: new Date(v.scheduledAt).toISOString() }),
    onSuccess: () => {
      if (!interview) form.reset();
      onDone?.();
      router.refresh();
    },
  });
  const exerciseField = form.register("exerciseId", {
    onChange: (e) => {
      const ex = options.exercises.find((x) => x.id === e.target.value);
      if (!ex) return;
      form.setValue("focusDimensionIds", ex.dimensionIds, { shouldValidate: true });
      // the exercise's own length (docs/decisions/051-standard-loop-pool-durations-stage.md), still editable
      form.setValue("durationMinutes", exerciseMinutes(ex.duration), { shouldValidate: true });
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      className="space-y-3"
      aria-label={interview ? "Change this interview" : "Plan an interview"}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${idp}-interviewer`} label="Interviewer" error={errors.interviewerId?.message}>
          <select
            id={`${idp}-interviewer`}
            className={inputClass}
            aria-invalid={!!errors.interviewerId}
            aria-describedby={errors.interviewerId ? `${idp}-interviewer-error` : undefined}
            {...form.register("interviewerId")}
          >
            <option value="">Choose…</option>
            {options.interviewers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${idp}-exercise`}
          label="Case exercise"
          error={errors.exerciseId?.message}
          hint="Choosing one fills in its dimensions as the focus and its length."
        >
          <select
            id={`${idp}-exercise`}
            className={inputClass}
            aria-describedby={`${idp}-exercise-hint`}
            {...exerciseField}
          >
            <option value="">No case exercise</option>
            {options.exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
                {e.duration ? ` (${e.duration})` : ""}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id={`${idp}-when`}
          label="Date and time"
          error={errors.scheduledAt?.message}
          hint="In your time zone."
          errorReplacesHint
          type="datetime-local"
          {...form.register("scheduledAt")}
        />
        <Field id={`${idp}-minutes`} label="Length (minutes)" error={errors.durationMinutes?.message}>
          <input
            id={`${idp}-minutes`}
            type="number"
            min={15}
            max={480}
            step={5}
            className={inputClass}
            aria-invalid={!!errors.durationMinutes}
            {...form.register("durationMinutes")}
          />
        </Field>
      </div>
      <fieldset aria-describedby={errors.focusDimensionIds ? `${idp}-focus-error` : undefined}>
        <legend className="text-sm font-medium">Focus dimensions ({focus.length})</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {options.dimensions.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={d.id} className="h-4 w-4" {...form.register("focusDimensionIds")} />
              {d.name} <span className="text-slate-600">({Math.round(d.weight * 10) / 10}%)</span>
            </label>
          ))}
        </div>
        {errors.focusDimensionIds ? (
          <p id={`${idp}-focus-error`} role="alert" className="mt-1 text-sm text-red-700">
            {errors.focusDimensionIds.message}
          </p>
        ) : null}
      </fieldset>
      <ClashWarning clashes={clashes} id={`${idp}-clashes`} />
      <FormAlert message={formError} />
      <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
        {interview ? "Save interview" : "Add interview"}
        {clashes.length ? " anyway" : ""}
      </Button>
    </form>
  );
}
