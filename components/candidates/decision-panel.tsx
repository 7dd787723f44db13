"use client";

// The hiring manager records Hire / No hire / Hold with a rationale
// (docs/decisions/005-comparison-and-decisions.md). Going against the computed recommendation is an
// override and needs its own reason. The same zod schema checks the form here and the request on
// the server. Once a decision stands, the form opens on demand to revise it and closes again
// after saving.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { useLazyZodResolver } from "@/components/forms/lazy-resolver";
import { writeJson } from "@/components/ui/json-write";
import { Button, buttonClass } from "@/components/ui/button";
import { DECISION_LABELS, isOverride } from "@/lib/domain/decisions";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/domain/scoring";
import { DECISION_OUTCOMES, type DecisionOutcome } from "@/lib/domain/vocabulary";
import type { DecisionInput } from "@/lib/validations/decision";

export function DecisionPanel({
  candidateId,
  recommendation,
  previousDecisionId,
}: {
  candidateId: string;
  recommendation: Recommendation;
  previousDecisionId: string | null;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [open, setOpen] = useState(!previousDecisionId);
  const reviseButton = useRef<HTMLButtonElement>(null);
  // after saving, focus goes to the button that replaced the form, not to the top of the page
  useEffect(() => {
    if (done && !open) reviseButton.current?.focus();
  }, [done, open]);
  const resolver = useLazyZodResolver<DecisionInput>(
    useCallback(
      () => import("@/lib/validations/decision").then((m) => m.decisionSchemaFor(recommendation)),
      [recommendation],
    ),
  );
  const form = useForm<DecisionInput>({
    resolver,
    defaultValues: {
      outcome: undefined as unknown as DecisionOutcome,
      rationale: "",
      overrideReason: "",
      previousDecisionId,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const outcome = useWatch({ control: form.control, name: "outcome" });
  const override = outcome ? isOverride(outcome, recommendation) : false;

  async function onSubmit(values: DecisionInput) {
    setFormError(null);
    setDone(false);
    const res = await writeJson<{ id?: string }>(`/api/candidates/${candidateId}/decisions`, {
      body: { ...values, previousDecisionId },
    });
    if (res.ok) {
      form.reset({
        outcome: undefined as unknown as DecisionOutcome,
        rationale: "",
        overrideReason: "",
        previousDecisionId: res.data?.id ?? null,
      });
      setDone(true);
      setOpen(false);
      router.refresh();
      return;
    }
    if (res.status === null)
      return setFormError("Not recorded: the connection failed. Your text is still here; try again.");
    for (const [name, messages] of Object.entries(res.fields)) {
      if (name === "outcome" || name === "rationale" || name === "overrideReason")
        form.setError(name, { message: messages[0] });
    }
    setFormError(res.message ?? `Not recorded (${res.status}).`);
  }

  const saved = done ? (
    <p role="status" className="text-sm text-emerald-800">
      Decision recorded.
    </p>
  ) : null;
  if (!open)
    return (
      <div className="space-y-2">
        {saved}
        <button
          ref={reviseButton}
          type="button"
          aria-expanded="false"
          aria-controls="decide-form"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
          className={buttonClass("secondary")}
        >
          Revise the decision
        </button>
      </div>
    );

  return (
    <form
      id="decide-form"
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="decide-heading"
    >
      <h3 id="decide-heading" className="font-semibold">
        {previousDecisionId ? "Revise the decision" : "Record the decision"}
      </h3>
      <p className="text-sm text-slate-700">
        The panel&apos;s computed recommendation:{" "}
        <span className="font-semibold">{RECOMMENDATION_LABELS[recommendation]}</span>.
      </p>
      <fieldset aria-describedby={errors.outcome ? "outcome-error" : undefined}>
        <legend className="text-sm font-medium">Decision</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {DECISION_OUTCOMES.map((o) => (
            <label key={o} className="flex items-center gap-2 text-sm">
              <input type="radio" value={o} {...form.register("outcome")} className="h-4 w-4" />
              {DECISION_LABELS[o]}
            </label>
          ))}
        </div>
        {errors.outcome ? (
          <p id="outcome-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.outcome.message}
          </p>
        ) : null}
      </fieldset>
      {override ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" role="note">
          {DECISION_LABELS[outcome!]} goes against the computed recommendation ({RECOMMENDATION_LABELS[recommendation]}
          ). It will be recorded as an override and listed on the opening&apos;s comparison.
        </p>
      ) : null}
      <TextField
        as="textarea"
        id="rationale"
        label="Rationale"
        error={errors.rationale?.message}
        hint="What the decision rests on, for the record (at least 20 characters)."
        errorReplacesHint
        rows={4}
        {...form.register("rationale")}
      />
      {override ? (
        <TextField
          as="textarea"
          id="overrideReason"
          label={`Why go against "${RECOMMENDATION_LABELS[recommendation]}"?`}
          error={errors.overrideReason?.message}
          hint="Address the evidence the recommendation rests on (at least 20 characters)."
          errorReplacesHint
          rows={3}
          {...form.register("overrideReason")}
        />
      ) : null}
      <FormAlert message={formError} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isSubmitting} pendingLabel="Recording…">
          Record decision
        </Button>
        {previousDecisionId ? (
          <button
            type="button"
            onClick={() => {
              setFormError(null);
              setOpen(false);
            }}
            className={buttonClass("secondary")}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
