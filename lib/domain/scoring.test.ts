// Hand-computed cases for every rule and boundary of the recommendation rules (docs/product.md,
// Recommendation rules); the properties that hold for any input are in scoring-properties.test.ts.
import { describe, expect, it } from "vitest";
import { decide } from "./recommendation";
import { scorecard as card, indexedRatings, indexedTemplate, scoringTemplate } from "../../tests/support/builders";
import { DEFAULT_THRESHOLDS, recommendationRank, scoreCandidate, type ScoringTemplate } from "./scoring";
import { formatCoverage, formatScore } from "./score-format";
import { equalSplit } from "./weights";

// A 30/30/20/20 template. Exercise E1 covers A and B, E2 covers C, E3 covers C and D.
const T = scoringTemplate(
  [
    ["A", 30, "Architecture"],
    ["B", 30, "Build"],
    ["C", 20, "Communication"],
    ["D", 20, "Delivery"],
  ],
  {
    exercises: [
      { id: "E1", title: "System design", dimensionIds: ["A", "B"] },
      { id: "E2", title: "Stakeholder role-play", dimensionIds: ["C"] },
      { id: "E3", title: "Incident review", dimensionIds: ["C", "D"] },
    ],
    redFlags: [
      { id: "F1", text: "Blames others" },
      { id: "F2", text: "Ignores security" },
    ],
  },
);

describe("scoreCandidate: hand-computed cases", () => {
  it("a single scorecard at exactly 0.60 coverage: means, contributions, score 3.50 → Hire", () => {
    // A=4 (30) + B=3 (30) rated; C Not assessed; D not rated. Coverage = 60/100 = 0.60 exactly.
    // S = (30·4 + 30·3) / 60 = 210/60 = 3.5. Contributions: 30·4/60 = 2.0 and 30·3/60 = 1.5.
    const r = scoreCandidate(T, [card({ A: 4, B: 3, C: null })]);
    expect(r.scorecardCount).toBe(1);
    expect(r.coverage).toBe(0.6);
    expect(r.score).toBe(3.5);
    expect(formatScore(r.score)).toBe("3.50");
    expect(r.recommendation).toBe("hire");
    expect(r.rule.id).toBe("hire");
    expect(r.rule.text).toBe("Score 3.50 is at least 3.25 and below 4.00.");
    const [a, b, c, d] = r.dimensions;
    expect([a.mean, a.count, a.contribution]).toEqual([4, 1, 2]);
    expect([b.mean, b.count, b.contribution]).toEqual([3, 1, 1.5]);
    expect(a.contribution! + b.contribution!).toBe(r.score);
    expect([c.mean, c.count, c.notAssessedCount, c.contribution]).toEqual([null, 0, 1, null]);
    expect([d.mean, d.count, d.notAssessedCount]).toEqual([null, 0, 0]);
    // gaps, with the exercises that would cover them
    expect(r.missing).toEqual([
      {
        dimensionId: "C",
        name: "Communication",
        weight: 20,
        exercises: [
          { id: "E2", title: "Stakeholder role-play" },
          { id: "E3", title: "Incident review" },
        ],
      },
      { dimensionId: "D", name: "Delivery", weight: 20, exercises: [{ id: "E3", title: "Incident review" }] },
    ]);
  });

  it("coverage just under 0.60 is Insufficient evidence, naming what is missing", () => {
    // A (30) + C (20) = 50 → 0.50
    const r = scoreCandidate(T, [card({ A: 5, C: 5 })]);
    expect(r.coverage).toBe(0.5);
    expect(r.score).toBe(5);
    expect(r.recommendation).toBe("insufficient-evidence");
    expect(r.rule.text).toBe("Coverage 50% is below the 60% needed for a recommendation. Missing: Build, Delivery.");
    expect(r.missing.map((m) => m.name)).toEqual(["Build", "Delivery"]);
  });

  it("Not assessed everywhere: no score, coverage 0, Insufficient evidence; never a low score", () => {
    const r = scoreCandidate(T, [card({ A: null, B: null, C: null, D: null }), card({ A: null })]);
    expect(r.score).toBeNull();
    expect(r.coverage).toBe(0);
    expect(r.recommendation).toBe("insufficient-evidence");
    expect(r.dimensions.map((d) => d.notAssessedCount)).toEqual([2, 1, 1, 1]);
    expect(r.missing).toHaveLength(4);
    expect(formatScore(r.score)).toBe("—");
  });

  it("no scorecards at all is Insufficient evidence", () => {
    const r = scoreCandidate(T, []);
    expect(r.scorecardCount).toBe(0);
    expect(r.recommendation).toBe("insufficient-evidence");
  });

  it("Not assessed beside ratings does not pull the mean down", () => {
    // A: 4 and 4 and one Not assessed → mean 4, count 2
    const r = scoreCandidate(T, [card({ A: 4, B: 4 }), card({ A: 4, B: 4 }), card({ A: null, B: null })]);
    expect(r.dimensions[0]).toMatchObject({ mean: 4, count: 2, notAssessedCount: 1 });
    expect(r.score).toBe(4);
    expect(r.recommendation).toBe("strong-hire");
  });

  it("every score boundary: exactly 4.00, 3.25, 2.50 meet their band; just under falls to the next", () => {
    const full = (a: number, b: number, c: number, d: number) => scoreCandidate(T, [card({ A: a, B: b, C: c, D: d })]);
    // (30·4 + 30·4 + 20·4 + 20·4)/100 = 4.00
    expect(full(4, 4, 4, 4).recommendation).toBe("strong-hire");
    // (30·5 + 30·4 + 20·3 + 20·3)/100 = 3.90
    expect(full(5, 4, 3, 3)).toMatchObject({ score: 3.9, recommendation: "hire" });
    // two scorecards: A (3,4)=3.5, B (3,3)=3, C (4,3)=3.5, D (3,3)=3 → (105+90+70+60)/100 = 3.25 exactly
    const exact = scoreCandidate(T, [card({ A: 3, B: 3, C: 4, D: 3 }), card({ A: 4, B: 3, C: 3, D: 3 })]);
    expect(exact.score).toBeCloseTo(3.25, 12);
    expect(exact.recommendation).toBe("hire");
    // (30·3 + 30·3 + 20·4 + 20·3)/100 = 3.20 → Lean no hire
    expect(full(3, 3, 4, 3)).toMatchObject({ score: 3.2, recommendation: "lean-no-hire" });
    // (30·3 + 30·2 + 20·3 + 20·2)/100 = 2.50 exactly → Lean no hire
    expect(full(3, 2, 3, 2)).toMatchObject({ score: 2.5, recommendation: "lean-no-hire" });
    // (30·2 + 30·3 + 20·2 + 20·3)/100 = 2.50; (30·2 + 30·2 + 20·3 + 20·3)/100 = 2.40 → No hire
    expect(full(2, 2, 3, 3)).toMatchObject({ score: 2.4, recommendation: "no-hire" });
    expect(full(2, 2, 3, 3).rule.text).toBe("Score 2.40 is below 2.50.");
    expect(full(1, 1, 1, 1)).toMatchObject({ score: 1, recommendation: "no-hire" });
  });

  it("a score that is exactly 3.25 but lands a hair below in floating point still meets Hire", () => {
    // Six dimensions weighted 16.67/16.67/16.66/16.67/16.67/16.66 with means 4, 1.5, 4, 3.75, 3.75, 2.5:
    // exactly (66.68 + 25.005 + 66.64 + 62.5125 + 62.5125 + 41.65)/100 = 325.0/100 = 3.25, which
    // IEEE doubles compute as 3.2499999999999996.
    const w = [16.67, 16.67, 16.66, 16.67, 16.67, 16.66];
    const tpl = indexedTemplate(w, "edited");
    const perDim = [[4], [1, 2], [4], [3, 4, 4, 4], [3, 4, 4, 4], [2, 3]];
    const cards = [0, 1, 2, 3].map((k) => card(indexedRatings(perDim.map((rs) => rs[k]))));
    const r = scoreCandidate(tpl, cards);
    expect(r.score).not.toBe(3.25);
    expect(Math.abs(r.score! - 3.25)).toBeLessThan(1e-12);
    expect(r.recommendation).toBe("hire");
    expect(formatScore(r.score)).toBe("3.25");
  });

  it("equal-default weights (8 × 12.5, as seeded for Head of AI Engineering): 3,3,3,3,3,3,4,4 → 3.25 → Hire", () => {
    const w = equalSplit(8);
    expect(w).toEqual(Array(8).fill(12.5));
    const tpl = indexedTemplate(w, "equal-default");
    const r = scoreCandidate(tpl, [card(indexedRatings([3, 3, 3, 3, 3, 3, 4, 4]))]);
    expect(r.score).toBe(3.25);
    expect(r.coverage).toBe(1);
    expect(r.recommendation).toBe("hire");
    expect(r.dimensions.every((d) => d.weightOrigin === "equal-default")).toBe(true);
  });

  it("equal-default weights that do not divide evenly (33.33/33.33/33.34): 3, 3, 4 → 3.3334", () => {
    const w = equalSplit(3);
    expect(w).toEqual([33.33, 33.33, 33.34]);
    const tpl = indexedTemplate(w, "equal-default");
    const r = scoreCandidate(tpl, [card({ d0: 3, d1: 3, d2: 4 })]);
    expect(r.score).toBeCloseTo(3.3334, 10);
    expect(formatScore(r.score)).toBe("3.33");
    // two of three rated: 66.66% coverage
    const two = scoreCandidate(tpl, [card({ d0: 3, d1: 3 })]);
    expect(two.coverage).toBeCloseTo(0.6666, 10);
    expect(two.recommendation).toBe("lean-no-hire");
  });

  it("a red flag makes it No hire (red flag), whoever raised it, after the coverage rule", () => {
    const flagged = card(
      { A: 5, B: 5, C: 5, D: 5 },
      { interviewerName: "Jamie", redFlags: [{ redFlagId: "F2", note: "Shrugged at secrets in git" }] },
    );
    const r = scoreCandidate(T, [card({ A: 5, B: 5, C: 5, D: 5 }), flagged]);
    expect(r.score).toBe(5);
    expect(r.recommendation).toBe("no-hire-red-flag");
    expect(r.rule.text).toBe("1 red flag was observed on a submitted scorecard.");
    expect(r.redFlags).toEqual([
      {
        redFlagId: "F2",
        text: "Ignores security",
        raisedBy: [
          {
            scorecardId: flagged.id,
            interviewerId: flagged.interviewerId,
            interviewerName: "Jamie",
            note: "Shrugged at secrets in git",
          },
        ],
        caps: true,
      },
    ]);
    // coverage comes first: with too little evidence it stays Insufficient evidence
    const thin = scoreCandidate(T, [card({ A: 5 }, { redFlags: [{ redFlagId: "F1", note: "x" }] })]);
    expect(thin.recommendation).toBe("insufficient-evidence");
    expect(thin.redFlags).toHaveLength(1);
  });

  describe("a red flag caps only when raised by at least N interviewers (docs/decisions/058)", () => {
    const needs = (n: number): ScoringTemplate => ({
      ...T,
      thresholds: { ...T.thresholds, redFlagMinInterviewers: n },
    });
    const flag = (redFlagId: string, over: Parameters<typeof card>[1] = {}) =>
      card({ A: 4, B: 4, C: 3, D: 3 }, { redFlags: [{ redFlagId, note: "seen" }], ...over });
    const clean = () => card({ A: 4, B: 4, C: 3, D: 3 });

    it("N = 1 is today's rule, in today's words", () => {
      const r = scoreCandidate(needs(1), [clean(), flag("F1"), flag("F2")]);
      expect(r.recommendation).toBe("no-hire-red-flag");
      expect(r.rule.text).toBe("2 red flags were observed on a submitted scorecard.");
      expect(r.redFlags.map((f) => f.caps)).toEqual([true, true]);
    });

    it("N = 2, one interviewer raising a flag: the score rule decides and says why the flag does not cap", () => {
      const r = scoreCandidate(needs(2), [clean(), flag("F2")]);
      // A 4, B 4, C 3, D 3 → (120 + 120 + 60 + 60) / 100 = 3.60 → Hire
      expect(r.recommendation).toBe("hire");
      expect(r.rule).toEqual({
        id: "hire",
        text: "Score 3.60 is at least 3.25 and below 4.00. 1 red flag was raised by fewer than 2 interviewers, so it does not cap the recommendation.",
      });
      // still on the summary as raised: it is evidence
      expect(r.redFlags).toMatchObject([{ redFlagId: "F2", caps: false }]);
    });

    it("N = 2, two different interviewers raising the same flag: it caps, naming the flag", () => {
      const r = scoreCandidate(needs(2), [flag("F2"), flag("F2"), clean()]);
      expect(r.recommendation).toBe("no-hire-red-flag");
      expect(r.rule.text).toBe(
        "“Ignores security” was raised by 2 interviewers; a red flag caps the recommendation when raised by at least 2.",
      );
    });

    it("N = 2, two interviewers raising two different flags: neither caps", () => {
      const r = scoreCandidate(needs(2), [flag("F1"), flag("F2")]);
      expect(r.recommendation).toBe("hire");
      expect(r.rule.text).toMatch(/ 2 red flags were raised by fewer than 2 interviewers, so they do not cap/);
    });

    it("counts distinct interviewers: one interviewer's two scorecards raise a flag once", () => {
      const same = { interviewerId: "u-same", interviewerName: "Sam" };
      const r = scoreCandidate(needs(2), [flag("F1", same), flag("F1", same)]);
      expect(r.recommendation).toBe("hire");
      expect(r.redFlags[0].raisedBy).toHaveLength(2);
      expect(r.redFlags[0].caps).toBe(false);
    });

    it("the coverage rule still comes first, with no note", () => {
      const r = scoreCandidate(needs(2), [card({ A: 5 }, { redFlags: [{ redFlagId: "F1", note: "x" }] })]);
      expect(r.recommendation).toBe("insufficient-evidence");
      expect(r.rule.text).not.toMatch(/red flag/);
    });
  });

  it("drafts never count: their ratings, flags and recommendations are ignored", () => {
    const draft = card(
      { A: 1, B: 1, C: 1, D: 1 },
      { status: "draft", recommendation: "strong-no", redFlags: [{ redFlagId: "F1", note: "draft note" }] },
    );
    const r = scoreCandidate(T, [card({ A: 4, B: 4, C: 4, D: 4 }), draft]);
    expect(r.scorecardCount).toBe(1);
    expect(r.score).toBe(4);
    expect(r.redFlags).toEqual([]);
    expect(r.overall["strong-no"]).toEqual([]);
    expect(r.recommendation).toBe("strong-hire");
  });

  it("split panel: a dimension's ratings 3 apart, or both Strong yes and Strong no; it never changes the recommendation", () => {
    const two = scoreCandidate(T, [card({ A: 2, B: 4, C: 4, D: 4 }), card({ A: 5, B: 4, C: 4, D: 4 })]);
    expect(two.split.isSplit).toBe(true);
    expect(two.split.causes).toEqual([
      { kind: "dimension", dimensionId: "A", name: "Architecture", min: 2, max: 5, spread: 3 },
    ]);
    // A mean 3.5: (105 + 120 + 80 + 80)/100 = 3.85 → Hire, split or not
    expect(two.recommendation).toBe("hire");

    const notSplit = scoreCandidate(T, [card({ A: 2, B: 4, C: 4, D: 4 }), card({ A: 4, B: 4, C: 4, D: 4 })]);
    expect(notSplit.split).toEqual({ isSplit: false, causes: [] });

    const overall = scoreCandidate(T, [
      card({ A: 3, B: 3, C: 3, D: 3 }, { interviewerName: "Avery", recommendation: "strong-yes" }),
      card({ A: 3, B: 3, C: 3, D: 3 }, { interviewerName: "Riley", recommendation: "strong-no" }),
    ]);
    expect(overall.split.causes).toEqual([{ kind: "overall", strongYes: ["Avery"], strongNo: ["Riley"] }]);
    expect(overall.overall["strong-yes"]).toEqual(["Avery"]);
  });

  it("per-role threshold overrides from the template version are used", () => {
    const strict: ScoringTemplate = {
      ...T,
      thresholds: {
        minCoverage: 0.8,
        strongHireMin: 4.5,
        hireMin: 3.6,
        leanNoHireMin: 3,
        splitSpreadMin: 2,
        redFlagMinInterviewers: 1,
      },
    };
    const cards = [card({ A: 4, B: 4, C: 3, D: 3 }), card({ A: 2, B: 4, C: 3 })];
    // default rules: A 3, B 4, C 3, D 3 → (90+120+60+60)/100 = 3.30 → Hire, not split
    expect(scoreCandidate(T, cards)).toMatchObject({ recommendation: "hire", split: { isSplit: false } });
    // stricter role: 3.30 < 3.60 → Lean no hire; spread 2 on A now splits
    const r = scoreCandidate(strict, cards);
    expect(r.recommendation).toBe("lean-no-hire");
    expect(r.rule.text).toBe("Score 3.30 is at least 3.00 and below 3.60.");
    expect(r.split.isSplit).toBe(true);
    // coverage 0.60 is below this role's 0.80
    expect(scoreCandidate(strict, [card({ A: 5, B: 5 })]).recommendation).toBe("insufficient-evidence");
  });

  it("ratings for dimensions outside the template are ignored", () => {
    const r = scoreCandidate(T, [card({ A: 4, B: 4, ZZ: 1 })]);
    expect(r.score).toBe(4);
  });

  it("decide() and the formatters", () => {
    expect(decide({ coverage: 0.59, score: 5, redFlags: [], thresholds: DEFAULT_THRESHOLDS }).recommendation).toBe(
      "insufficient-evidence",
    );
    expect(decide({ coverage: 0.6, score: 3.2499, redFlags: [], thresholds: DEFAULT_THRESHOLDS }).recommendation).toBe(
      "lean-no-hire",
    );
    expect(formatCoverage(0.625)).toBe("62.5%");
    expect(formatCoverage(0.6)).toBe("60%");
    expect(recommendationRank("insufficient-evidence")).toBeNull();
    expect(recommendationRank("strong-hire")! > recommendationRank("no-hire-red-flag")!).toBe(true);
  });
});
