"use client";

// Small actions of the loop builder: the one-click standard loop, cancelling an interview,
// changing the candidate's stage, and moving an opening to a newer template version.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/forms/field";
import { writeJson } from "@/components/ui/json-write";
import { CANDIDATE_STAGES } from "@/lib/domain/vocabulary";
import { buttonClass } from "@/components/ui/button";

async function send(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown): Promise<string | null> {
  const res = await writeJson(url, { method, body });
  if (res.ok) return null;
  if (res.status === null) return "The connection failed; try again.";
  const fields = res.data?.error?.fields;
  return fields ? Object.values(fields).flat().join(" ") : (res.message ?? `Failed (${res.status}).`);
}

function useAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (
    url: string,
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    body?: unknown,
    after?: (ok: boolean) => void,
  ) => {
    setPending(true);
    setError(null);
    const problem = await send(url, method, body);
    setPending(false);
    setError(problem);
    after?.(!problem);
    if (!problem) router.refresh();
  };
  return { pending, error, run };
}

export function StandardLoopButton({ candidateId, exerciseCount }: { candidateId: string; exerciseCount: number }) {
  const { pending, error, run } = useAction();
  const [start, setStart] = useState(() => {
    const d = new Date(Date.now() + 2 * 86_400_000);
    d.setHours(10, 0, 0, 0);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">First interview starts</span>
          <input
            type="datetime-local"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            className="rounded-md border border-slate-400 px-2 py-1.5"
          />
        </label>
        <button
          type="button"
          disabled={pending || !start}
          onClick={() =>
            run(`/api/candidates/${candidateId}/standard-loop`, "POST", { startAt: new Date(start).toISOString() })
          }
          className="rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {pending ? "Planning…" : `Create the standard loop (${exerciseCount} interviews)`}
        </button>
      </div>
      <p className="text-xs text-slate-700">
        One interview per exercise of the role, its dimensions as the focus, each as long as the exercise says (an hour
        when it does not), with 15-minute breaks; the opening&apos;s interviewer pool first, then those with the fewest
        upcoming interviews, a different one for each where possible, never another opening&apos;s hiring manager unless
        pooled. The candidate moves to interviewing. Change any of them afterwards.
      </p>
      <FormAlert message={error} />
    </div>
  );
}

export function CancelInterviewButton({ interviewId }: { interviewId: string }) {
  const { pending, error, run } = useAction();
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          window.confirm("Cancel this interview? Its interviewer will no longer owe a scorecard.") &&
          run(`/api/interviews/${interviewId}`, "DELETE")
        }
        className={buttonClass("secondary")}
      >
        {pending ? "Cancelling…" : "Cancel interview"}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function StageSelect({ candidateId, stage }: { candidateId: string; stage: string }) {
  const { pending, error, run } = useAction();
  const [value, setValue] = useState(stage);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="text-sm">
        <span className="block font-medium">Stage</span>
        <select
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="rounded-md border border-slate-400 bg-white px-2 py-1.5"
        >
          {CANDIDATE_STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={pending || value === stage}
        onClick={() => run(`/api/candidates/${candidateId}/stage`, "PUT", { stage: value })}
        className={buttonClass("secondary")}
      >
        {pending ? "Saving…" : "Move to this stage"}
      </button>
      <FormAlert message={error} />
    </div>
  );
}

export function MoveOpeningButton({
  openingId,
  toVersionId,
  toVersion,
}: {
  openingId: string;
  toVersionId: string;
  toVersion: number;
}) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(
            `/api/openings/${openingId}/move`,
            "POST",
            { toVersionId },
            (ok) => ok && router.push(`/openings/${openingId}`),
          )
        }
        className={buttonClass()}
      >
        {pending ? "Moving…" : `Move this opening to version ${toVersion}`}
      </button>
      <FormAlert message={error} />
    </div>
  );
}
