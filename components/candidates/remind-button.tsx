"use client";

// Remind (docs/decisions/049-manual-reminders.md): chase a missing scorecard — one interviewer, or
// everyone owing on a candidate or an opening — with when each was last reminded. Only recruiters
// and admins may: the status comes from the server, and for anyone else it answers 403 / 404 and
// nothing is shown. One request per candidate whatever the number of buttons on the page.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { useJsonWrite } from "@/components/ui/json-write";
import type { RemindResult, RemindStatus } from "@/lib/data/manual-reminders";

const CHANGED = "scorecards:reminders-changed";
const loads = new Map<string, Promise<RemindStatus[] | null>>();

function loadStatus(candidateId: string, fresh = false) {
  if (fresh || !loads.has(candidateId))
    loads.set(
      candidateId,
      fetch(`/api/candidates/${candidateId}/reminders`)
        .then((r) => (r.ok ? (r.json() as Promise<RemindStatus[]>) : null))
        .catch(() => null),
    );
  return loads.get(candidateId)!;
}

/** The status of one candidate's owed interviews, reloaded whenever a Remind on the page succeeds. */
function useRemindStatus(candidateId: string) {
  const [status, setStatus] = useState<RemindStatus[] | null>(null);
  useEffect(() => {
    let live = true;
    const read = (fresh: boolean) => void loadStatus(candidateId, fresh).then((s) => live && setStatus(s));
    read(false);
    const onChange = () => read(true);
    window.addEventListener(CHANGED, onChange);
    return () => {
      live = false;
      window.removeEventListener(CHANGED, onChange);
    };
  }, [candidateId]);
  return status;
}

function useRemind() {
  const { pending, write } = useJsonWrite();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const send = useCallback(
    async (target: { interviewId: string } | { candidateId: string } | { openingId: string }) => {
      const res = await write<RemindResult>("/api/reminders", { body: target });
      if (res.ok) {
        const names = res.data.reminded.map((r) => r.interviewerName).join(", ");
        const not = res.data.notReminded.map((r) => r.reason).join(" ");
        setMessage({ ok: true, text: `Reminder sent to ${names}.${not ? ` ${not}` : ""}` });
        loads.clear();
        window.dispatchEvent(new Event(CHANGED));
        router.refresh(); // the server-drawn "last reminded" of the candidate list
      } else
        setMessage({
          ok: false,
          text: res.status === null ? "The connection failed; try again." : (res.message ?? "Could not remind."),
        });
    },
    [write, router],
  );
  return { pending, message, send };
}

function Result({ message }: { message: { ok: boolean; text: string } | null }) {
  return (
    <span role="status" className={`text-xs ${message?.ok ? "text-emerald-800" : "text-red-700"}`}>
      {message?.text}
    </span>
  );
}

/** Remind one interviewer about one owed scorecard, with "last reminded …" beside it. */
export function RemindButton({ candidateId, interviewId }: { candidateId: string; interviewId: string }) {
  const status = useRemindStatus(candidateId)?.find((s) => s.interviewId === interviewId);
  const { pending, message, send } = useRemind();
  if (!status) return null;
  const tooSoon = !!status.nextRemindAt && new Date(status.nextRemindAt) > new Date();
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="remind">
      <Button
        variant="tiny"
        className="min-h-11 sm:min-h-0"
        pending={pending}
        pendingLabel="Reminding…"
        onClick={() => send({ interviewId })}
        aria-describedby={status.lastRemindedAt ? `reminded-${interviewId}` : undefined}
      >
        Remind<span className="sr-only"> {status.interviewerName}</span>
      </Button>
      {status.lastRemindedAt ? (
        <span id={`reminded-${interviewId}`} className="text-xs text-slate-700">
          Last reminded <LocalTime iso={status.lastRemindedAt} />
          {status.lastRemindedBy ? ` by ${status.lastRemindedBy}` : ""}
          {tooSoon && status.nextRemindAt ? (
            <>
              {" "}
              · again from <LocalTime iso={status.nextRemindAt} />
            </>
          ) : null}
        </span>
      ) : null}
      <Result message={message} />
    </span>
  );
}

/** Remind everyone who owes a scorecard on a candidate or across an opening. */
export function RemindEveryoneButton({
  target,
  label = "Remind everyone owing",
}: {
  target: { candidateId: string } | { openingId: string };
  label?: React.ReactNode;
}) {
  const { pending, message, send } = useRemind();
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <Button
        variant="tiny"
        className="min-h-11 sm:min-h-0"
        pending={pending}
        pendingLabel="Reminding…"
        onClick={() => send(target)}
      >
        {label}
      </Button>
      <Result message={message} />
    </span>
  );
}

/** On a candidate's summary: Remind everyone owing, for recruiters and admins, when two or more owe. */
export function RemindEveryoneOnCandidate({ candidateId }: { candidateId: string }) {
  const status = useRemindStatus(candidateId);
  if (!status || status.length < 2) return null;
  return <RemindEveryoneButton target={{ candidateId }} />;
}
