// Every invite and feed is read back with ical.js, an independent parser (not the generator).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { feedSecretOf, interviewFeed, interviewInvite, interviewUid, organizerOf, type InviteInput } from "./calendar";

const base: InviteInput = {
  method: "REQUEST",
  sequence: 0,
  baseUrl: "https://scorecards.example.com",
  interviewId: "cint123",
  candidateName: "Elena Marsh",
  openingTitle: "Staff Engineer",
  exerciseTitle: "System design",
  scheduledAt: new Date("2026-12-10T14:00:00Z"),
  durationMinutes: 60,
  timeZone: "Europe/Berlin",
  interviewer: { name: "Ines Park", email: "ines@example.com" },
  organizer: { name: "Interview Scorecards", email: "scorecards@example.com" },
  now: new Date("2026-12-04T09:00:00Z"),
};

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevents = cal.getAllSubcomponents("vevent");
  // VTIMEZONE blocks registered so that TZID times convert to real instants
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return { cal, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}
const tzid = (v: ICAL.Component, prop = "dtstart") => v.getFirstProperty(prop)?.getParameter("tzid");

describe("calendar invites", () => {
  it("a REQUEST carries a stable UID, the sequence, the interviewer's zone and the links", () => {
    const invite = interviewInvite(base);
    const { cal, vevents, events } = parse(invite.ics);
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e.uid).toBe("interview-cint123@scorecards.example.com");
    expect(e.sequence).toBe(0);
    expect(tzid(vevents[0])).toBe("Europe/Berlin");
    expect(tzid(vevents[0], "dtend")).toBe("Europe/Berlin");
    expect(e.startDate.toJSDate().toISOString()).toBe("2026-12-10T14:00:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2026-12-10T15:00:00.000Z");
    // 15:00 on the wall clock in Berlin (UTC+1 in December)
    expect(e.startDate.hour).toBe(15);
    expect(cal.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Europe/Berlin"]);
    expect(e.summary).toBe("Interview: Elena Marsh — Staff Engineer");
    expect(e.description).toContain("Exercise: System design");
    expect(e.description).toContain("https://scorecards.example.com/interviews/cint123#kit-heading");
    expect(e.description).toContain("https://scorecards.example.com/interviews/cint123#scorecard-heading");
    expect(vevents[0].getFirstPropertyValue("url")).toBe(
      "https://scorecards.example.com/interviews/cint123#kit-heading",
    );
    expect(vevents[0].getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(String(vevents[0].getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:scorecards@example.com");
    expect(e.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(["mailto:ines@example.com"]);
    // DTSTAMP is UTC (RFC 5545 §3.8.7.2)
    expect(invite.ics).toMatch(/^DTSTAMP:20261204T090000Z\r$/m);
    expect(invite.subject).toBe("Interview: Elena Marsh — Staff Engineer, Thu 10 Dec 2026, 15:00 (Europe/Berlin)");
    expect(invite.text).toContain("Interview kit: https://scorecards.example.com/interviews/cint123#kit-heading");
  });

  it("a reschedule keeps the UID, raises the sequence and moves the times; DST is the zone's", () => {
    const first = parse(interviewInvite(base).ics).events[0];
    const moved = interviewInvite({ ...base, sequence: 1, scheduledAt: new Date("2027-04-01T08:30:00Z") });
    const { events, vevents } = parse(moved.ics);
    expect(events[0].uid).toBe(first.uid);
    expect(events[0].sequence).toBe(1);
    expect(events[0].startDate.toJSDate().toISOString()).toBe("2027-04-01T08:30:00.000Z");
    // summer time in Berlin: 10:30 on the wall clock
    expect(events[0].startDate.hour).toBe(10);
    expect(tzid(vevents[0])).toBe("Europe/Berlin");
    expect(moved.subject).toMatch(/^Updated: interview with Elena Marsh/);
  });

  it("another zone gives the same instant on another wall clock", () => {
    const { events, vevents } = parse(interviewInvite({ ...base, timeZone: "America/New_York" }).ics);
    expect(tzid(vevents[0])).toBe("America/New_York");
    expect(events[0].startDate.hour).toBe(9);
    expect(events[0].startDate.toJSDate().toISOString()).toBe("2026-12-10T14:00:00.000Z");
  });

  it("UTC, or a zone without a VTIMEZONE, is written in UTC", () => {
    for (const timeZone of ["UTC", "Mars/Olympus_Mons"]) {
      const { events, cal } = parse(interviewInvite({ ...base, timeZone }).ics);
      expect(events[0].startDate.toJSDate().toISOString()).toBe("2026-12-10T14:00:00.000Z");
      expect(events[0].startDate.zone?.tzid).toBe("UTC");
      expect(cal.getAllSubcomponents("vtimezone")).toHaveLength(0);
    }
  });

  it("a CANCEL has the same UID, a higher sequence and status CANCELLED, and no links", () => {
    const invite = interviewInvite({ ...base, method: "CANCEL", sequence: 2 });
    const { cal, vevents, events } = parse(invite.ics);
    expect(cal.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events[0].uid).toBe("interview-cint123@scorecards.example.com");
    expect(events[0].sequence).toBe(2);
    expect(vevents[0].getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(invite.subject).toBe("Cancelled: interview with Elena Marsh — Staff Engineer");
    expect(invite.text).not.toContain("/interviews/");
  });

  it("text with commas, semicolons and new lines survives the round trip", () => {
    const tricky = { ...base, candidateName: "Zoë; O'Brien, Jr.", exerciseTitle: "Design\nreview, part 2" };
    const { events } = parse(interviewInvite(tricky).ics);
    expect(events[0].summary).toBe("Interview: Zoë; O'Brien, Jr. — Staff Engineer");
    expect(events[0].description).toContain("Exercise: Design\nreview, part 2");
  });

  it("the UID's host is the base URL's, and stays put for a base URL the parser refuses", () => {
    expect(interviewUid("c1", "http://127.0.0.1:3000")).toBe("interview-c1@127.0.0.1");
    expect(interviewUid("c1", "not a url")).toBe("interview-c1@localhost");
  });
});

describe("the organizer", () => {
  it("is MAIL_FROM's name and address, or the address alone", () => {
    expect(organizerOf("Scorecards <scorecards@example.com>")).toEqual({
      name: "Scorecards",
      email: "scorecards@example.com",
    });
    expect(organizerOf('"Hiring, Inc." <hr@example.com>')).toEqual({ name: "Hiring, Inc.", email: "hr@example.com" });
    expect(organizerOf("hr@example.com")).toEqual({ name: "Interview Scorecards", email: "hr@example.com" });
    expect(organizerOf("<hr@example.com>")).toEqual({ name: "Interview Scorecards", email: "hr@example.com" });
  });
});

describe("the private feed", () => {
  it("publishes each interview with the invite's UID and sequence, in the person's zone", () => {
    const ics = interviewFeed(
      [
        { ...base, sequence: 3 },
        {
          ...base,
          interviewId: "cint456",
          scheduledAt: new Date("2026-12-11T09:00:00Z"),
          sequence: 0,
          exerciseTitle: null,
        },
      ],
      base.now,
      "Asia/Tokyo",
    );
    const { cal, events, vevents } = parse(ics);
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events.map((e) => [e.uid, e.sequence])).toEqual([
      ["interview-cint123@scorecards.example.com", 3],
      ["interview-cint456@scorecards.example.com", 0],
    ]);
    expect(vevents.map((v) => tzid(v))).toEqual(["Asia/Tokyo", "Asia/Tokyo"]);
    expect(events[1].startDate.hour).toBe(18);
    expect(events[1].description).not.toContain("Exercise:");
    // a feed names no attendees
    expect(events.flatMap((e) => e.attendees)).toHaveLength(0);
  });

  it("an empty feed is still a calendar", () => {
    const { cal, events } = parse(interviewFeed([], base.now, "UTC"));
    expect(cal.name).toBe("vcalendar");
    expect(events).toHaveLength(0);
  });

  it("takes only a well-formed secret file name", () => {
    const secret = "a".repeat(43);
    expect(feedSecretOf(`${secret}.ics`)).toBe(secret);
    expect(feedSecretOf(`${secret}.ical`)).toBeNull();
    expect(feedSecretOf(`${secret}x.ics`)).toBeNull();
    expect(feedSecretOf("../x.ics")).toBeNull();
  });
});
