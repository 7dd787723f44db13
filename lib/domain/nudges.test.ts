// Hand-computed cases for the evidence nudges: extreme ratings without (enough) evidence, and an
// overall recommendation that contradicts the scorecard's own weighted score, at the boundaries.
import { describe, expect, it } from "vitest";
import {
  MIN_EVIDENCE_CHARS,
  evidenceGap,
  evidenceHint,
  scorecardNudges,
  scorecardScore,
  type NudgeDraft,
} from "./nudges";

// Unequal weights, 40/30/20/10, in form order A, B, C, D.
const DIMS = [
  { id: "A", name: "Architecture", weight: 40 },
  { id: "B", name: "Build", weight: 30 },
  { id: "C", name: "Communication", weight: 20 },
  { id: "D", name: "Delivery", weight: 10 },
];
const GOOD = "Walked through the rollback plan step by step.";

/** ratings as { A: 4 } or { A: [5, ""] }; numbers get solid evidence; "na" is Not assessed */
function draft(
  ratings: Record<string, number | "na" | [number | "na", string]>,
  recommendation: NudgeDraft["recommendation"] = "no-decision",
): NudgeDraft {
  return {
    ratings: Object.fromEntries(
      Object.entries(ratings).map(([id, r]) => {
        const [score, evidence] = Array.isArray(r) ? r : [r, r === "na" ? "" : GOOD];
        return [id, { score: String(score), evidence }];
      }),
    ),
    recommendation,
  };
}
const kinds = (d: NudgeDraft) => scorecardNudges(d, DIMS).map((n) => [n.kind, n.dimensionId]);
const contradiction = (d: NudgeDraft) => scorecardNudges(d, DIMS).find((n) => n.kind === "contradiction");

describe("extreme ratings need evidence", () => {
  it("flags 1, 2 and 5 with empty or whitespace-only evidence, in form order; never 3, 4, Not assessed or unrated", () => {
    const d: NudgeDraft = {
      ratings: {
        D: { score: "5", evidence: "" },
        A: { score: "1", evidence: "  \n\t " },
        B: { score: "3", evidence: "" },
        C: { score: "2", evidence: "" },
        X: { score: "na", evidence: "" },
      },
      recommendation: "",
    };
    expect(kinds(d)).toEqual([
      ["missing-evidence", "A"],
      ["missing-evidence", "C"],
      ["missing-evidence", "D"],
    ]);
    expect(kinds(draft({ A: [4, ""], B: ["na", ""], C: [3, " "] }))).toEqual([]);
    expect(kinds({ ratings: { A: { score: "", evidence: "" } }, recommendation: "" })).toEqual([]);
  });

  it(`evidence under ${MIN_EVIDENCE_CHARS} characters (trimmed, spaces collapsed) is too short for an extreme rating`, () => {
    expect(MIN_EVIDENCE_CHARS).toBe(15);
    expect(evidenceGap("5", "Fine.")).toBe("thin");
    expect(evidenceGap("1", "  14 characters ")).toBe("thin"); // "14 characters" is 13
    expect(evidenceGap("2", "a".repeat(14))).toBe("thin");
    expect(evidenceGap("2", "a".repeat(15))).toBeNull();
    expect(evidenceGap("5", "Rolled      back.")).toBe("thin"); // "Rolled back." once collapsed
    expect(evidenceGap("5", "Rolled back first.")).toBeNull();
    expect(evidenceGap("4", "Fine.")).toBeNull();
    const [n] = scorecardNudges(draft({ B: [5, "Great."] }), DIMS);
    expect(n).toMatchObject({ kind: "thin-evidence", dimensionId: "B", rating: 5 });
    expect(n.message).toBe("Build is rated 5, but its evidence is too short to back an extreme rating.");
  });

  it("says which dimension and which rating, in one sentence", () => {
    const [n] = scorecardNudges(draft({ A: [1, ""] }), DIMS);
    expect(n.message).toBe("Architecture is rated 1 with no evidence: say what the candidate said or did.");
  });

  it("the quiet hint under the evidence box follows the same rule", () => {
    expect(evidenceHint("1", "")).toBe("A rating of 1 needs evidence: say what you saw.");
    expect(evidenceHint("5", "ok")).toBe("A rating of 5 needs more than a few words of evidence: say what you saw.");
    expect(evidenceHint("5", GOOD)).toBeNull();
    expect(evidenceHint("3", "")).toBeNull();
    expect(evidenceHint("na", "")).toBeNull();
    expect(evidenceHint("", "")).toBeNull();
  });
});

describe("the scorecard's own weighted score", () => {
  it("is Σ w·r / Σ w over the dimensions rated 1–5, with the template's unequal weights", () => {
    // (40·2 + 30·3 + 20·2 + 10·3) / 100 = 240 / 100 = 2.40 (the plain mean would be 2.50)
    expect(scorecardScore(draft({ A: 2, B: 3, C: 2, D: 3 }), DIMS)).toBeCloseTo(2.4, 12);
    // Not assessed is not a low score: only A counts, S = 5
    expect(scorecardScore(draft({ A: 5, B: "na", C: "na" }), DIMS)).toBe(5);
    // a dimension outside the template is ignored
    expect(scorecardScore(draft({ A: 4, Z: 1 }), DIMS)).toBe(4);
    expect(scorecardScore(draft({ A: "na" }), DIMS)).toBeNull();
    expect(scorecardScore(draft({}), DIMS)).toBeNull();
  });
});

describe("a recommendation that contradicts the ratings", () => {
  it("Yes below 2.50: nudged with the score to two decimals; the weights matter", () => {
    // S = 2.40 as above; with equal weights it would be 2.50 and not nudged
    const n = contradiction(draft({ A: 2, B: 3, C: 2, D: 3 }, "yes"));
    expect(n).toMatchObject({ kind: "contradiction", dimensionId: null, recommendation: "yes" });
    expect(n!.score).toBeCloseTo(2.4, 12);
    expect(n!.message).toBe(
      "You recommend Yes, but the ratings on this scorecard give a weighted score of 2.40, below 2.50 (the No hire range).",
    );
    expect(contradiction(draft({ A: 2, B: 3, C: 2, D: 3 }, "no"))).toBeUndefined();
  });

  it("Yes at exactly 2.50 is not nudged; Strong yes at 2.50 is (below 3.25)", () => {
    // (40·2 + 30·3 + 20·3 + 10·2) / 100 = 250 / 100 = 2.50
    const card = { A: 2, B: 3, C: 3, D: 2 } as const;
    expect(scorecardScore(draft(card), DIMS)).toBe(2.5);
    expect(contradiction(draft(card, "yes"))).toBeUndefined();
    expect(contradiction(draft(card, "strong-yes"))?.message).toBe(
      "You recommend Strong yes, but the ratings on this scorecard give a weighted score of 2.50, below the 3.25 a Hire needs.",
    );
  });

  it("Strong yes below 2.50 gets one nudge, the No hire one", () => {
    const nudges = scorecardNudges(draft({ A: 2, B: 2 }, "strong-yes"), DIMS);
    expect(nudges).toHaveLength(1);
    expect(nudges[0].message).toBe(
      "You recommend Strong yes, but the ratings on this scorecard give a weighted score of 2.00, below 2.50 (the No hire range).",
    );
  });

  it("at exactly 3.25: Strong yes is fine, Strong no is nudged; just below, the reverse", () => {
    // A, B, D rated (weight 80): (40·4 + 30·3 + 10·1) / 80 = 260 / 80 = 3.25; C unrated
    const at = { A: 4, B: 3, D: 1 } as const;
    expect(scorecardScore(draft(at), DIMS)).toBe(3.25);
    expect(contradiction(draft(at, "strong-yes"))).toBeUndefined();
    expect(contradiction(draft(at, "yes"))).toBeUndefined();
    expect(contradiction(draft(at, "strong-no"))?.message).toBe(
      "You recommend Strong no, but the ratings on this scorecard give a weighted score of 3.25, at least the 3.25 of a Hire.",
    );
    expect(contradiction(draft(at, "no"))).toBeUndefined();
    // (40·4 + 30·3 + 20·2) / 90 = 290 / 90 = 3.222…: shown as 3.22
    const under = { A: 4, B: 3, C: 2 } as const;
    expect(contradiction(draft(under, "strong-no"))).toBeUndefined();
    expect(contradiction(draft(under, "strong-yes"))?.message).toContain("weighted score of 3.22, below the 3.25");
  });

  it("No at exactly 4.00 is nudged; at 3.90 only Strong no is", () => {
    expect(contradiction(draft({ A: 4, B: 4 }, "no"))?.message).toBe(
      "You recommend No, but the ratings on this scorecard give a weighted score of 4.00, at least 4.00 (the Strong hire range).",
    );
    expect(contradiction(draft({ A: 4, B: 4 }, "strong-no"))?.message).toContain(
      "4.00, at least 4.00 (the Strong hire range)",
    );
    // (40·4 + 30·4 + 20·4 + 10·3) / 100 = 390 / 100 = 3.90
    const card = { A: 4, B: 4, C: 4, D: 3 } as const;
    expect(contradiction(draft(card, "no"))).toBeUndefined();
    expect(contradiction(draft(card, "strong-no"))?.message).toContain("3.90, at least the 3.25 of a Hire");
  });

  it("Not assessed does not pull the score down: a lone 5 with Strong no is nudged at 5.00", () => {
    expect(contradiction(draft({ A: 5, B: "na", C: "na" }, "strong-no"))?.message).toContain("weighted score of 5.00");
  });

  it("no contradiction nudge when nothing is rated, or for No decision or no recommendation yet", () => {
    expect(scorecardNudges(draft({ A: "na", B: "na" }, "strong-yes"), DIMS)).toEqual([]);
    expect(scorecardNudges(draft({}, "strong-no"), DIMS)).toEqual([]);
    expect(contradiction(draft({ A: 1, B: 1 }, "no-decision"))).toBeUndefined();
    expect(contradiction(draft({ A: 5, B: 5 }, ""))).toBeUndefined();
  });

  it("evidence nudges come first, then the contradiction", () => {
    // (40·5 + 30·1 + 20·1) / 90 = 250 / 90 = 2.777…; Strong yes below 3.25
    const d = draft({ A: [5, ""], B: [1, GOOD], C: [1, "meh"] }, "strong-yes");
    expect(kinds(d)).toEqual([
      ["missing-evidence", "A"],
      ["thin-evidence", "C"],
      ["contradiction", null],
    ]);
    expect(contradiction(d)?.message).toContain("weighted score of 2.78, below the 3.25");
  });

  it("per-role thresholds move the lines", () => {
    const strict = {
      minCoverage: 0.6,
      strongHireMin: 4.5,
      hireMin: 3.5,
      leanNoHireMin: 3,
      splitSpreadMin: 3,
      redFlagMinInterviewers: 1,
    };
    // S = 3.25: fine for Strong yes by default, below a 3.50 Hire line
    expect(scorecardNudges(draft({ A: 4, B: 3, D: 1 }, "strong-yes"), DIMS, strict).at(-1)?.message).toContain(
      "3.25, below the 3.50 a Hire needs",
    );
  });
});

describe("a ticked red flag counts in the contradiction check, both ways", () => {
  const flagged = (d: NudgeDraft, observed = true): NudgeDraft => ({
    ...d,
    redFlags: { F1: { observed }, F2: { observed: false } },
  });
  const RED_FLAG_STRONG_YES =
    "You recommend Strong yes, but you ticked a red flag on this scorecard, and a red flag makes the recommendation No hire.";

  it("a red flag, a 2 and Strong yes: nudged for the red flag (one contradiction nudge)", () => {
    const nudges = scorecardNudges(flagged(draft({ A: 2 }, "strong-yes")), DIMS);
    expect(nudges.map((n) => n.message)).toEqual([RED_FLAG_STRONG_YES]);
  });

  it("a red flag with Yes is nudged even when the ratings alone would back it, or nothing is rated", () => {
    expect(contradiction(flagged(draft({ A: 5, B: 5, C: 4 }, "yes")))?.message).toBe(
      "You recommend Yes, but you ticked a red flag on this scorecard, and a red flag makes the recommendation No hire.",
    );
    expect(contradiction(flagged(draft({}, "strong-yes")))).toMatchObject({
      score: null,
      message: RED_FLAG_STRONG_YES,
    });
  });

  it("a red flag with No or Strong no is consistent, however high the ratings", () => {
    // without the flag, (40·5 + 30·5 + 20·4) / 90 = 4.78 with No is the Strong hire nudge
    expect(contradiction(draft({ A: 5, B: 5, C: 4 }, "no"))).toBeDefined();
    expect(contradiction(flagged(draft({ A: 5, B: 5, C: 4 }, "no")))).toBeUndefined();
    expect(contradiction(flagged(draft({ A: 5, B: 5, C: 4 }, "strong-no")))).toBeUndefined();
  });

  it("a red flag listed but not ticked changes nothing; No decision is never nudged", () => {
    expect(contradiction(flagged(draft({ A: 5, B: 5, C: 4 }, "no"), false))).toBeDefined();
    expect(contradiction(flagged(draft({ A: 4, B: 4 }, "yes"), false))).toBeUndefined();
    expect(contradiction(flagged(draft({ A: 1 }, "no-decision")))).toBeUndefined();
  });
});
