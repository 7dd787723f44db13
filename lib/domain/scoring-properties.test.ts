// Properties of the score that must hold for any template and scorecards (fast-check); the
// hand-computed cases are in scoring.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexedTemplate, scorecard } from "../../tests/support/builders";
import { recommendationRank, scoreCandidate, type ScoringTemplate } from "./scoring";
import type { OverallRecommendation } from "./vocabulary";

const templateArb = fc.integer({ min: 1, max: 8 }).chain((dims) =>
  fc
    .record({
      weights: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: dims, maxLength: dims }),
      flags: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ weights, flags }): ScoringTemplate => {
      const total = weights.reduce((a, b) => a + b, 0);
      return {
        ...indexedTemplate(
          weights.map((w) => (w * 100) / total),
          "edited",
        ),
        exercises: [{ id: "e0", title: "E0", dimensionIds: weights.map((_, i) => `d${i}`) }],
        redFlags: Array.from({ length: flags }, (_, i) => ({ id: `f${i}`, text: `F${i}` })),
      };
    }),
);

const recArb = fc.constantFrom<OverallRecommendation | null>(
  "strong-no",
  "no",
  "yes",
  "strong-yes",
  "no-decision",
  null,
);

function scorecardsArb(t: ScoringTemplate) {
  const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 });
  return fc
    .array(
      fc.record({
        ratings: fc.array(fc.tuple(fc.constantFrom(...t.dimensions.map((d) => d.id)), rating), {
          maxLength: t.dimensions.length,
        }),
        flags: t.redFlags.length ? fc.subarray(t.redFlags.map((f) => f.id)) : fc.constant([] as string[]),
        recommendation: recArb,
        status: fc.constantFrom("submitted", "submitted", "submitted", "draft"),
      }),
      { maxLength: 6 },
    )
    .map((cards) =>
      cards.map((c, i) =>
        // one rating per dimension per scorecard, as the database guarantees
        scorecard(Object.fromEntries(new Map(c.ratings)), {
          id: `s${i}`,
          status: c.status,
          interviewerId: `u${i}`,
          interviewerName: `U${i}`,
          recommendation: c.recommendation,
          redFlags: c.flags.map((redFlagId) => ({ redFlagId, note: "n" })),
        }),
      ),
    );
}

const caseArb = templateArb.chain((t) => scorecardsArb(t).map((cards) => ({ t, cards })));

describe("scoreCandidate: properties", () => {
  it("the score stays within 1–5 and coverage within 0–1", () => {
    fc.assert(
      fc.property(caseArb, ({ t, cards }) => {
        const r = scoreCandidate(t, cards);
        if (r.score !== null) expect(r.score >= 1 - 1e-9 && r.score <= 5 + 1e-9).toBe(true);
        expect(r.coverage >= 0 && r.coverage <= 1 + 1e-9).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("the result does not depend on the order of the scorecards", () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc
            .shuffledSubarray(c.cards, { minLength: c.cards.length, maxLength: c.cards.length })
            .map((shuffled) => ({ ...c, shuffled })),
        ),
        ({ t, cards, shuffled }) => {
          const a = scoreCandidate(t, cards);
          const b = scoreCandidate(t, shuffled);
          expect(b.score).toBe(a.score);
          expect(b.coverage).toBe(a.coverage);
          expect(b.recommendation).toBe(a.recommendation);
          expect(b.split.isSplit).toBe(a.split.isSplit);
          expect(b.dimensions.map((d) => [d.mean, d.count, d.spread])).toEqual(
            a.dimensions.map((d) => [d.mean, d.count, d.spread]),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("raising one rating never lowers the score (nor the recommendation)", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ t, cards }, pick) => {
        const spots = cards.flatMap((c, ci) =>
          c.ratings.map((r, ri) => ({ ci, ri, r })).filter((s) => s.r.rating !== null && s.r.rating < 5),
        );
        if (!spots.length) return;
        const { ci, ri } = spots[pick % spots.length];
        const raised = cards.map((c, i) =>
          i !== ci ? c : { ...c, ratings: c.ratings.map((r, j) => (j === ri ? { ...r, rating: r.rating! + 1 } : r)) },
        );
        const before = scoreCandidate(t, cards);
        const after = scoreCandidate(t, raised);
        if (before.score === null) return;
        expect(after.score!).toBeGreaterThanOrEqual(before.score);
        const [rb, ra] = [recommendationRank(before.recommendation), recommendationRank(after.recommendation)];
        if (rb !== null && ra !== null) expect(ra).toBeGreaterThanOrEqual(rb);
      }),
      { numRuns: 500 },
    );
  });

  it("a red flag never improves the recommendation", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ t, cards }, pick) => {
        const submitted = cards.map((c, i) => ({ c, i })).filter((x) => x.c.status === "submitted");
        if (!t.redFlags.length || !submitted.length) return;
        const { i } = submitted[pick % submitted.length];
        const flag = t.redFlags[pick % t.redFlags.length].id;
        const flagged = cards.map((c, j) =>
          j !== i || c.redFlags.some((f) => f.redFlagId === flag)
            ? c
            : { ...c, redFlags: [...c.redFlags, { redFlagId: flag, note: "seen" }] },
        );
        const before = scoreCandidate(t, cards);
        const after = scoreCandidate(t, flagged);
        if (before.recommendation === "insufficient-evidence")
          expect(after.recommendation).toBe("insufficient-evidence");
        else {
          expect(after.recommendation).toBe("no-hire-red-flag");
          expect(recommendationRank(after.recommendation)!).toBeLessThanOrEqual(
            recommendationRank(before.recommendation)!,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the contributions of the rated dimensions add up to the score", () => {
    fc.assert(
      fc.property(caseArb, ({ t, cards }) => {
        const r = scoreCandidate(t, cards);
        if (r.score === null) return;
        const sum = r.dimensions.reduce((s, d) => s + (d.contribution ?? 0), 0);
        expect(Math.abs(sum - r.score)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
