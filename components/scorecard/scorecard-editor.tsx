"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { FormProvider, useForm, type FieldErrors } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { useLazyZodResolver } from "@/components/forms/lazy-resolver";
import { scorecardNudges, type Nudge } from "@/lib/domain/nudges";
import { OVERALL_RECOMMENDATIONS, OVERALL_RECOMMENDATION_LABELS } from "@/lib/domain/vocabulary";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import { ConflictPanel } from "./conflict-panel";
import { focusNudgeTarget, NudgeDialog } from "./nudge-dialog";
import { RatingField } from "./rating-field";
import { RedFlagField } from "./red-flag-field";
import { SaveStatusLine } from "./save-status";
import type { KitView } from "./types";
import { localKey } from "./autosave-engine";
import { claimableCopy, currentTabId, holdTabLock } from "./local-copies";
import { useAutosave } from "./use-autosave";

type Initial = { values: ScorecardValues; version: number; status: "draft" | "submitted"; savedAt: string | null };
type Problem = { target: string; message: string };

/** Field errors in form order, each with the element to jump to. */
function problemsOf(kit: KitView, errors: FieldErrors<ScorecardValues>): Problem[] {
  const out: Problem[] = [];
  // "rate at least one dimension" sits on the ratings record itself
  const ratingsError = errors.ratings as { message?: string; root?: { message?: string } } | undefined;
  const whole = ratingsError?.root?.message ?? ratingsError?.message;
  if (whole) out.push({ target: "dimensions-heading", message: whole });
  for (const d of kit.dimensions) {
    const m = errors.ratings?.[d.id]?.score?.message;
    if (m) out.push({ target: `dim-${d.id}`, message: `${d.name}: ${m}` });
  }
  for (const f of kit.redFlags) {
    const m = errors.redFlags?.[f.id]?.note?.message;
    if (m) out.push({ target: `flag-${f.id}-note`, message: `${m}: “${f.text}”` });
  }
  if (errors.keyTakeaways?.message) out.push({ target: "keyTakeaways", message: errors.keyTakeaways.message });
  if (errors.recommendation?.message) out.push({ target: "recommendation", message: errors.recommendation.message });
  return out;
}

async function postJson(
  url: string,
  body: unknown,
  tries = 3,
): Promise<{
  res: Response;
  data: { error?: { message: string; fields?: Record<string, string[]>; current?: unknown } } & Record<string, unknown>;
}> {
  for (let i = 1; ; i++) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status >= 500 && i < tries) throw new Error(`status ${res.status}`);
      return { res, data: await res.json().catch(() => ({})) };
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 1000 * i));
    }
  }
}

export function ScorecardEditor({
  kit,
  userId,
  initial,
  mode,
  onCancel,
}: {
  kit: KitView;
  userId: string;
  initial: Initial;
  mode: "draft" | "amend";
  onCancel?: () => void;
}) {
  const router = useRouter();
  // the submit rules: the server's own schema, loaded when first needed (components/forms/lazy-resolver)
  const submitKit = kit.kit;
  const resolver = useLazyZodResolver<ScorecardValues>(
    useCallback(() => import("@/lib/validations/scorecard").then((m) => m.submitSchemaFor(submitKit)), [submitKit]),
  );
  const form = useForm<ScorecardValues>({ defaultValues: initial.values, resolver, shouldFocusError: false });
  const storageKey = localKey(userId, kit.interviewId);
  const getValues = useCallback(() => form.getValues(), [form]);
  const { engine, status } = useAutosave({
    url: `/api/interviews/${kit.interviewId}/scorecard`,
    storageKey,
    initialVersion: initial.status === "draft" ? initial.version : 0,
    initialSavedAt: initial.savedAt ? new Date(initial.savedAt) : null,
    getValues,
  });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [nudges, setNudges] = useState<Nudge[] | null>(null);
  const submissionKey = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  // Text typed before a closed tab, a reload or a lost connection comes back from this device;
  // the unsent text of another tab that is still open is left to that tab.
  const restoreChecked = useRef(false);
  useEffect(() => {
    if (mode !== "draft") return;
    const tab = currentTabId();
    const release = holdTabLock(tab);
    if (!restoreChecked.current) {
      restoreChecked.current = true;
      void claimableCopy(storageKey, tab).then((found) => {
        if (!found) return;
        if (!found.key.endsWith(`:${tab}`)) localStorage.removeItem(found.key);
        const local = found.copy;
        if (JSON.stringify(local.values) === JSON.stringify(initial.values)) return engine.clearLocal();
        form.reset(local.values);
        setRestored(true);
        if (local.baseVersion === initial.version && initial.status === "draft") engine.changed();
        else
          engine.conflictWith({
            version: initial.version,
            status: initial.status,
            values: initial.values,
            savedAt: initial.savedAt ?? "",
          });
      });
    }
    return release;
  }, [engine, form, initial, mode, storageKey]);

  useEffect(() => {
    if (mode !== "draft") return;
    // eslint-disable-next-line react-hooks/incompatible-library
    const sub = form.watch(() => engine.changed());
    return () => sub.unsubscribe();
  }, [engine, form, mode]);

  const problems = problemsOf(kit, form.formState.errors);
  const focus = kit.dimensions.filter((d) => d.focus);
  const others = kit.dimensions.filter((d) => !d.focus);
  const otherTouched = others.some(
    (d) => initial.values.ratings[d.id]?.score || initial.values.ratings[d.id]?.evidence,
  );

  const showServerErrors = (fields: Record<string, string[]> | undefined) => {
    for (const [path, [message]] of Object.entries(fields ?? {})) {
      if (path === "reason") setReasonError(message);
      else form.setError(path as "keyTakeaways", { type: "server", message });
    }
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const reasonGiven = () => {
    if (mode === "amend" && reason.trim().length < 5) {
      setReasonError("Say why you are amending the submitted scorecard");
      document.getElementById("amend-reason")?.focus();
      return false;
    }
    return true;
  };

  /** The submit (or amendment) itself: the one path for a plain submit and for "Submit anyway". */
  const send = async (values: ScorecardValues) => {
    setFailure(null);
    if (!reasonGiven()) return;
    setSubmitting(true);
    try {
      if (mode === "draft") {
        if ((await engine.flush()) === "conflict") return;
        submissionKey.current ??= crypto.randomUUID();
      }
      const url = `/api/interviews/${kit.interviewId}/scorecard/${mode === "draft" ? "submit" : "amend"}`;
      const body =
        mode === "draft"
          ? { baseVersion: engine.version, values, submissionKey: submissionKey.current }
          : { baseVersion: initial.version, values, reason };
      const { res, data } = await postJson(url, body);
      if (res.ok) {
        engine.clearLocal();
        router.refresh();
        onCancel?.();
        return;
      }
      if (res.status === 422) showServerErrors(data.error?.fields);
      else if (res.status === 410 && (data.error as { code?: string } | undefined)?.code === "candidate_erased")
        engine.forget(data.error!.message);
      else if (res.status === 409 && data.error?.current) engine.conflictWith(data.error.current as never);
      else setFailure(data.error?.message ?? `Not submitted (${res.status}). Your text is kept; try again.`);
    } catch {
      setFailure(
        "Not submitted: the connection failed. Your text is kept on this device; try again when you are back online.",
      );
    } finally {
      setSubmitting(false);
    }
  };
  const onInvalid = () => setTimeout(() => summaryRef.current?.focus(), 0);
  // Submit: the rules first (they block); then the evidence nudges (they do not): with none, it
  // goes straight through; with some, they are shown and the interviewer decides.
  const onValid = async (values: ScorecardValues) => {
    setFailure(null);
    if (!reasonGiven()) return;
    const found = scorecardNudges(values, kit.dimensions, kit.thresholds);
    if (found.length > 0) return setNudges(found);
    await send(values);
  };
  const closeNudges = (then: () => void) => {
    setNudges(null);
    setTimeout(then, 0);
  };

  const conflict = status.kind === "conflict" ? status.current : null;

  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit(onValid, onInvalid)}
        noValidate
        aria-labelledby="scorecard-heading"
        className="space-y-6"
      >
        <h2 id="scorecard-heading" className="text-xl font-semibold tracking-tight">
          {mode === "amend" ? "Amend your scorecard" : "Your scorecard"}
        </h2>
        {restored && !conflict ? (
          <p role="status" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm">
            Restored what you typed last time on this device; it is being saved now.
          </p>
        ) : null}
        {conflict ? (
          <ConflictPanel
            kit={kit}
            mine={form.getValues()}
            saved={conflict.values}
            submittedElsewhere={conflict.status === "submitted"}
            onMerge={(merged) => {
              form.reset(merged);
              engine.resolveConflict(conflict.version);
            }}
          />
        ) : null}
        {problems.length > 0 ? (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            aria-labelledby="problems-heading"
            className="rounded-lg border-2 border-red-600 bg-red-50 p-4"
          >
            <h3 id="problems-heading" className="font-semibold text-red-900">
              {problems.length === 1
                ? "One thing to finish before submitting"
                : `${problems.length} things to finish before submitting`}
            </h3>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {problems.map((p) => (
                <li key={p.target + p.message}>
                  <a href={`#${p.target}`} className="text-red-900 underline">
                    {p.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <section aria-labelledby="dimensions-heading" className="space-y-3">
          <h3 id="dimensions-heading" className="text-lg font-semibold">
            Focus dimensions ({focus.length})
          </h3>
          {focus.length === 0 ? (
            <p className="text-sm text-slate-700">
              No focus dimensions were set for this interview; rate what you covered below.
            </p>
          ) : null}
          {focus.map((d) => (
            <div key={d.id} id={`dim-${d.id}`} tabIndex={-1}>
              <RatingField dimension={d} />
            </div>
          ))}
          {others.length > 0 ? (
            <details
              open={otherTouched || focus.length === 0}
              className="rounded-lg border border-slate-200 bg-slate-100/60 p-3"
            >
              <summary className="cursor-pointer font-medium">
                Other dimensions ({others.length}) — rate them if the interview gave you evidence
              </summary>
              <div className="mt-3 space-y-3">
                {others.map((d) => (
                  <div key={d.id} id={`dim-${d.id}`} tabIndex={-1}>
                    <RatingField dimension={d} />
                  </div>
                ))}
              </div>
            </details>
          ) : null}
        </section>

        <section aria-labelledby="flags-heading">
          <h3 id="flags-heading" className="text-lg font-semibold">
            Red flags
          </h3>
          <p className="text-sm text-slate-700">
            Tick any you observed and say what you saw. Any red flag makes the recommendation No hire (red flag).
          </p>
          <ul className="mt-2 space-y-2">
            {kit.redFlags.map((f) => (
              <RedFlagField key={f.id} flag={f} />
            ))}
          </ul>
        </section>

        <div>
          <label htmlFor="keyTakeaways" className="text-lg font-semibold">
            Key take-aways
          </label>
          <textarea
            id="keyTakeaways"
            rows={4}
            aria-invalid={!!form.formState.errors.keyTakeaways}
            aria-describedby={form.formState.errors.keyTakeaways ? "keyTakeaways-error" : undefined}
            className={`${inputClass} mt-1`}
            {...form.register("keyTakeaways")}
          />
          {form.formState.errors.keyTakeaways ? (
            <p id="keyTakeaways-error" className="mt-1 text-sm text-red-700">
              {form.formState.errors.keyTakeaways.message}
            </p>
          ) : null}
        </div>

        <fieldset
          id="recommendation"
          tabIndex={-1}
          aria-describedby={form.formState.errors.recommendation ? "recommendation-error" : undefined}
        >
          <legend className="text-lg font-semibold">Overall recommendation</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
            {OVERALL_RECOMMENDATIONS.map((r) => (
              <label
                key={r}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600"
              >
                <input type="radio" value={r} className="accent-indigo-700" {...form.register("recommendation")} />
                {OVERALL_RECOMMENDATION_LABELS[r]}
              </label>
            ))}
          </div>
          {form.formState.errors.recommendation ? (
            <p id="recommendation-error" className="mt-1 text-sm text-red-700">
              {form.formState.errors.recommendation.message}
            </p>
          ) : null}
        </fieldset>

        {mode === "amend" ? (
          <div>
            <label htmlFor="amend-reason" className="text-lg font-semibold">
              Reason for the amendment
            </label>
            <p id="amend-reason-hint" className="text-sm text-slate-700">
              Everyone who reads this scorecard sees the reason and the earlier version.
            </p>
            <textarea
              id="amend-reason"
              rows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
              aria-invalid={!!reasonError}
              aria-describedby={reasonError ? "amend-reason-error" : "amend-reason-hint"}
              className={`${inputClass} mt-1`}
            />
            {reasonError ? (
              <p id="amend-reason-error" role="alert" className="mt-1 text-sm text-red-700">
                {reasonError}
              </p>
            ) : null}
          </div>
        ) : null}

        <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
          <button
            ref={submitRef}
            type="submit"
            disabled={submitting || !!conflict}
            aria-busy={submitting}
            className="rounded-md bg-indigo-700 px-5 py-2.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
          >
            {submitting
              ? mode === "amend"
                ? "Saving amendment…"
                : "Submitting…"
              : mode === "amend"
                ? "Save amendment"
                : "Submit scorecard"}
          </button>
          {mode === "amend" ? (
            <button type="button" onClick={onCancel} className="rounded-md border border-slate-400 px-4 py-2.5">
              Cancel
            </button>
          ) : (
            <SaveStatusLine status={status} />
          )}
          {failure ? (
            <p role="alert" className="w-full text-sm text-red-800">
              {failure}
            </p>
          ) : null}
        </div>
      </form>
      {nudges ? (
        <NudgeDialog
          nudges={nudges}
          kit={kit}
          mode={mode}
          onGoTo={(nudge) => closeNudges(() => focusNudgeTarget(nudge))}
          onBack={() => closeNudges(() => submitRef.current?.focus())}
          onSubmitAnyway={() => closeNudges(() => void form.handleSubmit(send, onInvalid)())}
        />
      ) : null}
    </FormProvider>
  );
}
