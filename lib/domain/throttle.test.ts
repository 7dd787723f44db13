import { describe, expect, it } from "vitest";
import {
  ACCOUNT,
  ADDRESS,
  afterFailure,
  isLocked,
  isRefused,
  PAIR,
  recentFailures,
  throttleKeys,
  WINDOW_MS,
  type ThrottlePolicy,
  type ThrottleState,
} from "./throttle";

const t0 = new Date("2026-11-22T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, from: ThrottleState | null = null, now = t0, policy: ThrottlePolicy = PAIR) {
  let s = from;
  for (let i = 0; i < times; i++) s = afterFailure(s, now, policy);
  return s!;
}

describe("sign-in throttle", () => {
  it("lets the first five failures through without a lock", () => {
    const s = fail(PAIR.free);
    expect(s.failures).toBe(5);
    expect(isLocked(s, t0)).toBe(false);
  });
  it("locks after that, doubling: 1 s, 2 s, 4 s", () => {
    expect(fail(6).lockedUntil).toEqual(at(1000));
    expect(fail(7).lockedUntil).toEqual(at(2000));
    expect(fail(8).lockedUntil).toEqual(at(4000));
    expect(isLocked(fail(6), at(999))).toBe(true);
    expect(isLocked(fail(6), at(1000))).toBe(false);
  });
  it("never locks for more than 15 minutes", () => {
    expect(fail(40).lockedUntil).toEqual(at(PAIR.maxLockMs));
  });
  it("starts counting again once the window has passed", () => {
    const old = fail(8);
    const next = afterFailure(old, at(WINDOW_MS + 1));
    expect(next).toEqual({ failures: 1, firstFailAt: at(WINDOW_MS + 1), lockedUntil: null });
  });
  it("a huge count still gives a finite lock", () => {
    expect(fail(2000).lockedUntil).toEqual(at(PAIR.maxLockMs));
  });
});

describe("three counts, one verdict", () => {
  it("keys an attempt by account and address together, by account, and by address", () => {
    expect(throttleKeys("a@x.test", "10.0.0.1")).toEqual({
      pair: "pair:a@x.test|10.0.0.1",
      account: "account:a@x.test",
      address: "address:10.0.0.1",
    });
    expect(throttleKeys("a@x.test", null)).toEqual({
      pair: "pair:a@x.test|unknown",
      account: "account:a@x.test",
      address: null,
    });
  });

  it("an address spraying many accounts has more free failures; an account's slowdown is shorter at most", () => {
    expect(isLocked(fail(ADDRESS.free, null, t0, ADDRESS), t0)).toBe(false);
    expect(fail(ADDRESS.free + 1, null, t0, ADDRESS).lockedUntil).toEqual(at(1000));
    expect(fail(ACCOUNT.free + 1, null, t0, ACCOUNT).lockedUntil).toEqual(at(1000));
    expect(fail(ACCOUNT.free + 40, null, t0, ACCOUNT).lockedUntil).toEqual(at(ACCOUNT.maxLockMs));
    expect(ACCOUNT.maxLockMs).toBeLessThan(PAIR.maxLockMs);
  });

  it("a locked pair or address is refused, even before the password is checked", () => {
    expect(isRefused({ pair: fail(PAIR.free + 1) }, t0)).toBe(true);
    expect(isRefused({ address: fail(ADDRESS.free + 1, null, t0, ADDRESS) }, t0)).toBe(true);
    expect(isRefused({ pair: fail(PAIR.free + 1) }, at(1000))).toBe(false);
  });

  it("a locked account holds back only addresses that failed on it; a fresh address always gets its try", () => {
    const account = fail(ACCOUNT.free + 30, null, t0, ACCOUNT);
    expect(isRefused({ account, pair: null }, t0)).toBe(false);
    expect(isRefused({ account, pair: fail(1) }, t0)).toBe(true);
    // the address's own failure from before the window no longer makes it "failed here"
    expect(
      isRefused(
        { account: fail(ACCOUNT.free + 30, null, at(WINDOW_MS + 1), ACCOUNT), pair: fail(1) },
        at(WINDOW_MS + 1),
      ),
    ).toBe(false);
  });

  it("recent failures are those of the current window", () => {
    expect(recentFailures(fail(3), t0)).toBe(3);
    expect(recentFailures(fail(3), at(WINDOW_MS + 1))).toBe(0);
    expect(recentFailures(null, t0)).toBe(0);
  });
});
