import { describe, expect, it } from "vitest";
import { groupMyInterviews, isOverdue, openingAndRole, type InterviewRow } from "./my-interviews";

const now = new Date("2026-11-20T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const row = (id: string, at: Date, scorecard: InterviewRow["scorecard"] = null): InterviewRow => ({
  id,
  scheduledAt: at,
  durationMinutes: 60,
  scorecard,
});

describe("My interviews", () => {
  const rows = [
    row("future-late", hours(48)),
    row("past-draft", hours(-3), { status: "draft", submittedAt: null }),
    row("old", hours(-50)),
    row("future-soon", hours(2)),
    row("done-early", hours(-100), { status: "submitted", submittedAt: hours(-90) }),
    row("done-late", hours(-30), { status: "submitted", submittedAt: hours(-20) }),
  ];
  const g = groupMyInterviews(rows, now);

  it("puts interviews that took place without a submitted scorecard first, oldest first", () => {
    expect(g.toFill.map((r) => r.id)).toEqual(["old", "past-draft"]);
  });
  it("marks as overdue only those more than a day past the interview's end", () => {
    expect(g.toFill.map((r) => r.overdue)).toEqual([true, false]);
    expect(isOverdue(row("edge", hours(-25)), now)).toBe(false); // ended 24 h ago exactly
    expect(isOverdue(row("edge", hours(-25.01)), now)).toBe(true);
  });
  it("lists upcoming soonest first and submitted newest first", () => {
    expect(g.upcoming.map((r) => r.id)).toEqual(["future-soon", "future-late"]);
    expect(g.submitted.map((r) => r.id)).toEqual(["done-late", "done-early"]);
  });
});

describe("a row's subtitle", () => {
  it("names the role only when the opening's title does not already", () => {
    expect(openingAndRole("Lead AI Platform Engineer — ML Platform", "Lead AI Platform Engineer")).toBe(
      "Lead AI Platform Engineer — ML Platform",
    );
    expect(openingAndRole("lead ai platform engineer (Berlin)", "Lead AI Platform Engineer")).toBe(
      "lead ai platform engineer (Berlin)",
    );
    expect(openingAndRole("Platform hire 2027", "Lead AI Platform Engineer")).toBe(
      "Platform hire 2027 · Lead AI Platform Engineer",
    );
  });
});
