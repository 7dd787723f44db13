import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  assignInterviewers,
  DEFAULT_INTERVIEW_MINUTES,
  describeCoverage,
  doubleBooked,
  exerciseMinutes,
  loopCoverage,
  standardLoop,
  standardLoopOrder,
  standardLoopTimes,
} from "./loop-plan";

const dims = [
  { id: "a", name: "Architecture", weight: 50 },
  { id: "b", name: "Build", weight: 35 },
  { id: "c", name: "Communication", weight: 15 },
];

describe("loop planning", () => {
  it("coverage by weight, naming what is not covered", () => {
    const c = loopCoverage(dims, [
      { interviewerId: "u1", focusDimensionIds: ["a"] },
      { interviewerId: "u2", focusDimensionIds: ["b", "a"] },
    ]);
    expect(c.coverage).toBeCloseTo(0.85, 12);
    expect(describeCoverage(c)).toBe("This loop covers 85% of the weight; Communication is not covered.");
    expect(describeCoverage(loopCoverage(dims, [{ interviewerId: "u1", focusDimensionIds: ["a"] }]))).toBe(
      "This loop covers 50% of the weight; Build and Communication are not covered.",
    );
    expect(describeCoverage(loopCoverage(dims, []))).toBe("This loop covers none of the role's dimensions yet.");
    expect(describeCoverage(loopCoverage(dims, [{ interviewerId: "u", focusDimensionIds: ["a", "b", "c"] }]))).toBe(
      "This loop covers 100% of the weight: every dimension is a focus of some interview.",
    );
  });
  it("cancelled interviews neither cover nor double-book", () => {
    const plan = [
      { interviewerId: "u1", focusDimensionIds: ["c"], status: "cancelled" },
      { interviewerId: "u1", focusDimensionIds: ["a"] },
    ];
    expect(loopCoverage(dims, plan).uncovered.map((d) => d.id)).toEqual(["b", "c"]);
    expect(doubleBooked(plan)).toEqual([]);
  });
  it("flags an interviewer booked twice for one candidate", () => {
    expect(
      doubleBooked([
        { interviewerId: "u1", focusDimensionIds: [] },
        { interviewerId: "u2", focusDimensionIds: [] },
        { interviewerId: "u1", focusDimensionIds: [] },
      ]),
    ).toEqual(["u1"]);
  });
  it("the standard loop is one interview per exercise with its dimensions as focus", () => {
    expect(
      standardLoop([
        { id: "e1", title: "Design", dimensionIds: ["a", "b"] },
        { id: "e2", title: "Talk", dimensionIds: ["c"] },
      ]),
    ).toEqual([
      { exerciseId: "e1", title: "Design", focusDimensionIds: ["a", "b"] },
      { exerciseId: "e2", title: "Talk", focusDimensionIds: ["c"] },
    ]);
  });
});

describe("the standard loop's lengths, order and times", () => {
  it("reads each exercise's length from its text: the upper bound of a range, an hour when none", () => {
    expect(exerciseMinutes("30 minutes")).toBe(30);
    expect(exerciseMinutes("60–90 minutes")).toBe(90);
    expect(exerciseMinutes("45-60 minutes")).toBe(60);
    expect(exerciseMinutes("1.5 hours")).toBe(90);
    expect(exerciseMinutes("1–2 hours")).toBe(120);
    expect(exerciseMinutes("90 min")).toBe(90);
    expect(exerciseMinutes("take-home or live")).toBe(DEFAULT_INTERVIEW_MINUTES);
    expect(exerciseMinutes(null)).toBe(60);
    expect(exerciseMinutes("5 minutes")).toBe(15); // never shorter than an interview may be
    expect(exerciseMinutes("12 hours")).toBe(480);
  });

  it("every seeded exercise's duration text gives the length its words say", () => {
    const expected: Record<string, number> = {
      "30 minutes": 30,
      "45 minutes": 45,
      "45–60 minutes": 60,
      "60–90 minutes": 90,
      "90 minutes": 90,
      "short written exercise": 60,
      "take-home or live": 60,
      "time-boxed": 60,
    };
    const dir = path.resolve(import.meta.dirname, "../../seed/roles");
    const seen = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const role = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
        exercises: { duration: string | null }[];
      };
      for (const e of role.exercises) {
        if (e.duration === null) {
          expect(exerciseMinutes(e.duration)).toBe(60);
          continue;
        }
        seen.add(e.duration);
        expect(expected[e.duration], `a new duration text in ${file}: "${e.duration}"`).toBeDefined();
        expect(exerciseMinutes(e.duration), e.duration).toBe(expected[e.duration]);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(expected).sort());
  });

  it("times: one after another, each as long as its exercise, with a 15-minute break", () => {
    const start = new Date("2026-12-07T09:00:00Z");
    const t = standardLoopTimes(start, ["60–90 minutes", "30 minutes", null]);
    expect(t.map((s) => [s.scheduledAt.toISOString(), s.durationMinutes])).toEqual([
      ["2026-12-07T09:00:00.000Z", 90],
      ["2026-12-07T10:45:00.000Z", 30],
      ["2026-12-07T11:30:00.000Z", 60],
    ]);
  });

  it("order: never another opening's hiring manager unless pooled; then new to the loop, pool, fewest upcoming", () => {
    const p = (id: string, o: Partial<Parameters<typeof standardLoopOrder>[0][number]> = {}) => ({
      id,
      inPool: false,
      managesOtherOpening: false,
      alreadyOnLoop: false,
      upcoming: 0,
      ...o,
    });
    const order = standardLoopOrder([
      p("a", { upcoming: 0 }),
      p("hm-elsewhere", { managesOtherOpening: true }),
      p("pooled", { inPool: true, upcoming: 5 }),
      p("pooled-hm", { inPool: true, managesOtherOpening: true, upcoming: 6 }),
      p("b", { upcoming: 1 }),
      p("here", { alreadyOnLoop: true, inPool: true }),
    ]).map((x) => x.id);
    expect(order).toEqual(["pooled", "pooled-hm", "a", "b", "here"]);
  });
});

describe("who runs each slot", () => {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
  const slots = [
    { scheduledAt: at(9), durationMinutes: 60 },
    { scheduledAt: at(10), durationMinutes: 60 },
    { scheduledAt: at(11), durationMinutes: 60 },
  ];
  const people = [{ id: "pool1" }, { id: "pool2" }, { id: "other" }];
  it("in order, each once, skipping anyone booked elsewhere at that time", () => {
    const busy = new Map([["pool1", [{ scheduledAt: at(9), durationMinutes: 30 }]]]);
    expect(assignInterviewers(people, slots, busy).map((p) => p.id)).toEqual(["pool2", "pool1", "other"]);
    expect(assignInterviewers(people, slots, new Map()).map((p) => p.id)).toEqual(["pool1", "pool2", "other"]);
  });
  it("fewer people than slots: someone free is repeated; nobody free, the rotation", () => {
    const two = people.slice(0, 2);
    expect(assignInterviewers(two, slots, new Map()).map((p) => p.id)).toEqual(["pool1", "pool2", "pool1"]);
    const allBusy = new Map(two.map((p) => [p.id, [{ scheduledAt: at(8), durationMinutes: 480 }]]));
    expect(assignInterviewers(two, slots, allBusy).map((p) => p.id)).toEqual(["pool1", "pool2", "pool1"]);
  });
});
