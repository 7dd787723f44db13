// Planning a candidate's loop (docs/decisions/027-standard-loop-and-coverage.md): the coverage of
// the role's dimensions by weight before the loop runs, interviewers booked twice, and the
// one-click standard loop. Pure.

export type PlanDimension = { id: string; name: string; weight: number };
export type PlanExercise = { id: string; title: string; dimensionIds: string[] };
export type PlannedInterview = { interviewerId: string; focusDimensionIds: string[]; status?: string };

export function loopCoverage(dimensions: readonly PlanDimension[], interviews: readonly PlannedInterview[]) {
  const focused = new Set(interviews.filter((i) => i.status !== "cancelled").flatMap((i) => i.focusDimensionIds));
  const covered = dimensions.filter((d) => focused.has(d.id));
  const uncovered = dimensions.filter((d) => !focused.has(d.id));
  const weight = covered.reduce((s, d) => s + d.weight, 0);
  return { coverage: weight / 100, covered, uncovered };
}

/** "This loop covers 85% of the weight; Communication is not covered." */
export function describeCoverage(c: ReturnType<typeof loopCoverage>): string {
  const pct = `${Math.round(c.coverage * 1000) / 10}%`;
  if (!c.covered.length) return "This loop covers none of the role's dimensions yet.";
  if (!c.uncovered.length)
    return `This loop covers ${pct} of the weight: every dimension is a focus of some interview.`;
  const names = c.uncovered.map((d) => d.name);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `This loop covers ${pct} of the weight; ${list} ${names.length === 1 ? "is" : "are"} not covered.`;
}

/** Interviewers with more than one (not cancelled) interview with this candidate. */
export function doubleBooked(interviews: readonly PlannedInterview[]): string[] {
  const counts = new Map<string, number>();
  for (const i of interviews)
    if (i.status !== "cancelled") counts.set(i.interviewerId, (counts.get(i.interviewerId) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([id]) => id);
}

/** One interview per exercise of the role, focusing on the dimensions that exercise exercises. */
export function standardLoop(exercises: readonly PlanExercise[]) {
  return exercises.map((e) => ({ exerciseId: e.id, title: e.title, focusDimensionIds: [...e.dimensionIds] }));
}

/** Without a length in the exercise's text, an interview is planned for an hour. */
export const DEFAULT_INTERVIEW_MINUTES = 60;
/** The break the standard loop leaves between one interview's end and the next one's start. */
export const STANDARD_LOOP_BREAK_MINUTES = 15;

/**
 * An exercise's length in minutes from the blueprint's words: "30 minutes" → 30, "60–90 minutes"
 * → 90 (a range plans for its upper bound, so the interview is not cut short), "1.5 hours" → 90;
 * no length ("take-home or live", "time-boxed", none) → DEFAULT_INTERVIEW_MINUTES. Kept within what
 * an interview may last (15 minutes to 8 hours: lib/validations/hiring.ts), in whole 5 minutes.
 */
export function exerciseMinutes(duration: string | null | undefined): number {
  const re = /(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|—|to)\s*(\d+(?:[.,]\d+)?))?\s*(minutes?|mins?|m\b|hours?|hrs?|h\b)/gi;
  let best = 0;
  for (const m of (duration ?? "").matchAll(re)) {
    const upper = Number((m[2] ?? m[1]).replace(",", "."));
    const minutes = /^h/i.test(m[3]) ? upper * 60 : upper;
    best = Math.max(best, minutes);
  }
  if (!best) return DEFAULT_INTERVIEW_MINUTES;
  return Math.min(480, Math.max(15, Math.round(best / 5) * 5));
}

/**
 * The standard loop's times: each interview as long as its exercise says, one after another from
 * `start`, with a STANDARD_LOOP_BREAK_MINUTES break between them.
 */
export function standardLoopTimes(start: Date, durations: readonly (string | null)[]) {
  let at = start.getTime();
  return durations.map((d) => {
    const durationMinutes = exerciseMinutes(d);
    const slot = { scheduledAt: new Date(at), durationMinutes };
    at += (durationMinutes + STANDARD_LOOP_BREAK_MINUTES) * 60_000;
    return slot;
  });
}

/** Someone who may be given an interview by the standard loop, as the choice reads them. */
export type LoopCandidatePerson = {
  id: string;
  inPool: boolean;
  /** hiring manager of some other opening (never picked unless in this opening's pool) */
  managesOtherOpening: boolean;
  alreadyOnLoop: boolean;
  upcoming: number;
};

/**
 * The order the standard loop hands out interviews in: never another opening's hiring manager
 * unless this opening's pool names them; people not yet on this candidate's loop first, then the
 * opening's pool, then those with the fewest upcoming interviews, then a stable order
 * (docs/decisions/051-standard-loop-pool-durations-stage.md).
 */
export function standardLoopOrder<T extends LoopCandidatePerson>(people: readonly T[]): T[] {
  return people
    .filter((p) => p.inPool || !p.managesOtherOpening)
    .sort(
      (a, b) =>
        Number(a.alreadyOnLoop) - Number(b.alreadyOnLoop) ||
        Number(b.inPool) - Number(a.inPool) ||
        a.upcoming - b.upcoming ||
        a.id.localeCompare(b.id),
    );
}

/**
 * Who runs each slot of the standard loop: in `order`, the first person not yet given one of
 * these slots and free then (no booking overlapping it); failing that, the first one free; failing
 * that, the same rotation as before. `busy` holds each person's other bookings.
 */
export function assignInterviewers<T extends { id: string }>(
  order: readonly T[],
  slots: readonly { scheduledAt: Date; durationMinutes: number }[],
  busy: ReadonlyMap<string, readonly { scheduledAt: Date; durationMinutes: number }[]>,
): T[] {
  const end = (s: { scheduledAt: Date; durationMinutes: number }) =>
    s.scheduledAt.getTime() + s.durationMinutes * 60_000;
  const free = (p: T, s: (typeof slots)[number]) =>
    !(busy.get(p.id) ?? []).some((b) => b.scheduledAt.getTime() < end(s) && s.scheduledAt.getTime() < end(b));
  const used = new Set<string>();
  return slots.map((s, k) => {
    const pick =
      order.find((p) => !used.has(p.id) && free(p, s)) ?? order.find((p) => free(p, s)) ?? order[k % order.length];
    used.add(pick.id);
    return pick;
  });
}
