import { describe, expect, it } from "vitest";
import {
  type DebriefRecord,
  debriefMovement,
  debriefShift,
  formatMovement,
  revealOrderProblem,
  revealStep,
  suggestedRevealOrder,
} from "./debrief";

const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 9, m));

describe("suggestedRevealOrder", () => {
  const panel = [
    { interviewerId: "hm", submittedAt: at(1) },
    { interviewerId: "a", submittedAt: at(5) },
    { interviewerId: "senior", submittedAt: at(2) },
    { interviewerId: "b", submittedAt: at(3) },
  ];
  it("puts everyone else first by submission, then the seniors, then the hiring manager", () => {
    expect(suggestedRevealOrder(panel, { hiringManagerId: "hm", seniorIds: ["senior"] })).toEqual([
      "b",
      "a",
      "senior",
      "hm",
    ]);
  });
  it("without a senior or a manager on the panel it is the submission order", () => {
    expect(suggestedRevealOrder(panel, { hiringManagerId: "other", seniorIds: [] })).toEqual([
      "hm",
      "senior",
      "b",
      "a",
    ]);
  });
  it("lists someone with two interviews once, at their first submission", () => {
    const twice = [...panel, { interviewerId: "a", submittedAt: at(0) }];
    expect(suggestedRevealOrder(twice, { hiringManagerId: "hm", seniorIds: [] })).toEqual(["a", "senior", "b", "hm"]);
  });
});

describe("revealOrderProblem", () => {
  it("accepts the panel in any order and refuses repeats, strangers and gaps", () => {
    expect(revealOrderProblem(["b", "a"], ["a", "b"])).toBeNull();
    expect(revealOrderProblem(["a", "a"], ["a", "b"])).toMatch(/only once/);
    expect(revealOrderProblem(["a", "x"], ["a", "b"])).toMatch(/not on this panel/);
    expect(revealOrderProblem(["a"], ["a", "b"])).toMatch(/every interviewer/);
  });
});

describe("revealStep", () => {
  const order = ["a", "b", "c"];
  it("shows one at a time, never none, and says who is next", () => {
    expect(revealStep(order, "one", null)).toEqual({ visible: ["a"], next: "b", shown: 1, complete: false });
    expect(revealStep(order, "one", 0).shown).toBe(1);
    expect(revealStep(order, "one", 2)).toEqual({ visible: ["a", "b"], next: "c", shown: 2, complete: false });
    expect(revealStep(order, "one", 9)).toEqual({ visible: order, next: null, shown: 3, complete: true });
  });
  it("all at once shows everyone", () => {
    expect(revealStep(order, "all", 1).complete).toBe(true);
  });
});

describe("debriefShift", () => {
  const pre = { recommendation: "hire" as const, scoreText: "3.60" };
  const post = { recommendation: "lean-no-hire" as const, scoreText: "3.10" };
  it("says when the recommendation changed only after the debrief", () => {
    const s = debriefShift(pre, post, { amendments: 2, lateSubmissions: 0 });
    expect(s.changedOnlyAfter).toBe(true);
    expect(s.text).toBe(
      "Before the debrief the recommendation was Hire (3.60); it became Lean no hire (3.10) only after the debrief, through 2 post-debrief amendments.",
    );
  });
  it("names scorecards submitted after the debrief started", () => {
    expect(debriefShift(pre, post, { amendments: 1, lateSubmissions: 1 }).text).toMatch(
      /only after the debrief, through 1 post-debrief amendment and 1 scorecard submitted after it started\.$/,
    );
  });
  it("amendments that leave the band alone, and none at all", () => {
    expect(debriefShift(pre, { ...pre, scoreText: "3.50" }, { amendments: 1, lateSubmissions: 0 })).toMatchObject({
      changedOnlyAfter: false,
    });
    expect(debriefShift(pre, pre, { amendments: 0, lateSubmissions: 0 }).text).toBe(
      "Nothing was amended after the debrief started: Hire (3.60), as before.",
    );
  });
});

describe("debriefMovement (hand-computed)", () => {
  // one debrief: the hiring manager rated d1 5, d2 2; the senior rated d1 4, d2 2.
  // a: d1 2 → 4 (toward the senior mean 4.5 of {hm 5, senior 4}; toward the manager 5), d2 3 → 3 (no move)
  // b: d1 3 → 2 (away from both), d2 4 → 3 (toward the senior mean 2 and the manager 2)
  const debrief: DebriefRecord = {
    hiringManagerId: "hm",
    seniorIds: ["senior"],
    cards: [
      { interviewerId: "hm", pre: { d1: 5, d2: 2 }, post: { d1: 5, d2: 2 } },
      { interviewerId: "senior", pre: { d1: 4, d2: 2 }, post: { d1: 4, d2: 2 } },
      { interviewerId: "a", pre: { d1: 2, d2: 3 }, post: { d1: 4, d2: 3 } },
      { interviewerId: "b", pre: { d1: 3, d2: 4, d3: null }, post: { d1: 2, d2: 3, d3: 4 } },
    ],
  };
  const byId = new Map(debriefMovement([debrief]).map((m) => [m.interviewerId, m]));
  it("counts every rating through the debrief, moved or not", () => {
    const a = byId.get("a")!;
    expect(a).toMatchObject({ n: 2, moved: 1, meanShift: 1 });
    // shifts {2, 0}: sd = √2, half-width 1.96·√2/√2 = 1.96; the low end is kept at 0
    expect(a.low).toBe(0);
    expect(a.high).toBeCloseTo(2.96, 2);
    expect(a.towardSenior).toMatchObject({ agreed: 1, n: 1 });
    expect(a.towardManager).toMatchObject({ agreed: 1, n: 1 });
  });
  it("a rating that was not 1–5 before (Not assessed, unrated) is not a move", () => {
    const b = byId.get("b")!;
    expect(b).toMatchObject({ n: 2, moved: 2, meanShift: 1, low: 1, high: 1 });
    expect(b.towardSenior).toMatchObject({ agreed: 1, n: 2 });
    expect(b.towardManager).toMatchObject({ agreed: 1, n: 2 });
  });
  it("the senior and the manager are not measured against themselves", () => {
    expect(byId.get("hm")).toMatchObject({ n: 2, moved: 0, meanShift: 0 });
    expect(byId.get("hm")!.towardManager.n).toBe(0);
  });
  it("pools debriefs and says when there is too little to read", () => {
    expect(formatMovement(byId.get("a")!)).toBe("2 ratings through a debrief: too few to say (5 needed)");
    const five = debriefMovement(Array.from({ length: 3 }, () => debrief)).find((m) => m.interviewerId === "a")!;
    // shifts {2,0,2,0,2,0}: mean 1, sd = √(6/5), half 1.96·√1.2/√6 = 0.8765
    expect(five.n).toBe(6);
    expect(five.low).toBeCloseTo(0.1235, 3);
    expect(five.high).toBeCloseTo(1.8765, 3);
    expect(formatMovement(five)).toBe("1.00 points per rating (0.12–1.88), 3 of 6 changed");
  });
});
