import { describe, expect, it } from "vitest";
import {
  agreement,
  calibrateScorecards,
  MIN_SHARED_OBSERVATIONS,
  raterLeniency,
  type Observation,
} from "./calibration";
import { scorecard, scoringTemplate } from "../../tests/support/builders";
import { scoreCandidate } from "./scoring";

const base = [2, 3, 3, 4, 2, 3, 3, 4, 2, 3, 4, 3];
/** every listed rater rates candidate c<i> on dimension d, rating = base[i] + that rater's shift */
function panel(shifts: Record<string, number>, n = base.length, dimensionId = "d"): Observation[] {
  return base
    .slice(0, n)
    .flatMap((r, i) =>
      Object.entries(shifts).map(([raterId, s]) => ({ raterId, candidateId: `c${i}`, dimensionId, rating: r + s })),
    );
}

describe("leniency", () => {
  it("two interviewers one point apart: raw differences ∓1, offsets ∓0.5 (no swap)", () => {
    const l = raterLeniency(panel({ A: 0, C: 1 }, 10));
    expect(l.get("A")).toMatchObject({ shared: 10, meanDiff: -1, low: -1, high: -1, enough: true });
    expect(l.get("C")).toMatchObject({ shared: 10, meanDiff: 1, enough: true });
    expect(l.get("A")!.offset).toBeCloseTo(-0.5, 9);
    expect(l.get("C")!.offset).toBeCloseTo(0.5, 9);
  });

  it("three interviewers, one +1 on everything: raw +1 and −0.5, offsets +2/3 and −1/3", () => {
    const l = raterLeniency(panel({ A: 0, B: 0, C: 1 }));
    expect(l.get("C")!.meanDiff).toBeCloseTo(1, 12);
    expect(l.get("A")!.meanDiff).toBeCloseTo(-0.5, 12);
    expect(l.get("C")!.offset).toBeCloseTo(2 / 3, 9);
    expect(l.get("A")!.offset).toBeCloseTo(-1 / 3, 9);
    expect(l.get("B")!.offset).toBeCloseTo(-1 / 3, 9);
  });

  it("the 95% band is mean ± t(n−1)·sd/√n", () => {
    // X is one point above Y on every other candidate: diffs 1,0,1,0,… (n = 10)
    const obs: Observation[] = [];
    for (let i = 0; i < 10; i++) {
      obs.push({ raterId: "Y", candidateId: `c${i}`, dimensionId: "d", rating: 3 });
      obs.push({ raterId: "X", candidateId: `c${i}`, dimensionId: "d", rating: 3 + (i % 2 === 0 ? 1 : 0) });
    }
    const x = raterLeniency(obs).get("X")!;
    expect(x.meanDiff).toBeCloseTo(0.5, 12);
    // sd = √(10·0.25/9) = 0.52705; half width = 2.262 · 0.52705 / √10 = 0.37700
    expect(x.low).toBeCloseTo(0.123, 3);
    expect(x.high).toBeCloseTo(0.877, 3);
  });

  it(`below ${MIN_SHARED_OBSERVATIONS} shared ratings: the difference is known but not enough, and no offset`, () => {
    const l = raterLeniency(panel({ A: 0, C: 1 }, MIN_SHARED_OBSERVATIONS - 1));
    expect(l.get("C")).toMatchObject({ shared: 9, meanDiff: 1, enough: false, offset: null });
  });

  it("ratings nobody else gave on that candidate and dimension are not shared", () => {
    const obs = [
      ...panel({ A: 0, C: 1 }, 10),
      { raterId: "A", candidateId: "solo", dimensionId: "d", rating: 5 },
      { raterId: "Z", candidateId: "other", dimensionId: "d", rating: 1 },
    ];
    const l = raterLeniency(obs);
    expect(l.get("A")!.shared).toBe(10);
    expect(l.get("Z")).toMatchObject({ shared: 0, meanDiff: null, low: null, offset: null, enough: false });
  });

  it("two ratings by one interviewer of the same candidate and dimension count once, as their mean", () => {
    const obs: Observation[] = [
      { raterId: "A", candidateId: "c", dimensionId: "d", rating: 2 },
      { raterId: "A", candidateId: "c", dimensionId: "d", rating: 4 },
      { raterId: "B", candidateId: "c", dimensionId: "d", rating: 3 },
    ];
    expect(raterLeniency(obs).get("A")).toMatchObject({ shared: 1, meanDiff: 0 });
  });

  it("separate groups of interviewers are centred separately", () => {
    const obs = [
      ...panel({ A: 0, B: 1 }, 10, "d1"),
      ...panel({ P: 0, Q: 0 }, 10, "d2").map((o) => ({ ...o, candidateId: `other-${o.candidateId}` })),
    ];
    const l = raterLeniency(obs);
    expect(l.get("A")!.offset).toBeCloseTo(-0.5, 9);
    expect(l.get("P")!.offset).toBeCloseTo(0, 9);
    expect(l.get("Q")!.offset).toBeCloseTo(0, 9);
  });
});

describe("agreement (ICC(1))", () => {
  const obsOf = (groups: number[][]) =>
    groups.flatMap((g, c) =>
      g.map((rating, r) => ({ raterId: `r${r}`, candidateId: `c${c}`, dimensionId: "d", rating })),
    );

  it("balanced panels: (MSB − MSW)/(MSB + (k−1)·MSW) = 5.8333/6.5", () => {
    const a = agreement(
      obsOf([
        [1, 2],
        [3, 4],
        [5, 5],
      ]),
    );
    expect(a.icc).toBeCloseTo(5.83333 / 6.5, 5);
    expect(a).toMatchObject({ candidates: 3, ratings: 6, label: "good" });
  });

  it("unequal panels use k₀: 5.53333 / 7.19583", () => {
    const a = agreement(
      obsOf([
        [2, 3, 4],
        [4, 5],
        [1, 1, 2],
      ]),
    );
    expect(a.icc).toBeCloseTo(0.76896, 4);
    expect(a.label).toBe("good");
  });

  it("candidates with a single rating are left out; fewer than three candidates gives no figure", () => {
    expect(agreement(obsOf([[1, 2], [3, 4], [5]]))).toMatchObject({
      icc: null,
      candidates: 2,
      ratings: 4,
      label: null,
    });
  });

  it("interviewers who disagree more than candidates differ get a poor (even negative) figure", () => {
    const a = agreement(
      obsOf([
        [1, 5],
        [5, 1],
        [1, 5],
        [5, 1],
      ]),
    );
    expect(a.icc!).toBeLessThan(0);
    expect(a.label).toBe("poor");
  });

  it("no variation at all gives no figure rather than a division by zero", () => {
    expect(
      agreement(
        obsOf([
          [3, 3],
          [3, 3],
          [3, 3],
        ]),
      ).icc,
    ).toBeNull();
  });
});

describe("calibrated scorecards", () => {
  const template = scoringTemplate([
    ["d1", 50, "One"],
    ["d2", 50, "Two"],
  ]);
  const card = (interviewerId: string, r1: number | null, r2: number | null) =>
    scorecard({ d1: r1, d2: r2 }, { id: `sc-${interviewerId}`, interviewerId, interviewerName: interviewerId });
  const leniency = raterLeniency([...panel({ A: 0, B: 0, C: 1 }), ...panel({ A: 0, B: 0, C: 1 }, 12, "d2")]);

  it("removes each interviewer's offset: the +1 interviewer's 4 and 5 become their co-panelists' level", () => {
    const cards = [card("A", 3, 4), card("B", 3, 4), card("C", 4, 5)];
    const calibrated = calibrateScorecards(cards, leniency);
    // all three now agree: 3 + 1/3 and 4 + 1/3 (the panel's average stays where it was)
    for (const c of calibrated) {
      expect(c.ratings[0].rating).toBeCloseTo(3 + 1 / 3, 9);
      expect(c.ratings[1].rating).toBeCloseTo(4 + 1 / 3, 9);
    }
    expect(scoreCandidate(template, calibrated).score).toBeCloseTo(scoreCandidate(template, cards).score!, 9);
    expect(scoreCandidate(template, calibrated).split).toEqual(scoreCandidate(template, cards).split);
    // the input is not changed
    expect(cards[2].ratings[0].rating).toBe(4);
  });

  it("clamps to 1–5, keeps Not assessed, leaves interviewers without enough shared ratings alone", () => {
    const low = raterLeniency(panel({ H: 0, L: 1 }, 10)); // H −0.5, L +0.5
    const [h, l, x] = calibrateScorecards([card("H", 5, null), card("L", 1, 2), card("X", 1, 5)], low);
    expect(h.ratings).toEqual([
      { dimensionId: "d1", rating: 5 },
      { dimensionId: "d2", rating: null },
    ]);
    expect(l.ratings.map((r) => r.rating)).toEqual([1, 1.5]);
    expect(x.ratings.map((r) => r.rating)).toEqual([1, 5]);
  });
});
