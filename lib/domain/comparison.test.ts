import { describe, expect, it } from "vitest";
import { calibrateScorecards } from "./calibration";
import { compareCandidates } from "./comparison";
import {
  DEFAULT_THRESHOLDS,
  scoreCandidate,
  tallyScorecards,
  type ScoringScorecard,
  type ScoringTemplate,
} from "./scoring";

const T: ScoringTemplate = {
  dimensions: ["A", "B"].map((id) => ({ id, name: id, weight: 50, weightOrigin: "source" })),
  exercises: [],
  redFlags: [],
  thresholds: DEFAULT_THRESHOLDS,
};
const card = (who: string, a: number, b: number): ScoringScorecard => ({
  id: `${who}-${a}${b}`,
  status: "submitted",
  interviewerId: who,
  interviewerName: who,
  recommendation: "yes",
  ratings: [
    { dimensionId: "A", rating: a },
    { dimensionId: "B", rating: b },
  ],
  redFlags: [],
});
// the lenient interviewer rates a point high: calibrated, their candidate falls behind
const offsets = new Map([
  ["lenient", { offset: 1, shared: 30 }],
  ["strict", { offset: 0, shared: 30 }],
]);
const candidates = [
  { id: "x", label: "X", scorecards: [card("lenient", 4, 4)] },
  { id: "y", label: "Y", scorecards: [card("strict", 3.5, 4)] },
  { id: "z", label: "Z", scorecards: [] },
];

describe("compareCandidates", () => {
  it("ranks on raw scores, with the calibrated score beside each and Insufficient evidence apart", () => {
    const c = compareCandidates(T, candidates, { calibrated: false, recommendOn: "raw", offsets });
    expect(c.ranked.map((r) => r.id)).toEqual(["x", "y"]);
    expect(c.apart.map((r) => r.id)).toEqual(["z"]);
    expect(c.inputs.map((i) => i.tally)).toEqual(candidates.map((x) => tallyScorecards(T, x.scorecards)));
    const x = c.bothScores(c.ranked[0]);
    expect(x.raw.score).toBe(4);
    expect(x.calibrated).toEqual(scoreCandidate(T, calibrateScorecards(candidates[0].scorecards, offsets)));
  });

  it("ranks on calibrated scores when asked, the raw score beside each", () => {
    const c = compareCandidates(T, candidates, { calibrated: true, recommendOn: "calibrated", offsets });
    expect(c.ranked.map((r) => r.id)).toEqual(["y", "x"]);
    const x = c.bothScores(c.ranked.find((r) => r.id === "x")!);
    expect(x.raw.score).toBe(4);
    expect(x.calibrated.score).toBe(3);
  });

  it("takes the recommendation from the scores the role recommends on, whichever the ranking is on", () => {
    const onRaw = compareCandidates(T, candidates, { calibrated: true, recommendOn: "raw", offsets });
    const x = onRaw.ranked.find((r) => r.id === "x")!;
    expect(onRaw.recommendationOf(x)).toBe(scoreCandidate(T, candidates[0].scorecards).recommendation);
    expect(onRaw.recommendationOf(x)).not.toBe(x.score.recommendation);
  });

  it("computes the other score only for the first candidates shown", () => {
    const c = compareCandidates(T, candidates, { calibrated: false, recommendOn: "raw", offsets, shown: 1 });
    expect([...c.other.keys()]).toEqual(["x"]);
  });
});
