"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { useLazyZodResolver } from "@/components/forms/lazy-resolver";
import { scorecardNudges, type Nudge } from "@/lib/domain/nudges";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import { localKey } from "./autosave-engine";
import { AmendReason, ClosingFields } from "./closing-fields";
import { ConflictPanel, sameAnswers } from "./conflict-panel";
import { DimensionSections } from "./dimension-sections";
import { focusNudgeTarget, NudgeDialog } from "./nudge-dialog";
import { problemsOf, ProblemSummary } from "./problems";
import { SaveStatusLine } from "./save-status";
import { SubmitBar } from "./submit-bar";
import { postWithRetries } from "./submit-request";
import type { KitView } from "./types";
import { useAutosave } from "./use-autosave";
import { useRestoreLocal } from "./use-restore-local";

type Initial = { values: ScorecardValues; version: number; status: "draft" | "submitted"; savedAt: string | null };

const OFFLINE =
  "Not submitted: the connection failed. Your text is kept on this device; try again when you are back online.";

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
  const same = useCallback((a: ScorecardValues, b: ScorecardValues) => sameAnswers(kit, a, b), [kit]);
  const { engine, status } = useAutosave({
    url: `/api/interviews/${kit.interviewId}/scorecard`,
    storageKey,
    initialVersion: initial.status === "draft" ? initial.version : 0,
    initialSavedAt: initial.savedAt ? new Date(initial.savedAt) : null,
    getValues,
    sameAnswers: same,
  });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [nudges, setNudges] = useState<Nudge[] | null>(null);
  const submissionKey = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  const restored = useRestoreLocal({
    active: mode === "draft",
    engine,
    form,
    initial,
    storageKey,
    sameAnswers: same,
  });

  useEffect(() => {
    if (mode !== "draft") return;
    // eslint-disable-next-line react-hooks/incompatible-library
    const sub = form.watch(() => engine.changed());
    return () => sub.unsubscribe();
  }, [engine, form, mode]);

  const problems = problemsOf(kit, form.formState.errors);
  const otherTouched = kit.dimensions.some(
    (d) => !d.focus && (initial.values.ratings[d.id]?.score || initial.values.ratings[d.id]?.evidence),
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
      const res = await postWithRetries(url, body);
      if (res.ok) {
        engine.clearLocal();
        router.refresh();
        onCancel?.();
        return;
      }
      const error = res.data?.error;
      if (res.status === null) setFailure(OFFLINE);
      else if (res.status === 422) showServerErrors(res.fields);
      else if (res.status === 410 && error?.code === "candidate_erased") engine.forget(error.message!);
      else if (res.status === 409 && error?.current) engine.conflictWith(error.current as never);
      else setFailure(res.message ?? `Not submitted (${res.status}). Your text is kept; try again.`);
    } catch {
      setFailure(OFFLINE);
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
        <ProblemSummary problems={problems} ref={summaryRef} />

        <DimensionSections kit={kit} otherTouched={otherTouched} />
        <ClosingFields />

        {mode === "amend" ? (
          <AmendReason
            value={reason}
            error={reasonError}
            onChange={(value) => {
              setReason(value);
              setReasonError(null);
            }}
          />
        ) : null}

        <SubmitBar
          submitRef={submitRef}
          disabled={submitting || !!conflict}
          busy={submitting}
          opensAt={mode === "draft" ? kit.submitOpensAt : undefined}
          label={
            submitting
              ? mode === "amend"
                ? "Saving amendment…"
                : "Submitting…"
              : mode === "amend"
                ? "Save amendment"
                : "Submit scorecard"
          }
          aside={
            mode === "amend" ? (
              <button type="button" onClick={onCancel} className="rounded-md border border-slate-400 px-4 py-2.5">
                Cancel
              </button>
            ) : (
              <SaveStatusLine status={status} />
            )
          }
          failure={failure}
        />
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
