"use client";

// Starting a debrief (docs/decisions/078-debrief-mode.md): the facilitator marks who is senior,
// sets the reveal order (suggested: everyone else first, the seniors next, the hiring manager
// last) and chooses one at a time or all at once. The same zod schema checks it here and on the
// server, which also checks the order against the panel.
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { useLazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button, buttonClass } from "@/components/ui/button";
import { writeJson } from "@/components/ui/json-write";
import { suggestedRevealOrder } from "@/lib/domain/debrief";
import type { DebriefStartInput } from "@/lib/validations/debrief";

type Member = { interviewerId: string; name: string; hiringManager: boolean };

export function DebriefStartForm({
  candidateId,
  panel,
  hiringManagerId,
  missing,
}: {
  candidateId: string;
  /** in the suggested order */
  panel: readonly Member[];
  hiringManagerId: string;
  /** interviewers whose scorecard is not in yet */
  missing: readonly string[];
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [moved, setMoved] = useState(false);
  const resolver = useLazyZodResolver<DebriefStartInput>(
    useCallback(() => import("@/lib/validations/debrief").then((m) => m.debriefStartSchema), []),
  );
  const form = useForm<DebriefStartInput>({
    resolver,
    defaultValues: { revealMode: "one", revealOrder: panel.map((m) => m.interviewerId), seniorIds: [] },
  });
  const { errors, isSubmitting } = form.formState;
  const order = useWatch({ control: form.control, name: "revealOrder" });
  const seniors = useWatch({ control: form.control, name: "seniorIds" }) ?? [];
  const byId = new Map(panel.map((m) => [m.interviewerId, m]));

  const setOrder = (next: string[]) => form.setValue("revealOrder", next, { shouldDirty: true });
  const toggleSenior = (id: string, on: boolean) => {
    const next = on ? [...seniors, id] : seniors.filter((s) => s !== id);
    form.setValue("seniorIds", next, { shouldDirty: true });
    // until the facilitator moves someone by hand, the order follows the suggestion
    if (!moved)
      setOrder(
        suggestedRevealOrder(
          panel.map((m, i) => ({ interviewerId: m.interviewerId, submittedAt: new Date(i) })),
          { hiringManagerId, seniorIds: next },
        ),
      );
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setMoved(true);
    setOrder(next);
  };

  async function onSubmit(values: DebriefStartInput) {
    setFormError(null);
    const res = await writeJson(`/api/candidates/${candidateId}/debrief`, { body: values });
    if (res.ok) return router.refresh();
    if (res.status === null) return setFormError("Not started: the connection failed; try again.");
    for (const [name, messages] of Object.entries(res.fields))
      if (name === "revealMode" || name === "revealOrder" || name === "seniorIds")
        form.setError(name, { message: messages[0] });
    setFormError(res.message ?? `Not started (${res.status}).`);
    if (res.status === 409) router.refresh();
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      aria-labelledby="start-debrief-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="start-debrief-heading" className="text-lg font-semibold">
        Start the debrief
      </h2>
      <p className="text-sm text-slate-700">
        Starting freezes every submitted scorecard as it stands now. Whatever anyone changes afterwards is marked
        post-debrief, with what changed and why, and the summary shows the scores before and after side by side.
      </p>
      {missing.length ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="missing">
          Not in yet: {missing.join(", ")}. You can start with what is in; a scorecard submitted later is shown as
          submitted after the debrief started.
        </p>
      ) : null}
      <fieldset aria-describedby={errors.revealOrder ? "revealOrder-error" : undefined}>
        <legend className="text-sm font-medium">Reveal order, first speaks first</legend>
        <p className="text-xs text-slate-600">
          Suggested: everyone else first, then whoever you mark senior, then the hiring manager — so seniority speaks
          last and cannot anchor the others.
        </p>
        <ol className="mt-2 space-y-2" aria-label="Reveal order">
          {order.map((id, i) => {
            const m = byId.get(id)!;
            return (
              <li key={id} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 p-2">
                <span className="w-6 text-right font-semibold tabular-nums">{i + 1}.</span>
                <span className="min-w-40 flex-1 font-medium">
                  {m.name}
                  {m.hiringManager ? <span className="font-normal text-slate-700"> (hiring manager)</span> : null}
                </span>
                <label className="flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    checked={seniors.includes(id)}
                    onChange={(e) => toggleSenior(id, e.target.checked)}
                    disabled={m.hiringManager}
                  />
                  Senior
                </label>
                <button
                  type="button"
                  className={buttonClass("tiny", "min-h-11 min-w-11")}
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`Move ${m.name} earlier`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={buttonClass("tiny", "min-h-11 min-w-11")}
                  onClick={() => move(i, 1)}
                  disabled={i === order.length - 1}
                  aria-label={`Move ${m.name} later`}
                >
                  ↓
                </button>
              </li>
            );
          })}
        </ol>
        {errors.revealOrder || errors.seniorIds ? (
          <p id="revealOrder-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.revealOrder?.message ?? errors.seniorIds?.message}
          </p>
        ) : null}
      </fieldset>
      <fieldset aria-describedby={errors.revealMode ? "revealMode-error" : undefined}>
        <legend className="text-sm font-medium">Show the panel</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value="one" {...form.register("revealMode")} className="h-5 w-5" />
            One interviewer at a time
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value="all" {...form.register("revealMode")} className="h-5 w-5" />
            Everyone at once
          </label>
        </div>
        {errors.revealMode ? (
          <p id="revealMode-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.revealMode.message}
          </p>
        ) : null}
      </fieldset>
      <FormAlert message={formError} />
      <Button type="submit" className="min-h-11" pending={isSubmitting} pendingLabel="Starting…">
        Start the debrief
      </Button>
    </form>
  );
}
