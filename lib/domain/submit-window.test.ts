import { describe, expect, it } from "vitest";
import { canSubmitYet, SUBMIT_GRACE_MS, submitOpensAt } from "./submit-window";

describe("submit window", () => {
  const start = new Date("2026-12-01T14:00:00Z");
  it("opens a short grace before the planned start", () => {
    expect(submitOpensAt(start).getTime()).toBe(start.getTime() - SUBMIT_GRACE_MS);
    expect(SUBMIT_GRACE_MS).toBe(5 * 60_000);
  });
  it("refuses before the grace, allows from it on", () => {
    expect(canSubmitYet(start, new Date("2026-11-30T14:00:00Z"))).toBe(false);
    expect(canSubmitYet(start, new Date(start.getTime() - SUBMIT_GRACE_MS - 1))).toBe(false);
    expect(canSubmitYet(start, new Date(start.getTime() - SUBMIT_GRACE_MS))).toBe(true);
    expect(canSubmitYet(start, start)).toBe(true);
    expect(canSubmitYet(start, new Date("2026-12-02T09:00:00Z"))).toBe(true);
  });
});
