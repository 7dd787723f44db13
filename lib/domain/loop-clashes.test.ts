import { describe, expect, it } from "vitest";
import {
  clashVisibility,
  describeClash,
  findClashes,
  loopClashes,
  overlaps,
  type BookedInterview,
} from "./loop-clashes";

const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00Z`);
const booked = (o: Partial<BookedInterview> & { id: string }): BookedInterview => ({
  interviewerId: "sam",
  interviewerName: "Sam Patel",
  scheduledAt: at("10:00"),
  durationMinutes: 60,
  candidateId: "elena",
  candidateName: "Elena Petrova",
  openingId: "lead",
  openingTitle: "Lead AI Platform Engineer",
  erased: false,
  ...o,
});

describe("loop time clashes", () => {
  it("overlap: each starts before the other ends; back to back is no clash", () => {
    const a = { interviewerId: "x", scheduledAt: at("10:00"), durationMinutes: 60 };
    expect(overlaps(a, { ...a, scheduledAt: at("10:59") })).toBe(true);
    expect(overlaps(a, { ...a, scheduledAt: at("09:30") })).toBe(true);
    expect(overlaps(a, { ...a, scheduledAt: at("11:00") })).toBe(false);
    expect(overlaps(a, { ...a, scheduledAt: at("09:00") })).toBe(false);
  });

  it("finds the candidate's other interview and the interviewer booked elsewhere, across openings", () => {
    const all = [
      booked({
        id: "same-candidate",
        interviewerId: "riley",
        interviewerName: "Riley Novak",
        scheduledAt: at("10:30"),
      }),
      booked({
        id: "elsewhere",
        candidateId: "marcus",
        candidateName: "Marcus Lee",
        openingId: "sre",
        openingTitle: "SRE",
        scheduledAt: at("09:30"),
      }),
      booked({ id: "other-person-other-candidate", interviewerId: "jamie", candidateId: "marcus" }),
      booked({ id: "later", candidateId: "marcus", scheduledAt: at("11:00") }),
    ];
    const c = findClashes(
      { interviewerId: "sam", scheduledAt: at("10:00"), durationMinutes: 60 },
      "elena",
      all,
      () => true,
    );
    expect(c.map((x) => [x.interviewId, x.kind])).toEqual([
      ["elsewhere", "interviewer"],
      ["same-candidate", "candidate"],
    ]);
    expect(describeClash(c[0], "Mon 09:30")).toBe("Sam Patel is booked Mon 09:30 with Marcus Lee (SRE).");
    expect(describeClash(c[1], "Mon 10:30")).toBe("The candidate already has an interview Mon 10:30 with Riley Novak.");
  });

  it("a booking on a candidate the viewer may not see is only 'busy', without candidate or opening", () => {
    const all = [booked({ id: "hidden", candidateId: "marcus", candidateName: "Marcus Lee", openingId: "sre" })];
    const visible = clashVisibility("managed", new Set(["lead"]));
    const [c] = findClashes(
      { interviewerId: "sam", scheduledAt: at("10:15"), durationMinutes: 30 },
      "elena",
      all,
      visible,
    );
    expect(c.candidate).toBeNull();
    expect(describeClash(c, "Mon 10:00")).toBe("Sam Patel is busy Mon 10:00.");
    expect(JSON.stringify(c)).not.toContain("Marcus");
    expect(clashVisibility("all", new Set())({ openingId: "sre" })).toBe(true);
    expect(clashVisibility("none", new Set(["sre"]))({ openingId: "sre" })).toBe(false);
  });

  it("a loop's own interviews: each one's clashes, never itself", () => {
    const loop = [
      { id: "i1", interviewerId: "sam", scheduledAt: at("10:00"), durationMinutes: 60 },
      { id: "i2", interviewerId: "riley", scheduledAt: at("10:30"), durationMinutes: 60 },
      { id: "i3", interviewerId: "jamie", scheduledAt: at("12:00"), durationMinutes: 60 },
    ];
    const all = loop.map((i) => booked({ ...i, interviewerName: i.interviewerId }));
    const m = loopClashes(loop, "elena", all, () => true);
    expect([...m.keys()]).toEqual(["i1", "i2"]);
    expect(m.get("i1")!.map((c) => c.interviewId)).toEqual(["i2"]);
  });
});
