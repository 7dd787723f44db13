import { describe, expect, it } from "vitest";
import { describeCoverage, doubleBooked, loopCoverage, standardLoop } from "./loop-plan";

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
