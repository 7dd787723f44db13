// Runs n callers at once and collects how each ended, for the race tests
// (tests/integration/races, docs/decisions/014). Every caller is started before any is awaited,
// after a shared start signal, so they reach the database together rather than one after another.

export type Settled<T> = PromiseSettledResult<T>;

export async function race<T>(n: number, caller: (i: number) => Promise<T>): Promise<Settled<T>[]> {
  let go!: () => void;
  const start = new Promise<void>((resolve) => (go = resolve));
  const runs = Array.from({ length: n }, (_, i) => start.then(() => caller(i)));
  go();
  return Promise.allSettled(runs);
}

/** The values of the callers that succeeded. */
export const fulfilled = <T>(results: Settled<T>[]): T[] =>
  results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));

/** The errors of the callers that failed. */
export const rejected = <T>(results: Settled<T>[]): unknown[] =>
  results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));

/** Waits `ms` milliseconds: to start one racer a little after another. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
