import { describe, expect, it } from "vitest";
import { isReminderDue, NOTICE_LINKS_MAX, scorecardNotice, timeSince, type OwedInterview } from "./notices";
import { FIRST_REMINDER_AFTER_MS } from "./reminders";

const now = new Date("2026-11-20T12:00:00Z");
const ms = (m: number) => new Date(now.getTime() + m);
/** an interview of `minutes` that ended `endedMsAgo` before now */
const iv = (id: string, endedMsAgo: number, over: Partial<OwedInterview> = {}, minutes = 60): OwedInterview => ({
  id,
  candidateName: `Candidate ${id}`,
  scheduledAt: ms(-endedMsAgo - minutes * 60_000),
  durationMinutes: minutes,
  status: "scheduled",
  scorecardStatus: null,
  candidateErased: false,
  openingClosed: false,
  ...over,
});
const HOUR = 3_600_000;
const notice = (interviews: OwedInterview[], opts: { paused?: boolean; moreDue?: number } = {}) =>
  scorecardNotice({ paused: opts.paused ?? false, now, interviews, moreDue: opts.moreDue });

describe("when an owed scorecard is due for a notice", () => {
  it("is due from exactly the first reminder's delay after the interview's end, not a millisecond before", () => {
    expect(FIRST_REMINDER_AFTER_MS).toBe(HOUR);
    expect(isReminderDue(iv("edge", FIRST_REMINDER_AFTER_MS), now)).toBe(true);
    expect(isReminderDue(iv("early", FIRST_REMINDER_AFTER_MS - 1), now)).toBe(false);
    expect(isReminderDue(iv("just-ended", 0), now)).toBe(false);
  });

  it("counts the end as start + duration: a long interview that began two hours ago is not due", () => {
    expect(isReminderDue(iv("long", -30 * 60_000, {}, 150), now)).toBe(false); // still running
    expect(isReminderDue({ ...iv("short", 0), scheduledAt: ms(-2 * HOUR), durationMinutes: 60 }, now)).toBe(true);
    expect(isReminderDue({ ...iv("long", 0), scheduledAt: ms(-2 * HOUR), durationMinutes: 61 }, now)).toBe(false);
  });

  it("is never due for a cancelled interview, a submitted scorecard, an erased candidate or a closed opening; a draft is still owed", () => {
    expect(isReminderDue(iv("c", 5 * HOUR, { status: "cancelled" }), now)).toBe(false);
    expect(isReminderDue(iv("s", 5 * HOUR, { scorecardStatus: "submitted" }), now)).toBe(false);
    expect(isReminderDue(iv("e", 5 * HOUR, { candidateErased: true }), now)).toBe(false);
    expect(isReminderDue(iv("o", 5 * HOUR, { openingClosed: true }), now)).toBe(false);
    expect(isReminderDue(iv("d", 5 * HOUR, { scorecardStatus: "draft" }), now)).toBe(true);
  });
});

describe("the notice", () => {
  it("says nothing when nothing is due, and nothing at all while reminders are paused", () => {
    expect(notice([])).toBeNull();
    expect(
      notice([
        iv("early", HOUR - 1),
        iv("c", 9 * HOUR, { status: "cancelled" }),
        iv("s", 9 * HOUR, { scorecardStatus: "submitted" }),
      ]),
    ).toBeNull();
    expect(notice([iv("a", 30 * HOUR), iv("b", 2 * HOUR)], { paused: true })).toBeNull();
  });

  it("names the one owed scorecard and how long ago its interview ended, with a link to it", () => {
    const n = notice([
      iv("a", 2 * HOUR, { candidateName: "Grace Liu", scorecardStatus: "draft" }),
      iv("x", 5 * HOUR, { scorecardStatus: "submitted" }),
    ])!;
    expect(n.count).toBe(1);
    expect(n.title).toBe("1 scorecard is waiting for you");
    expect(n.detail).toBe("Your scorecard for Grace Liu: the interview ended 2 hours ago.");
    expect(n.items).toEqual([
      {
        id: "a",
        href: "/interviews/a",
        candidateName: "Grace Liu",
        endedAgo: "2 hours",
        overdue: false,
        remindedBy: null,
      },
    ]);
  });

  it("says who pressed Remind about an owed scorecard, and how long ago", () => {
    const n = scorecardNotice({
      paused: false,
      now,
      interviews: [iv("a", 30 * HOUR, { candidateName: "Grace Liu" })],
      remindedBy: new Map([["a", { name: "Casey Morgan", at: new Date(now.getTime() - 3 * HOUR) }]]),
    })!;
    expect(n.items?.[0].remindedBy).toEqual({ name: "Casey Morgan", ago: "3 hours" });
  });

  it("lists a few, oldest first, marking the overdue ones (more than a day since the end)", () => {
    const n = notice([iv("new", HOUR), iv("old", 3 * 24 * HOUR), iv("day", 24 * HOUR + 1)])!;
    expect(n.title).toBe("3 scorecards are waiting for you");
    expect(n.detail).toBe("The oldest is for Candidate old: that interview ended 3 days ago.");
    expect(n.items!.map((i) => [i.id, i.overdue, i.endedAgo])).toEqual([
      ["old", true, "3 days"],
      ["day", true, "24 hours"],
      ["new", false, "1 hour"],
    ]);
  });

  it("points to My interviews instead of listing each when there are more than a few", () => {
    const many = Array.from({ length: NOTICE_LINKS_MAX + 1 }, (_, k) => iv(`i${k}`, (k + 2) * HOUR));
    const n = notice(many)!;
    expect(n.count).toBe(NOTICE_LINKS_MAX + 1);
    expect(n.items).toBeNull();
    expect(n.oldest.id).toBe(`i${NOTICE_LINKS_MAX}`);
    // due ones the data layer counted without fetching add to the count, not to the names
    const counted = notice([iv("a", 40 * HOUR)], { moreDue: 98 })!;
    expect(counted.title).toBe("99 scorecards are waiting for you");
    // a long backlog is not counted to the end: beyond 99 the notice says so
    expect(notice([iv("a", 40 * HOUR)], { moreDue: 99 })!.title).toBe("99+ scorecards are waiting for you");
    expect(counted.items).toBeNull();
    expect(counted.oldest.id).toBe("a");
  });
});

describe("timeSince", () => {
  it("reads in minutes, then hours up to two days, then days, rounded down", () => {
    expect(timeSince(0)).toBe("1 minute");
    expect(timeSince(59 * 60_000)).toBe("59 minutes");
    expect(timeSince(HOUR)).toBe("1 hour");
    expect(timeSince(24 * HOUR)).toBe("24 hours");
    expect(timeSince(48 * HOUR - 1)).toBe("47 hours");
    expect(timeSince(48 * HOUR)).toBe("2 days");
    expect(timeSince(71 * HOUR)).toBe("2 days");
  });
});
