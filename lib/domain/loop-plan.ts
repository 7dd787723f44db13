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
