import { describe, expect, it } from "vitest";
import {
  DIGEST_ITEMS_PER_OPENING,
  overdueByOpening,
  scorecardReminderSkip,
  type OverdueRow,
  type ReminderInterview,
} from "./reminder-send";

// Ends Friday 4 December 2026 at 15:00 UTC: reminder 0 is current from 16:00 until Monday 09:00.
const interview = (change: Partial<ReminderInterview> = {}): ReminderInterview => ({
  status: "scheduled",
  scheduledAt: new Date("2026-12-04T14:00:00Z"),
  durationMinutes: 60,
  interviewerId: "u1",
  scorecard: null,
  candidate: { erasedAt: null, opening: { status: "open" } },
  interviewer: { active: true, remindersPaused: false, timeZone: "UTC" },
  ...change,
});
const saturday = new Date("2026-12-05T12:00:00Z");
const skip = (i: ReminderInterview, n = 0, now = saturday) => scorecardReminderSkip(i, "u1", n, now, 2);

describe("scorecardReminderSkip", () => {
  it("sends the current reminder of an owed scorecard", () => {
    expect(skip(interview())).toBeNull();
    expect(skip(interview({ scorecard: { status: "draft" } }))).toBeNull();
  });

  it("says why a reminder is no longer wanted", () => {
    const active = interview().interviewer;
    expect(skip(interview({ status: "cancelled" }))).toBe("interview cancelled");
    expect(skip(interview({ scorecard: { status: "submitted" } }))).toBe("scorecard submitted");
    expect(skip(interview({ interviewerId: "u2" }))).toBe("interviewer changed");
    expect(skip(interview({ interviewer: { ...active, active: false } }))).toBe("user deactivated");
    expect(skip(interview({ interviewer: { ...active, remindersPaused: true } }))).toBe("reminders paused");
    expect(skip(interview({ candidate: { erasedAt: saturday, opening: { status: "open" } } }))).toBe(
      "candidate erased",
    );
    expect(skip(interview({ candidate: { erasedAt: null, opening: { status: "closed" } } }))).toBe("opening closed");
  });

  it("skips a reminder that is no longer the current one", () => {
    expect(skip(interview(), 1)).toBe("out of date: not the current reminder");
    expect(skip(interview(), 0, new Date("2026-12-07T10:00:00Z"))).toBe("out of date: not the current reminder");
    expect(skip(interview(), 1, new Date("2026-12-07T10:00:00Z"))).toBeNull();
  });
});

describe("overdueByOpening", () => {
  const now = new Date("2026-12-10T12:00:00Z");
  const row = (openingId: string, candidateId: string, scheduledAt = "2026-12-08T10:00:00Z"): OverdueRow => ({
    openingId,
    openingTitle: `Opening ${openingId}`,
    candidateId,
    candidateName: `Candidate ${candidateId}`,
    interviewerName: "Ada",
    scheduledAt: new Date(scheduledAt),
    durationMinutes: 60,
  });

  it("groups the overdue rows by opening in the order given, with when each interview ended", () => {
    const openings = overdueByOpening([row("o2", "c1"), row("o1", "c2"), row("o2", "c3")], now);
    expect(openings.map((o) => [o.id, o.title, o.total, o.items.map((i) => i.candidateId)])).toEqual([
      ["o2", "Opening o2", 2, ["c1", "c3"]],
      ["o1", "Opening o1", 1, ["c2"]],
    ]);
    expect(openings[0].items[0].endsAt.toISOString()).toBe("2026-12-08T11:00:00.000Z");
  });

  it("leaves out what is not overdue yet: a day after the interview ended", () => {
    expect(overdueByOpening([row("o1", "c1", "2026-12-09T11:30:00Z")], now)).toEqual([]);
    expect(overdueByOpening([row("o1", "c1", "2026-12-09T10:59:00Z")], now)).toHaveLength(1);
  });

  it("lists at most DIGEST_ITEMS_PER_OPENING per opening and counts the rest", () => {
    const rows = Array.from({ length: DIGEST_ITEMS_PER_OPENING + 3 }, (_, i) => row("o1", `c${i}`));
    const [o] = overdueByOpening(rows, now);
    expect(o.items).toHaveLength(DIGEST_ITEMS_PER_OPENING);
    expect(o.total).toBe(DIGEST_ITEMS_PER_OPENING + 3);
  });
});
