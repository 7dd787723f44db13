import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, scoreCandidate, type ScoringScorecard, type ScoringTemplate } from "./scoring";
import { migrationMaps, planTemplateMigration, remapScorecard, remapSnapshot } from "./template-migration";

const version = (n: number, dims: [string, number][], flags: string[]): ScoringTemplate => ({
  dimensions: dims.map(([name, weight]) => ({ id: `v${n}-${name}`, name, weight, weightOrigin: "source" })),
  exercises: [{ id: `v${n}-ex`, title: "Case", dimensionIds: [`v${n}-${dims[0][0]}`] }],
  redFlags: flags.map((text) => ({ id: `v${n}-${text}`, text })),
  thresholds: DEFAULT_THRESHOLDS,
});
// version 2 drops "Craft" and the red flag "Rude", adds "Scale", and reweights
const v1 = version(
  1,
  [
    ["Design", 50],
    ["Craft", 50],
  ],
  ["Rude", "Vague"],
);
const v2 = version(
  2,
  [
    ["Design", 60],
    ["Scale", 40],
  ],
  ["Vague"],
);

const card: ScoringScorecard = {
  id: "s1",
  status: "submitted",
  interviewerId: "u1",
  interviewerName: "Sam",
  recommendation: "yes",
  ratings: [
    { dimensionId: "v1-Design", rating: 4 },
    { dimensionId: "v1-Craft", rating: 2 },
  ],
  redFlags: [{ redFlagId: "v1-Rude", note: "interrupted" }],
};

describe("template migration", () => {
  it("matches dimensions by name, exercises by title, red flags by text", () => {
    const maps = migrationMaps(v1, v2);
    expect([...maps.dimension]).toEqual([["v1-Design", "v2-Design"]]);
    expect([...maps.exercise]).toEqual([["v1-ex", "v2-ex"]]);
    expect([...maps.redFlag]).toEqual([["v1-Vague", "v2-Vague"]]);
  });

  it("re-points a scorecard; ratings and flags of removed rows no longer count", () => {
    const moved = remapScorecard(card, migrationMaps(v1, v2));
    expect(moved.ratings).toEqual([{ dimensionId: "v2-Design", rating: 4 }]);
    expect(moved.redFlags).toEqual([]);
    expect(moved.interviewerId).toBe("u1");
  });

  it("re-points a debrief snapshot, keeping the rows of removed dimensions and flags as they were", () => {
    const snapshot = {
      keyTakeaways: "kept",
      ratings: [
        { dimensionId: "v1-Design", rating: 4, notAssessed: false, evidence: "e" },
        { dimensionId: "v1-Gone", rating: 2, notAssessed: false, evidence: "" },
      ],
      redFlags: [{ redFlagId: "v1-Vague", note: "n" }],
    };
    expect(remapSnapshot(snapshot, migrationMaps(v1, v2))).toEqual({
      keyTakeaways: "kept",
      ratings: [
        { dimensionId: "v2-Design", rating: 4, notAssessed: false, evidence: "e" },
        { dimensionId: "v1-Gone", rating: 2, notAssessed: false, evidence: "" },
      ],
      redFlags: [{ redFlagId: "v2-Vague", note: "n" }],
    });
  });

  it("counts every stored row lost, rated or not, and scores each candidate before and after", () => {
    const plan = planTemplateMigration(
      v1,
      v2,
      [
        { id: "c1", name: "Ada" },
        { id: "c2", name: "Bo" },
      ],
      [{ candidateId: "c1", scorecard: card, storedDimensionIds: ["v1-Design", "v1-Craft", "v1-Craft"] }],
    );
    expect(plan.lostRatings).toBe(2);
    expect(plan.lostFlags).toBe(1);
    const before = scoreCandidate(v1, [card]);
    const after = scoreCandidate(v2, [remapScorecard(card, plan.maps)]);
    expect(plan.candidates).toEqual([
      {
        id: "c1",
        name: "Ada",
        before: { recommendation: before.recommendation, score: before.score },
        after: { recommendation: after.recommendation, score: after.score },
      },
      {
        id: "c2",
        name: "Bo",
        before: { recommendation: "insufficient-evidence", score: null },
        after: { recommendation: "insufficient-evidence", score: null },
      },
    ]);
  });
});
