import { describe, expect, it } from "vitest";
import { raterLeniency } from "./calibration";
import {
  adminConsensus,
  attemptDeviation,
  drillCandidateKey,
  drillObservations,
  drillSharedCounts,
  driftSeries,
  emergingConsensus,
  slope,
} from "./drills";

const attempts = [
  {
    raterId: "a",
    ratings: [
      { dimensionId: "d1", rating: 4 },
      { dimensionId: "d2", rating: null },
    ],
  },
  {
    raterId: "b",
    ratings: [
      { dimensionId: "d1", rating: 2 },
      { dimensionId: "d2", rating: 3 },
    ],
  },
  {
    raterId: "c",
    ratings: [
      { dimensionId: "d1", rating: 3 },
      { dimensionId: "d2", rating: 5 },
    ],
  },
  {
    raterId: "d",
    ratings: [
      { dimensionId: "d1", rating: 5 },
      { dimensionId: "d2", rating: 4 },
    ],
  },
];

describe("emergingConsensus", () => {
  it("is the mean of the other raters' ratings, leaving out one's own and Not assessed", () => {
    const forA = emergingConsensus(attempts, "a");
    // d1: (2 + 3 + 5) / 3 = 10/3 from 3 others; d2: (3 + 5 + 4) / 3 = 4
    expect(forA.get("d1")).toEqual({ value: 10 / 3, raters: 3, enough: true });
    expect(forA.get("d2")).toEqual({ value: 4, raters: 3, enough: true });
    const forB = emergingConsensus(attempts, "b");
    // d1: (4 + 3 + 5) / 3 = 4; d2: a is Not assessed, so (5 + 4) / 2 = 4.5 from 2 — not enough
    expect(forB.get("d1")).toEqual({ value: 4, raters: 3, enough: true });
    expect(forB.get("d2")).toEqual({ value: 4.5, raters: 2, enough: false });
  });
  it("has nothing without other raters", () => {
    expect(emergingConsensus(attempts.slice(0, 1), "a").size).toBe(0);
  });
});

describe("attemptDeviation", () => {
  it("takes own − consensus per dimension and averages over the enough ones", () => {
    const consensus = emergingConsensus(attempts, "b");
    const dev = attemptDeviation(["d1", "d2", "d3"], attempts[1].ratings, consensus);
    // d1: 2 − 4 = −2 (enough); d2: 3 − 4.5 = −1.5 (not enough: shown, not averaged); d3: no rating
    expect(dev.dimensions.map((d) => d.deviation)).toEqual([-2, -1.5, null]);
    expect(dev).toMatchObject({ n: 1, meanDeviation: -2, meanAbsDeviation: 2 });
  });
  it("against an admin consensus, with Not assessed left out", () => {
    const consensus = adminConsensus([
      { dimensionId: "d1", rating: 3 },
      { dimensionId: "d2", rating: 4 },
    ]);
    const a = attemptDeviation(["d1", "d2"], attempts[0].ratings, consensus);
    expect(a.dimensions.map((d) => d.deviation)).toEqual([1, null]);
    expect(a).toMatchObject({ n: 1, meanDeviation: 1, meanAbsDeviation: 1 });
    const c = attemptDeviation(["d1", "d2"], attempts[2].ratings, consensus);
    // d1: 3 − 3 = 0; d2: 5 − 4 = +1 → mean +0.5, mean |·| 0.5
    expect(c).toMatchObject({ n: 2, meanDeviation: 0.5, meanAbsDeviation: 0.5 });
    const d = attemptDeviation(["d1", "d2"], attempts[3].ratings, consensus);
    // +2 and 0 → mean +1; b: −1 and −1 → mean −1, |·| 1
    expect(d.meanDeviation).toBe(1);
    expect(attemptDeviation(["d1", "d2"], attempts[1].ratings, consensus)).toMatchObject({
      meanDeviation: -1,
      meanAbsDeviation: 1,
    });
  });
  it("has no mean when nothing can be compared", () => {
    expect(attemptDeviation(["d1"], [], new Map())).toMatchObject({
      n: 0,
      meanDeviation: null,
      meanAbsDeviation: null,
    });
  });
});

describe("driftSeries", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day));
  it("orders attempts by submission and fits the slope per attempt", () => {
    const drift = driftSeries([
      { drillId: "x3", submittedAt: at(20), meanDeviation: 0, n: 2 },
      { drillId: "x1", submittedAt: at(1), meanDeviation: 1, n: 2 },
      { drillId: "x2", submittedAt: at(10), meanDeviation: 0.5, n: 2 },
    ]);
    expect(drift.points.map((p) => p.drillId)).toEqual(["x1", "x2", "x3"]);
    // y = 1, 0.5, 0 against x = 0, 1, 2: slope −0.5 per attempt
    expect(drift.slope).toBeCloseTo(-0.5, 12);
    expect(drift.n).toBe(3);
  });
  it("has no trend below three attempts with a deviation", () => {
    const drift = driftSeries([
      { drillId: "x1", submittedAt: at(1), meanDeviation: 1, n: 2 },
      { drillId: "x2", submittedAt: at(2), meanDeviation: null, n: 0 },
      { drillId: "x3", submittedAt: at(3), meanDeviation: 0, n: 1 },
    ]);
    expect(drift).toMatchObject({ slope: null, n: 2 });
  });
  it("slope by hand: 2, 4, 3, 7 → Σ(x−1.5)(y−4) / Σ(x−1.5)² = (3 + 0 − 0.5 + 4.5) / 5 = 1.4", () => {
    expect(slope([2, 4, 3, 7])).toBeCloseTo(1.4, 12);
    expect(slope([3])).toBeNull();
  });
});

describe("drill ratings in the leniency model", () => {
  const dims = Array.from({ length: 10 }, (_, i) => `d${i}`);
  // a and b never share a real candidate: a rates c1, b rates c2, each with a colleague
  const real = dims.flatMap((d) => [
    { raterId: "a", candidateId: "c1", dimensionId: d, rating: 4 },
    { raterId: "x", candidateId: "c1", dimensionId: d, rating: 4 },
    { raterId: "b", candidateId: "c2", dimensionId: d, rating: 2 },
    { raterId: "y", candidateId: "c2", dimensionId: d, rating: 2 },
  ]);
  const drill = drillObservations([
    { drillId: "k", raterId: "a", ratings: dims.map((d) => ({ dimensionId: d, rating: 4 })) },
    {
      drillId: "k",
      raterId: "b",
      ratings: [...dims.map((d) => ({ dimensionId: d, rating: 3 })), { dimensionId: "z", rating: null }],
    },
  ]);
  it("are observations on one candidate per drill, flagged, Not assessed left out", () => {
    expect(drill).toHaveLength(20);
    expect(drill[0]).toEqual({
      raterId: "a",
      candidateId: drillCandidateKey("k"),
      dimensionId: "d0",
      rating: 4,
      drill: true,
    });
  });
  it("link two raters who share no candidate: a is a point above b on the drill", () => {
    const without = raterLeniency(real);
    // within each real pair everyone agrees: no leniency, and a and b are in different groups
    expect(without.get("a")?.offset).toBeCloseTo(0, 12);
    expect(without.get("b")?.offset).toBeCloseTo(0, 12);
    const withDrill = raterLeniency([...real, ...drill]);
    // a: 10 shared ratings agreeing with x (diff 0) and 10 one above b (diff +1): mean diff +0.5
    expect(withDrill.get("a")).toMatchObject({ shared: 20, meanDiff: 0.5, enough: true });
    expect(withDrill.get("b")).toMatchObject({ shared: 20, meanDiff: -0.5, enough: true });
    // one linked group now; a above b, so a's offset is positive and b's negative, symmetric
    const oa = withDrill.get("a")!.offset!;
    const ob = withDrill.get("b")!.offset!;
    expect(oa).toBeGreaterThan(0);
    expect(oa).toBeCloseTo(-ob, 9);
  });
  it("counts, per rater, the shared ratings that are drill ratings", () => {
    const counts = drillSharedCounts([...real, ...drill]);
    expect(counts.get("a")).toBe(10);
    expect(counts.get("b")).toBe(10);
    expect(counts.has("x")).toBe(false);
    // a drill only one rater took shares nothing
    expect(drillSharedCounts(drill.filter((o) => o.raterId === "a")).size).toBe(0);
  });
});
