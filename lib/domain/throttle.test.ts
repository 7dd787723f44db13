import { describe, expect, it } from "vitest";
import { afterFailure, FREE_FAILURES, isLocked, MAX_LOCK_MS, WINDOW_MS, type ThrottleState } from "./throttle";

const t0 = new Date("2026-11-22T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, from: ThrottleState | null = null, now = t0) {
  let s = from;
  for (let i = 0; i < times; i++) s = afterFailure(s, now);
  return s!;
}

describe("sign-in throttle", () => {
  it("lets the first five failures through without a lock", () => {
    const s = fail(FREE_FAILURES);
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
    expect(fail(40).lockedUntil).toEqual(at(MAX_LOCK_MS));
  });
  it("starts counting again once the window has passed", () => {
    const old = fail(8);
    const next = afterFailure(old, at(WINDOW_MS + 1));
    expect(next).toEqual({ failures: 1, firstFailAt: at(WINDOW_MS + 1), lockedUntil: null });
  });
});
