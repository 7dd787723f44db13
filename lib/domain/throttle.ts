// Sign-in throttling (docs/decisions/015). Three counts of failures within 15 minutes, each with a
// few free failures and then a lock doubling from 1 s:
// - one account from one address ("pair"): the hard lock, refusing even the right password from
//   there; only whoever keeps failing from that address is held back;
// - one address across accounts: guessing one password against many accounts;
// - one account across addresses: a growing slowdown, shorter at most, that holds back only
//   addresses which have already failed on this account. An address with no failure of its own
//   there is always let through to the password check, so nobody can lock a person out of their
//   account from elsewhere. Pure; clock injected.
export const WINDOW_MS = 15 * 60_000;

export type ThrottlePolicy = { free: number; maxLockMs: number };
export const PAIR: ThrottlePolicy = { free: 5, maxLockMs: 15 * 60_000 };
export const ADDRESS: ThrottlePolicy = { free: 20, maxLockMs: 15 * 60_000 };
export const ACCOUNT: ThrottlePolicy = { free: 10, maxLockMs: 5 * 60_000 };

export type ThrottleState = { failures: number; firstFailAt: Date; lockedUntil: Date | null };

/** The keys one attempt is counted under; an unknown address is one address of its own, never spread across accounts. */
export function throttleKeys(email: string, address: string | null) {
  return {
    pair: `pair:${email}|${address ?? "unknown"}`,
    account: `account:${email}`,
    address: address ? `address:${address}` : null,
  };
}

export function isLocked(state: ThrottleState | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

/** Failures counted in the current window (0 once the window has passed). */
export function recentFailures(state: ThrottleState | null | undefined, now: Date): number {
  return state && now.getTime() - state.firstFailAt.getTime() <= WINDOW_MS ? state.failures : 0;
}

/**
 * Whether an attempt is refused before its password is checked. The account's lock applies only
 * to an address that has failed on this account in the window: a fresh address always gets its try.
 */
export function isRefused(
  states: { pair?: ThrottleState | null; account?: ThrottleState | null; address?: ThrottleState | null },
  now: Date,
): boolean {
  if (isLocked(states.pair, now) || isLocked(states.address, now)) return true;
  return isLocked(states.account, now) && recentFailures(states.pair, now) > 0;
}

/** The state after one more failed attempt. Failures older than the window start a new count. */
export function afterFailure(
  state: ThrottleState | null | undefined,
  now: Date,
  policy: ThrottlePolicy = PAIR,
): ThrottleState {
  const fresh = !state || now.getTime() - state.firstFailAt.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailAt = fresh ? now : state.firstFailAt;
  if (failures <= policy.free) return { failures, firstFailAt, lockedUntil: null };
  // the exponent is bounded so a long run of failures never overflows to Infinity
  const lockMs = Math.min(1000 * 2 ** Math.min(failures - policy.free - 1, 30), policy.maxLockMs);
  const lockedUntil = new Date(now.getTime() + lockMs);
  // a lock never shortens one already running
  return {
    failures,
    firstFailAt,
    lockedUntil: state?.lockedUntil && state.lockedUntil > lockedUntil ? state.lockedUntil : lockedUntil,
  };
}
