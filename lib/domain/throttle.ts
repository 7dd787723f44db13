// Sign-in throttling (issue 3): a few free failures per account and per address, then each
// further failure locks that key for longer (1 s, 2 s, 4 s … up to 15 min). Pure; clock injected.
export const FREE_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const MAX_LOCK_MS = 15 * 60_000;

export type ThrottleState = { failures: number; firstFailAt: Date; lockedUntil: Date | null };

export function isLocked(state: ThrottleState | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

/** The state after one more failed attempt. Failures older than the window start a new count. */
export function afterFailure(state: ThrottleState | null | undefined, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.firstFailAt.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailAt = fresh ? now : state.firstFailAt;
  if (failures <= FREE_FAILURES) return { failures, firstFailAt, lockedUntil: null };
  const lockMs = Math.min(1000 * 2 ** (failures - FREE_FAILURES - 1), MAX_LOCK_MS);
  return { failures, firstFailAt, lockedUntil: new Date(now.getTime() + lockMs) };
}
