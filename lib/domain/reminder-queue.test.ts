import { describe, expect, it } from "vitest";
import { MISSED_REMINDER, scorecardRemindersToQueue, type OwedInterview } from "./reminder-queue";

// An interview ending Friday 4 December 2026 at 15:00 UTC, two follow-up days: reminders due at
// 16:00 that day, then 09:00 on Monday 7 and Tuesday 8 December; the schedule ends Wednesday 09:00.
const owed = (created = 0): OwedInterview => ({
  id: "i1",
  interviewerId: "u1",
  scheduledAt: new Date("2026-12-04T14:00:00Z"),
  durationMinutes: 60,
  timeZone: "UTC",
  created,
});
const queue = (now: string, created = 0) => scorecardRemindersToQueue([owed(created)], new Date(now), 2);
const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe("scorecardRemindersToQueue", () => {
  it("queues nothing before the first reminder is due", () => {
    expect(queue("2026-12-04T15:30:00Z")).toEqual({ pending: [], missed: [] });
  });

  it("queues the current reminder, due when the schedule says", () => {
    const { pending, missed } = queue("2026-12-04T17:00:00Z");
    expect(missed).toEqual([]);
    expect(pending).toEqual([
      {
        key: "scorecard:i1:0",
        kind: "scorecard",
        userId: "u1",
        interviewId: "i1",
        dueAt: new Date("2026-12-04T16:00:00Z"),
        lastError: null,
      },
    ]);
  });

  it("records the reminders a stopped worker never created as missed, and queues only the current one", () => {
    const { pending, missed } = queue("2026-12-08T10:00:00Z");
    expect(keys(pending)).toEqual(["scorecard:i1:2"]);
    expect(pending[0].dueAt.toISOString()).toBe("2026-12-08T09:00:00.000Z");
    expect(keys(missed)).toEqual(["scorecard:i1:0", "scorecard:i1:1"]);
    expect(missed.every((m) => m.lastError === MISSED_REMINDER)).toBe(true);
  });

  it("creates no row twice: the rows already created are left out", () => {
    expect(keys(queue("2026-12-08T10:00:00Z", 2).pending)).toEqual(["scorecard:i1:2"]);
    expect(queue("2026-12-08T10:00:00Z", 2).missed).toEqual([]);
    expect(queue("2026-12-08T10:00:00Z", 3)).toEqual({ pending: [], missed: [] });
  });

  it("queues nothing once the schedule is over", () => {
    expect(queue("2026-12-09T10:00:00Z")).toEqual({ pending: [], missed: [] });
  });
});
