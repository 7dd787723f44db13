// Time clashes in a candidate's loop (docs/decisions/050-loop-time-clashes.md): an interview
// overlapping another of the same candidate, or its interviewer booked elsewhere at that time (any
// candidate, any opening). A warning shown before saving, never a refusal. Pure.
import type { CandidateScope } from "./permissions";

/** A planned slot: who, from when, for how long. */
export type Slot = { interviewerId: string; scheduledAt: Date; durationMinutes: number };

/** Another scheduled interview that may clash, with what the viewer may be told about it. */
export type BookedInterview = Slot & {
  id: string;
  candidateId: string;
  candidateName: string;
  interviewerName: string;
  openingId: string;
  openingTitle: string;
  erased: boolean;
};

export type Clash = {
  kind: "candidate" | "interviewer";
  interviewId: string;
  interviewerName: string;
  scheduledAt: Date;
  durationMinutes: number;
  /** null: an interview the viewer may not see; shown as "busy" with no candidate or opening */
  candidate: { id: string; name: string; openingTitle: string } | null;
};

const end = (s: Slot) => s.scheduledAt.getTime() + s.durationMinutes * 60_000;

/** Two slots overlap when each starts before the other ends (back to back is no clash). */
export const overlaps = (a: Slot, b: Slot) => a.scheduledAt.getTime() < end(b) && b.scheduledAt.getTime() < end(a);

/**
 * What clashes with `slot` for candidate `candidateId`: the candidate's other interviews at that
 * time, and the interviewer's interviews elsewhere at that time. `visible` says whether the viewer
 * may see an interview's candidate (docs/product.md "Visibility and independence"); one they may
 * not is reported as busy, without details. Oldest first.
 */
export function findClashes(
  slot: Slot,
  candidateId: string,
  booked: readonly BookedInterview[],
  visible: (b: BookedInterview) => boolean,
): Clash[] {
  return booked
    .filter((b) => overlaps(slot, b) && (b.candidateId === candidateId || b.interviewerId === slot.interviewerId))
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.id.localeCompare(b.id))
    .map((b) => ({
      kind: b.candidateId === candidateId ? "candidate" : "interviewer",
      interviewId: b.id,
      interviewerName: b.interviewerName,
      scheduledAt: b.scheduledAt,
      durationMinutes: b.durationMinutes,
      candidate:
        b.candidateId === candidateId || visible(b)
          ? {
              id: b.candidateId,
              name: b.erased ? "an erased candidate" : b.candidateName,
              openingTitle: b.openingTitle,
            }
          : null,
    }));
}

/** Who may see a booked interview's candidate: everyone's for recruiters and admins, a hiring manager's own openings. */
export const clashVisibility =
  (scope: CandidateScope, managedOpeningIds: ReadonlySet<string>) => (b: Pick<BookedInterview, "openingId">) =>
    scope === "all" || (scope === "managed" && managedOpeningIds.has(b.openingId));

/**
 * The clashes among a loop's own interviews, each interview's list (for the builder's list of
 * planned interviews): same candidate at once, or the interviewer booked elsewhere.
 */
export function loopClashes(
  loop: readonly (Slot & { id: string })[],
  candidateId: string,
  booked: readonly BookedInterview[],
  visible: (b: BookedInterview) => boolean,
): Map<string, Clash[]> {
  const out = new Map<string, Clash[]>();
  for (const i of loop) {
    const found = findClashes(
      i,
      candidateId,
      booked.filter((b) => b.id !== i.id),
      visible,
    );
    if (found.length) out.set(i.id, found);
  }
  return out;
}

/** "Sam Patel is booked 10:00–11:00 with Ada Lovelace (Lead AI Platform Engineer)" — times formatted by the caller. */
export function describeClash(c: Clash, when: string): string {
  if (c.kind === "candidate") return `The candidate already has an interview ${when} with ${c.interviewerName}.`;
  if (!c.candidate) return `${c.interviewerName} is busy ${when}.`;
  return `${c.interviewerName} is booked ${when} with ${c.candidate.name} (${c.candidate.openingTitle}).`;
}
