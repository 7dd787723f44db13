"use client";

// The loop builder's time-clash warning (docs/decisions/050-loop-time-clashes.md): as the recruiter
// chooses an interviewer, a time and a length, the server says what that slot would overlap — the
// candidate's other interviews, the interviewer's bookings with anyone else — before anything is
// saved. A warning: saving stays possible.
import { useEffect, useState } from "react";
import { describeClash, type Clash } from "@/lib/domain/loop-clashes";

type Wire = Omit<Clash, "scheduledAt"> & { scheduledAt: string };
type Slot = { interviewerId?: string; scheduledAt?: string; durationMinutes?: number | string; interviewId?: string };

const format = (iso: string, minutes: number) => {
  const start = new Date(iso);
  const end = new Date(start.getTime() + minutes * 60_000);
  const day = new Intl.DateTimeFormat([], { weekday: "short", day: "numeric", month: "short" }).format(start);
  const time = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit" });
  return `on ${day}, ${time.format(start)}–${time.format(end)}`;
};

/** Asks the server, a moment after the slot last changed, what it clashes with. */
export function useClashes(candidateId: string, slot: Slot) {
  const [clashes, setClashes] = useState<Wire[]>([]);
  const { interviewerId, scheduledAt, durationMinutes, interviewId } = slot;
  useEffect(() => {
    const start = scheduledAt ? new Date(scheduledAt) : null;
    const minutes = Number(durationMinutes);
    if (!interviewerId || !start || Number.isNaN(start.getTime()) || !(minutes >= 15 && minutes <= 480)) {
      const t = setTimeout(() => setClashes([]), 0);
      return () => clearTimeout(t);
    }
    const query = new URLSearchParams({
      interviewerId,
      scheduledAt: start.toISOString(),
      durationMinutes: String(minutes),
      ...(interviewId ? { interviewId } : {}),
    });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/candidates/${candidateId}/interviews/clashes?${query}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<Wire[]>) : []))
        .then(setClashes)
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [candidateId, interviewerId, scheduledAt, durationMinutes, interviewId]);
  return clashes;
}

export function ClashWarning({ clashes, id }: { clashes: Wire[]; id: string }) {
  return (
    <div id={id} role="status" aria-live="polite">
      {clashes.length ? (
        <div
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="clash-warning"
        >
          <p className="font-semibold">Time clash — check before saving</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {clashes.map((c) => (
              <li key={`${c.kind}-${c.interviewId}`}>
                {describeClash(
                  { ...c, scheduledAt: new Date(c.scheduledAt) },
                  format(c.scheduledAt, c.durationMinutes),
                )}
              </li>
            ))}
          </ul>
          <p className="mt-1">You can still save this interview if the clash is intended.</p>
        </div>
      ) : null}
    </div>
  );
}

/** Under a planned interview in the loop builder's list: what it overlaps, in the reader's time zone. */
export function LoopClashNote({ clashes }: { clashes: Wire[] }) {
  return (
    <ul className="mt-1 text-sm text-amber-900" data-testid="loop-clash">
      {clashes.map((c) => (
        <li key={`${c.kind}-${c.interviewId}`}>
          Time clash:{" "}
          {describeClash({ ...c, scheduledAt: new Date(c.scheduledAt) }, format(c.scheduledAt, c.durationMinutes))}
        </li>
      ))}
    </ul>
  );
}
