import { describe, expect, it } from "vitest";
import { digestMail, formatOverdue, formatWhen, scorecardReminderMail } from "./reminder-mail";

const base = "https://scorecards.example.com";
const reminder = {
  baseUrl: base,
  interviewId: "int1",
  interviewerName: "Sam Patel",
  candidateName: "Nadia <b>Hassan</b>",
  openingTitle: "Lead AI Platform Engineer",
  exerciseTitle: "System design",
  scheduledAt: new Date("2026-12-04T19:00:00Z"),
  timeZone: "America/New_York",
  n: 0,
  followUpDays: 3,
};

describe("reminder e-mail words", () => {
  it("formats times in the recipient's zone, the same way on every ICU", () => {
    expect(formatWhen(new Date("2026-12-04T19:00:00Z"), "America/New_York")).toBe("Fri 4 Dec 2026, 14:00");
    expect(formatWhen(new Date("2026-12-04T19:00:00Z"), "Asia/Kolkata")).toBe("Sat 5 Dec 2026, 00:30");
  });

  it("counts overdue from a day after the interview ended: hours first, then days", () => {
    const end = new Date("2026-12-01T10:00:00Z");
    expect(formatOverdue(end, new Date("2026-12-02T09:00:00Z"))).toBe("0 hours");
    expect(formatOverdue(end, new Date("2026-12-02T11:00:00Z"))).toBe("1 hour");
    expect(formatOverdue(end, new Date("2026-12-04T09:00:00Z"))).toBe("47 hours");
    expect(formatOverdue(end, new Date("2026-12-04T10:00:00Z"))).toBe("2 days");
  });

  it("the first reminder and the last: subject, link, what is still to come; HTML escaped", () => {
    const first = scorecardReminderMail(reminder);
    expect(first.subject).toBe("Scorecard due: Nadia <b>Hassan</b> — Lead AI Platform Engineer");
    expect(first.text).toContain(`Fill it in: ${base}/interviews/int1`);
    expect(first.text).toContain("on Fri 4 Dec 2026, 14:00 (America/New_York)");
    expect(first.text).toContain("(3 more at most)");
    expect(first.text).toContain(`${base}/settings`);
    expect(first.html).toContain("Nadia &lt;b&gt;Hassan&lt;/b&gt;");
    expect(first.html).not.toContain("<b>Hassan");
    const last = scorecardReminderMail({ ...reminder, n: 3 });
    expect(last.subject).toMatch(/^Reminder: your scorecard for/);
    expect(last.text).toContain("This is the last reminder for this interview.");
  });

  it("the digest: one section per opening in the order given, 'and N more' past the list", () => {
    const now = new Date("2026-12-07T09:00:00Z");
    const item = (name: string, ended: string) => ({
      candidateId: `c-${name}`,
      candidateName: name,
      interviewerName: "Jamie Chen",
      scheduledAt: new Date(new Date(ended).getTime() - 3600_000),
      endsAt: new Date(ended),
    });
    const d = digestMail({
      baseUrl: base,
      recruiterName: "Casey Morgan",
      timeZone: "UTC",
      now,
      openings: [
        { id: "o1", title: "Opening One", items: [item("Ann", "2026-12-03T10:00:00Z")], total: 1 },
        {
          id: "o2",
          title: "Opening Two",
          items: [item("Ben", "2026-12-05T10:00:00Z"), item("Cy", "2026-12-05T12:00:00Z")],
          total: 30,
        },
      ],
    });
    expect(d.subject).toBe("Overdue scorecards: 31 scorecards in 2 openings");
    expect(d.text).toContain(`Opening One (1 overdue scorecard): ${base}/openings/o1?missing=1`);
    expect(d.text).toContain("- Ann — interviewer Jamie Chen, interview Thu 3 Dec 2026, 09:00, overdue by 2 days");
    expect(d.text).toContain(`  ${base}/candidates/c-Ben`);
    expect(d.text).toContain("…and 28 more");
    expect(d.text.indexOf("Opening One")).toBeLessThan(d.text.indexOf("Opening Two"));
    expect(d.html).toContain(`<a href="${base}/candidates/c-Cy">Cy</a>`);
  });
});
