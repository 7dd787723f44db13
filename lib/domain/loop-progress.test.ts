import { describe, expect, it } from "vitest";
import { loopProgress, type LoopInterview } from "./loop-progress";

const now = new Date("2026-11-20T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const iv = (
  id: string,
  scheduledAt: Date,
  scorecard: LoopInterview["scorecard"],
  status = "scheduled",
): LoopInterview => ({ id, scheduledAt, durationMinutes: 60, status, scorecard });

describe("loopProgress", () => {
  it("sorts the loop by time and says what is in, owed (overdue marked) and to come", () => {
    const p = loopProgress(
      [
        iv("future", hoursAgo(-48), null),
        iv("done", hoursAgo(72), { status: "submitted", submittedAt: hoursAgo(70) }),
        iv("overdue-draft", hoursAgo(30), { status: "draft", submittedAt: null }),
        iv("recent", hoursAgo(3), null),
        iv("cancelled", hoursAgo(100), null, "cancelled"),
      ],
      now,
    );
    expect(p.items.map((i) => [i.id, i.state, i.overdue, i.hasDraft])).toEqual([
      ["done", "submitted", false, false],
      ["overdue-draft", "owed", true, true],
      ["recent", "owed", false, false],
      ["future", "upcoming", false, false],
    ]);
    expect(p).toMatchObject({ planned: 4, submitted: 1, missing: 2, overdue: 1, upcoming: 1 });
  });

  it("overdue starts 24 hours after the interview ended, not after it started", () => {
    // started 24.5 h ago, ended 23.5 h ago → not yet overdue
    expect(loopProgress([iv("a", hoursAgo(24.5), null)], now).overdue).toBe(0);
    expect(loopProgress([iv("a", hoursAgo(25.5), null)], now).overdue).toBe(1);
  });

  it("an empty loop", () => {
    expect(loopProgress([], now)).toMatchObject({ planned: 0, submitted: 0, missing: 0, overdue: 0, upcoming: 0 });
  });
});
