import { describe, expect, it } from "vitest";
import {
  checkInDueAt,
  correlation,
  correlationText,
  duePeriods,
  fisherInterval,
  hiredAt,
  hireWindow,
  MIN_PAIRS,
  openPeriods,
  parseCheckInDays,
  parseWeightsParam,
  pearson,
  periodReport,
  suggestionHref,
  suggestWeights,
  type DimensionRow,
} from "./quality-of-hire";

const at = (iso: string) => new Date(iso);

describe("check-in periods and due dates", () => {
  it("parses the period list", () => {
    expect(parseCheckInDays("90,365")).toEqual([90, 365]);
    expect(parseCheckInDays(" 365 , 90, 90 ")).toEqual([90, 365]);
    for (const bad of ["", "90,", "0", "ninety", "-5", "90;365", "99999", "1.5"])
      expect(parseCheckInDays(bad)).toBeNull();
  });

  it("dates the hire from the first Hire of the current run of Hires", () => {
    const d = (id: string, outcome: string, iso: string) => ({ id, outcome, createdAt: at(iso) });
    expect(hiredAt([])).toBeNull();
    expect(hiredAt([d("a", "hire", "2026-01-01T00:00:00Z"), d("b", "hold", "2026-01-02T00:00:00Z")])).toBeNull();
    // a second Hire (a revised rationale) keeps the first date
    expect(hiredAt([d("b", "hire", "2026-01-05T00:00:00Z"), d("a", "hire", "2026-01-01T00:00:00Z")])).toEqual({
      decisionId: "a",
      at: at("2026-01-01T00:00:00Z"),
    });
    // Hire → Hold → Hire starts again
    expect(
      hiredAt([
        d("a", "hire", "2026-01-01T00:00:00Z"),
        d("b", "hold", "2026-01-02T00:00:00Z"),
        d("c", "hire", "2026-01-03T00:00:00Z"),
      ]),
    ).toEqual({ decisionId: "c", at: at("2026-01-03T00:00:00Z") });
  });

  it("is due at the hire plus the period, not a moment before", () => {
    const hired = at("2026-01-01T10:00:00Z");
    expect(checkInDueAt(hired, 90)).toEqual(at("2026-04-01T10:00:00Z"));
    expect(duePeriods(hired, [90, 365], at("2026-04-01T09:59:59Z"))).toEqual([]);
    expect(duePeriods(hired, [90, 365], at("2026-04-01T10:00:00Z"))).toEqual([90]);
    expect(duePeriods(hired, [90, 365], at("2027-01-01T10:00:00Z"))).toEqual([90, 365]);
  });

  it("reminds within 60 days of the due date only, and reads only the hires that can", () => {
    const hired = at("2026-01-01T10:00:00Z");
    // 90 days → 1 April; its window closes 60 days later, on 31 May
    expect(openPeriods(hired, [90, 365], at("2026-05-31T09:59:59Z"))).toEqual([90]);
    expect(openPeriods(hired, [90, 365], at("2026-05-31T10:00:00Z"))).toEqual([]);
    expect(openPeriods(hired, [90, 365], at("2027-01-01T10:00:00Z"))).toEqual([365]);
    const now = at("2027-01-01T00:00:00Z");
    expect(hireWindow([90, 365], now)).toEqual({
      from: new Date(now.getTime() - 425 * 86_400_000),
      to: new Date(now.getTime() - 90 * 86_400_000),
    });
    expect(hireWindow([], now)).toBeNull();
  });
});

describe("Pearson's r and its Fisher-z interval", () => {
  it("matches hand-computed small data sets", () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6/√60
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });

  it("reproduces the textbook case r = 0.50, n = 50 → [0.2575, 0.6833]", () => {
    // Fisher r-to-z: tanh(atanh(.5) ± 1.96/√47); the worked example "A Confidence Interval for the
    // Correlation Coefficient" (small-s.science) prints 0.2574879 0.6832563 for conf.int.rho(.50, 50),
    // with qnorm(.975) = 1.959964 where the app uses 1.96: the same to four decimals
    const ci = fisherInterval(0.5, 50)!;
    expect(ci.low).toBeCloseTo(0.2574879, 4);
    expect(ci.high).toBeCloseTo(0.6832563, 4);
  });

  it("hand-computed: r = 0.3, n = 10 → z = 0.3095, se = 1/√7 = 0.3780, [−0.4064, 0.7819]", () => {
    const ci = fisherInterval(0.3, 10)!;
    expect(ci.low).toBeCloseTo(Math.tanh(Math.atanh(0.3) - 1.96 / Math.sqrt(7)), 12);
    expect(ci.low).toBeCloseTo(-0.4064, 4);
    expect(ci.high).toBeCloseTo(0.7819, 4);
    expect(fisherInterval(0.3, 3)).toBeNull();
    expect(fisherInterval(1, 12)).toEqual({ low: 1, high: 1 });
  });

  it("shows nothing below the minimum number of pairs, and says how many are needed", () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => [i % 5, (i * 3) % 5] as [number, number]);
    const few = correlation(pairs(MIN_PAIRS - 1));
    expect(few).toEqual({ n: 9, shown: false, needed: 10, reason: "too few pairs" });
    expect(correlationText(few)).toBe("n = 9 of 10 needed");
    expect("r" in few).toBe(false);
    const enough = correlation(pairs(MIN_PAIRS));
    expect(enough.shown).toBe(true);
    const flat = correlation(Array.from({ length: 12 }, (_, i) => [i, 3] as [number, number]));
    expect(flat).toMatchObject({ shown: false, reason: "no variation" });
  });

  it("writes the figure with its interval and n", () => {
    expect(correlationText({ n: 50, shown: true, r: 0.5, low: 0.2574879, high: 0.6832563 })).toBe(
      "r = 0.50 (95% CI 0.26 to 0.68), n = 50",
    );
    expect(correlationText({ n: 12, shown: true, r: -0.2, low: -0.7, high: 0.4 })).toBe(
      "r = −0.20 (95% CI −0.70 to 0.40), n = 12",
    );
  });
});

describe("the period report and the suggested weights", () => {
  const row = (key: string, weight: number, r: number | null, n = 12): DimensionRow => ({
    key,
    name: key.toUpperCase(),
    weight,
    correlation:
      r === null ? { n, shown: false, needed: 10, reason: "too few pairs" } : { n, shown: true, r, low: 0, high: 1 },
  });

  it("pairs only what both sides rated, per dimension and overall", () => {
    const cases = Array.from({ length: 10 }, (_, i) => ({
      interview: { a: 1 + (i % 5), b: i < 3 ? 3 : undefined },
      score: 1 + (i % 5),
      outcome: { a: 1 + (i % 5), b: 4 },
      overall: 5 - (i % 5),
      wouldHireAgain: i % 2 === 0,
    }));
    const r = periodReport(
      90,
      [
        { key: "a", name: "A", weight: 60 },
        { key: "b", name: "B", weight: 40 },
      ],
      cases,
    );
    expect(r).toMatchObject({ periodDays: 90, checkIns: 10, wouldHireAgain: 5 });
    expect(r.dimensions[0].correlation).toMatchObject({ n: 10, shown: true, r: 1 });
    expect(r.dimensions[1].correlation).toMatchObject({ n: 3, shown: false });
    expect(r.overall).toMatchObject({ n: 10, shown: true });
    expect((r.overall as { r: number }).r).toBeCloseTo(-1, 12);
    // A alone qualifies and holds 60: it keeps all 60, B its 40
    expect(r.suggestion!.weights.map((w) => w.suggested)).toEqual([60, 40]);
  });

  it("blends half the current weights with half in proportion to positive r, keeping the total", () => {
    // qualifying: a (r .6, weight 30) and b (r .2, weight 30) share 60: a = 15 + 30·.75 = 37.5, b = 15 + 7.5 = 22.5
    const s = suggestWeights([row("a", 30, 0.6), row("b", 30, 0.2), row("c", 25, -0.3), row("d", 15, null)])!;
    expect(s.weights.map((w) => [w.key, w.current, w.suggested])).toEqual([
      ["a", 30, 37.5],
      ["b", 30, 22.5],
      ["c", 25, 25],
      ["d", 15, 15],
    ]);
    // rounding remainder on the largest: thirds
    const t = suggestWeights([row("a", 50, 0.1), row("b", 25, 0.1), row("c", 25, 0.1)])!;
    const total = t.weights.reduce((x, w) => x + w.suggested, 0);
    expect(Math.round(total * 100) / 100).toBe(100);
    expect(t.weights.map((w) => w.suggested)).toEqual([41.66, 29.17, 29.17]);
  });

  it("suggests nothing without a shown, positive correlation", () => {
    expect(suggestWeights([row("a", 50, -0.1), row("b", 50, null)])).toBeNull();
    expect(
      suggestWeights(
        [row("a", 50, 0), row("b", 50, 0.4, 9)].map((d, i) =>
          i ? { ...d, correlation: { n: 9, shown: false as const, needed: 10, reason: "too few pairs" as const } } : d,
        ),
      ),
    ).toBeNull();
  });
});

describe("carrying a suggestion to the role editor", () => {
  it("accepts n hundredths that sum to 100, nothing else", () => {
    expect(parseWeightsParam("37.5,22.5,25,15", 4)).toEqual([37.5, 22.5, 25, 15]);
    for (const bad of [undefined, "", "50,50", "50,40,10,0.001", "60,30,5,4", "-10,60,25,25", "1e2,0,0,0", "50,50,0,x"])
      expect(parseWeightsParam(bad, 4)).toBeNull();
    expect(
      suggestionHref(
        "lead-ai",
        {
          weights: [
            { key: "a", name: "A", current: 50, suggested: 60.5 },
            { key: "b", name: "B", current: 50, suggested: 39.5 },
          ],
        },
        90,
      ),
    ).toBe("/roles/lead-ai/edit?weights=60.5,39.5&from=90");
  });
});
