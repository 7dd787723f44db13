import { describe, expect, it } from "vitest";
import { agreement, type Observation } from "./calibration";
import {
  candidateReliability,
  chooseRho,
  DEFAULT_RHO,
  dimensionReliability,
  gainOfOneMore,
  heavyDimensions,
  MIN_TRUSTED_ICC_CANDIDATES,
  spearmanBrown,
  suggestExercise,
  weightedReliability,
} from "./reliability";

describe("spearmanBrown", () => {
  // The prophecy formula's textbook cases (Spearman 1910; Brown 1910; e.g. Nunnally & Bernstein,
  // Psychometric Theory, 3rd ed., 1994, ch. 6): doubling a test of reliability .50 gives .667;
  // four raters of single-rater reliability .30 give .632.
  it("matches the textbook worked examples", () => {
    expect(spearmanBrown(0.5, 2)).toBeCloseTo(0.6667, 4);
    expect(spearmanBrown(0.3, 4)).toBeCloseTo(0.6316, 4);
    expect(spearmanBrown(0.3, 1)).toBe(0.3);
    expect(spearmanBrown(0.3, 0)).toBe(0);
  });

  // Shrout & Fleiss (1979), Psychological Bulletin 86(2), 420–428, Table 2's six targets rated by
  // four judges: ICC(1,1) = .17 and ICC(1,4) = .44 (their Table 4). ICC(1,k) is Spearman–Brown of
  // ICC(1,1), so the calibration page's agreement stepped up to four raters gives their figure.
  it("steps the calibration page's ICC(1) up to Shrout & Fleiss's ICC(1,4)", () => {
    const table = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const obs: Observation[] = table.flatMap((row, t) =>
      row.map((rating, j) => ({ raterId: `j${j}`, candidateId: `t${t}`, dimensionId: "d", rating })),
    );
    const icc = agreement(obs).icc!;
    expect(icc).toBeCloseTo(0.17, 2);
    expect(spearmanBrown(icc, 4)).toBeCloseTo(0.44, 2);
  });

  it("gives the gain of one more as R(k+1) − R(k)", () => {
    // ρ = .3: R1 = .3, R2 = .6/1.3 = .4615
    expect(gainOfOneMore(0.3, 1)).toBeCloseTo(0.6 / 1.3 - 0.3, 10);
    // from none to one rating the gain is ρ itself
    expect(gainOfOneMore(0.44, 0)).toBeCloseTo(0.44, 10);
  });
});

describe("chooseRho", () => {
  const enough = MIN_TRUSTED_ICC_CANDIDATES;
  it("uses the measured ICC from enough candidates", () => {
    expect(chooseRho({ icc: 0.6, candidates: enough })).toEqual({
      rho: 0.6,
      source: "measured",
      measured: 0.6,
      candidates: enough,
    });
  });
  it("falls back to the default below the minimum, or with no figure", () => {
    expect(chooseRho({ icc: 0.9, candidates: enough - 1 })).toMatchObject({
      rho: DEFAULT_RHO,
      source: "default",
      measured: 0.9,
    });
    expect(chooseRho({ icc: null, candidates: 2 })).toMatchObject({
      rho: DEFAULT_RHO,
      source: "default",
      measured: null,
    });
    expect(chooseRho(undefined)).toMatchObject({ rho: DEFAULT_RHO, source: "default", candidates: 0 });
  });
  it("does not extrapolate a zero or negative ICC", () => {
    expect(chooseRho({ icc: -0.1, candidates: 40 })).toMatchObject({ rho: null, source: "no-agreement" });
    expect(chooseRho({ icc: 0, candidates: 40 })).toMatchObject({ rho: null, source: "no-agreement" });
  });
});

describe("heavyDimensions", () => {
  it("takes the top weights covering half, and any of 15% or more", () => {
    // shares .30 .25 .15 .10 .10 .10: .30 + .25 ≥ .5, and .15 by its share
    const dims = [30, 25, 15, 10, 10, 10].map((weight, i) => ({ id: `d${i}`, weight }));
    expect([...heavyDimensions(dims)]).toEqual(["d0", "d1", "d2"]);
  });
  it("takes every dimension tied at the edge", () => {
    const dims = [20, 20, 20, 20, 20].map((weight, i) => ({ id: `d${i}`, weight }));
    expect(heavyDimensions(dims).size).toBe(5);
    // shares .4 .1 ×6: .4 alone is short of half, then the tied .1s all come in
    const tied = [40, 10, 10, 10, 10, 10, 10].map((weight, i) => ({ id: `d${i}`, weight }));
    expect(heavyDimensions(tied).size).toBe(7);
  });
  it("never counts a zero weight", () => {
    expect([
      ...heavyDimensions([
        { id: "a", weight: 0 },
        { id: "b", weight: 10 },
      ]),
    ]).toEqual(["b"]);
    expect(heavyDimensions([{ id: "a", weight: 0 }]).size).toBe(0);
  });
});

describe("dimensionReliability", () => {
  it("says the reliability now and with one more, in plain words", () => {
    const r = dimensionReliability({ id: "d", name: "Design", weight: 30 }, 2, { icc: 0.5, candidates: 40 });
    expect(r.now).toBeCloseTo(2 / 3, 10);
    expect(r.withOneMore).toBeCloseTo(0.75, 10); // 1.5 / 2
    expect(r.gain).toBeCloseTo(0.75 - 2 / 3, 10);
    expect(r.text).toBe("2 ratings: reliability 0.67; one more rating would raise it from 0.67 to 0.75.");
  });
  it("says when the ICC is a default and why", () => {
    const r = dimensionReliability({ id: "d", name: "Design", weight: 30 }, 1, { icc: 0.8, candidates: 5 });
    expect(r.rho.source).toBe("default");
    expect(r.now).toBeCloseTo(0.44, 10);
    // 2·.44 / 1.44 = .6111
    expect(r.withOneMore).toBeCloseTo(0.88 / 1.44, 10);
    expect(r.text).toContain("one more rating would raise it from 0.44 to 0.61");
    expect(r.text).toContain("a published default, not this team's figure");
    expect(r.text).toContain("(0.80) is based on only 5 candidates rated by two or more interviewers");
  });
  it("says so and stops on no agreement", () => {
    const r = dimensionReliability({ id: "d", name: "Design", weight: 30 }, 3, { icc: -0.2, candidates: 40 });
    expect(r).toMatchObject({ now: null, withOneMore: null, gain: null });
    expect(r.text).toContain("-0.20 (no better than chance)");
  });
  it("says when the role has no agreement figure at all", () => {
    const r = dimensionReliability({ id: "d", name: "Design", weight: 30 }, 1, { icc: null, candidates: 1 });
    expect(r.text).toBe(
      "1 rating: reliability 0.44; one more rating would raise it from 0.44 to 0.61. Assumes a single-rater reliability of 0.44 (a published default, not this team's figure): the role has no agreement figure yet (1 candidate rated by two or more interviewers), fewer than the 30 needed to trust it.",
    );
  });
  it("starts from no ratings", () => {
    const r = dimensionReliability({ id: "d", name: "Design", weight: 30 }, 0, { icc: 0.5, candidates: 40 });
    expect(r.now).toBe(0);
    expect(r.text).toBe("No ratings yet; one rating would give it a reliability of 0.50.");
  });
});

describe("weightedReliability", () => {
  it("is the weight-weighted mean of R(k), hand-computed", () => {
    // R(.5, 2) = .6667 at weight 30; R(.3, 1) = .3 at weight 20; (20 + 6) / 50 = .52
    expect(
      weightedReliability([
        { weight: 30, rho: 0.5, k: 2 },
        { weight: 20, rho: 0.3, k: 1 },
      ]),
    ).toBeCloseTo(0.52, 10);
  });
  it("leaves out dimensions with no agreement, and is null with none left", () => {
    expect(
      weightedReliability([
        { weight: 30, rho: 0.5, k: 2 },
        { weight: 20, rho: null, k: 1 },
      ]),
    ).toBeCloseTo(2 / 3, 10);
    expect(weightedReliability([{ weight: 20, rho: null, k: 1 }])).toBeNull();
  });
});

describe("suggestExercise", () => {
  const heavy = [
    dimensionReliability({ id: "a", name: "A", weight: 30 }, 2, { icc: 0.5, candidates: 40 }),
    dimensionReliability({ id: "b", name: "B", weight: 20 }, 0, { icc: 0.5, candidates: 40 }),
  ];
  it("picks the exercise that most raises the weighted reliability, hand-computed", () => {
    // now: (30·.6667 + 20·0) / 50 = .4; A+1: (30·.75)/50 = .45; B+1: (20 + 20·.5)/50 = (20 + 10)/50 = .6
    const s = suggestExercise(heavy, [
      { id: "x", title: "System design", dimensionIds: ["a"] },
      { id: "y", title: "Pairing", dimensionIds: ["b"] },
      { id: "z", title: "Unrelated", dimensionIds: ["c"] },
    ])!;
    expect(s.exerciseId).toBe("y");
    expect(s.now).toBeCloseTo(0.4, 10);
    expect(s.after).toBeCloseTo(0.6, 10);
    expect(s.text).toBe(
      "One more interview on Pairing would raise the weighted reliability of the heavy dimensions from 0.40 to 0.60.",
    );
  });
  it("counts every heavy dimension an exercise covers; the first listed wins a tie", () => {
    const both = suggestExercise(heavy, [
      { id: "y", title: "Pairing", dimensionIds: ["b"] },
      { id: "w", title: "Both", dimensionIds: ["a", "b"] },
    ])!;
    // (30·.75 + 20·.5)/50 = .65
    expect(both.exerciseId).toBe("w");
    expect(both.after).toBeCloseTo(0.65, 10);
    const tie = suggestExercise(heavy, [
      { id: "p", title: "P", dimensionIds: ["b"] },
      { id: "q", title: "Q", dimensionIds: ["b"] },
    ])!;
    expect(tie.exerciseId).toBe("p");
  });
  it("is null when no exercise covers a heavy dimension", () => {
    expect(suggestExercise(heavy, [{ id: "z", title: "Z", dimensionIds: ["c"] }])).toBeNull();
  });
});

describe("candidateReliability", () => {
  it("reports the heavy dimensions only, matched to the role's agreement by name", () => {
    const dims = [
      { id: "a", name: "Design", weight: 60 },
      { id: "b", name: "Comms", weight: 30 },
      { id: "c", name: "Docs", weight: 10 },
    ];
    const r = candidateReliability(dims, new Map([["a", 2]]), new Map([["Design", { icc: 0.5, candidates: 40 }]]));
    expect(r.dimensions.map((d) => d.dimensionId)).toEqual(["a", "b"]);
    expect(r.dimensions[1]).toMatchObject({ k: 0, rho: { source: "default" }, now: 0 });
    // (60·.6667 + 30·0) / 90 = .4444
    expect(r.weighted).toBeCloseTo(40 / 90, 10);
  });
});
