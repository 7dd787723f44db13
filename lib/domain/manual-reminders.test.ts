import { describe, expect, it } from "vitest";
import {
  manualReminderMail,
  manualReminderKey,
  REMIND_INTERVAL_MS,
  remindRefusal,
  type RemindableInterview,
} from "./manual-reminders";
import { parseReminderKey } from "./reminders";

const now = new Date("2026-12-07T15:00:00Z");
const base: RemindableInterview = {
  status: "scheduled",
  scheduledAt: new Date("2026-12-05T10:00:00Z"),
  scorecard: null,
  candidate: { erasedAt: null, opening: { status: "open" } },
  interviewer: { name: "Sam Patel", active: true, remindersPaused: false },
  lastRemindedAt: null,
};
const when = (d: Date) => d.toISOString();

describe("Remind", () => {
  it("an owed scorecard may be chased; once reminded, not again for 12 hours, saying from when", () => {
    expect(remindRefusal(base, now, when)).toBeNull();
    expect(remindRefusal({ ...base, scorecard: { status: "draft" } }, now, when)).toBeNull();
    const last = new Date(now.getTime() - 2 * 3_600_000);
    expect(remindRefusal({ ...base, lastRemindedAt: last }, now, when)).toBe(
      "Sam Patel was reminded 2026-12-07T13:00:00.000Z; you can remind again from 2026-12-08T01:00:00.000Z.",
    );
    const longAgo = new Date(now.getTime() - REMIND_INTERVAL_MS);
    expect(remindRefusal({ ...base, lastRemindedAt: longAgo }, now, when)).toBeNull();
    expect(remindRefusal({ ...base, lastRemindedAt: new Date(longAgo.getTime() + 1) }, now, when)).toMatch(
      /again from/,
    );
  });

  it("nothing to chase: cancelled, submitted, not yet held, erased, closed, deactivated, paused", () => {
    expect(remindRefusal({ ...base, status: "cancelled" }, now, when)).toMatch(/cancelled/);
    expect(remindRefusal({ ...base, scorecard: { status: "submitted" } }, now, when)).toMatch(/already submitted/);
    expect(remindRefusal({ ...base, scheduledAt: new Date(now.getTime() + 60_000) }, now, when)).toMatch(
      /not taken place/,
    );
    expect(remindRefusal({ ...base, candidate: { erasedAt: now, opening: { status: "open" } } }, now, when)).toMatch(
      /erased/,
    );
    expect(remindRefusal({ ...base, candidate: { erasedAt: null, opening: { status: "closed" } } }, now, when)).toMatch(
      /closed/,
    );
    expect(remindRefusal({ ...base, interviewer: { ...base.interviewer, active: false } }, now, when)).toMatch(
      /deactivated/,
    );
    expect(remindRefusal({ ...base, interviewer: { ...base.interviewer, remindersPaused: true } }, now, when)).toMatch(
      /paused/,
    );
  });

  it("keys are the worker's: kind manual, the interview, the instant", () => {
    const key = manualReminderKey("int1", now);
    expect(key).toBe(`manual:int1:${now.getTime()}`);
    expect(parseReminderKey(key)).toEqual({ kind: "manual", interviewId: "int1" });
  });

  it("the e-mail names who asks, the candidate, the opening and the link, escaped in HTML", () => {
    const m = manualReminderMail({
      baseUrl: "https://scorecards.example",
      interviewId: "int1",
      interviewerName: "Sam Patel",
      requestedByName: "Casey <Morgan>",
      candidateName: "Elena Petrova",
      openingTitle: "Lead AI Platform Engineer",
      exerciseTitle: "Architecture case study",
      scheduledAt: new Date("2026-12-05T10:00:00Z"),
      timeZone: "Europe/Berlin",
    });
    expect(m.subject).toBe("Casey <Morgan> asks for your scorecard: Elena Petrova — Lead AI Platform Engineer");
    expect(m.text).toContain("https://scorecards.example/interviews/int1");
    expect(m.text).toContain("Sat 5 Dec 2026, 11:00 (Europe/Berlin)");
    expect(m.html).toContain("Casey &lt;Morgan&gt;");
  });
});
