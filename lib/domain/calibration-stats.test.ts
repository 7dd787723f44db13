import { describe, expect, it } from "vitest";
import {
  calibrationFlags,
  formatHours,
  formatShare,
  formatSigned,
  interviewerStats,
  MIN_SCORECARDS_FOR_FLAGS,
  quantile,
  sortInterviewers,
  turnaroundHours,
  type StatsScorecard,
} from "./calibration-stats";

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

/** A scorecard by `raterId` submitted `hours` after an interview that ended at T0. */
function card(
  raterId: string,
  hours: number,
  ratings: [string, number | null][] = [],
  extra: Partial<StatsScorecard> = {},
): StatsScorecard {
  return {
    raterId,
    interviewEnd: T0,
    submittedAt: at(hours),
    recommendation: "yes",
    redFlags: 0,
    ratings: ratings.map(([dimensionKey, rating]) => ({ dimensionKey, rating })),
    ...extra,
  };
}

describe("quantile (linear between closest ranks)", () => {
  it("matches hand-computed medians and 90th percentiles", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    // 1, 2, 3, 10: median between 2 and 3; p90 at position 0.9 × 3 = 2.7 → 3 + 0.7 × (10 − 3)
    expect(quantile([10, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 1, 3, 2], 0.9)).toBeCloseTo(7.9, 12);
    // 1..10: p90 at position 8.1 → 9 + 0.1 × 1
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
  });
});

describe("turnaround", () => {
  it("is hours from the interview's scheduled end to submission, never negative", () => {
    expect(turnaroundHours({ interviewEnd: T0, submittedAt: at(5.5) })).toBe(5.5);
    expect(turnaroundHours({ interviewEnd: T0, submittedAt: at(-0.25) })).toBe(0);
  });

  it("median and p90 over an interviewer's scorecards; early submissions count as 0 and are counted", () => {
    const s = interviewerStats([card("a", 2), card("a", -1), card("a", 30), card("a", 4), card("a", 100)]).get("a")!;
    // hours 0 (early), 2, 4, 30, 100: median 4; p90 at position 3.6 → 30 + 0.6 × 70 = 72
    expect(s.turnaround).toEqual({ count: 5, medianHours: 4, p90Hours: expect.closeTo(72, 9), early: 1 });
  });
});

describe("interviewerStats", () => {
  const cards: StatsScorecard[] = [
    card(
      "a",
      1,
      [
        ["arch", 4],
        ["comms", 3],
        ["sec", null],
      ],
      { recommendation: "yes" },
    ),
    card(
      "a",
      2,
      [
        ["arch", 5],
        ["comms", null],
      ],
      { recommendation: "no-decision", redFlags: 2 },
    ),
    card(
      "a",
      3,
      [
        ["arch", 4],
        ["sec", 2],
      ],
      { recommendation: "strong-yes" },
    ),
    card("a", 4, [["arch", 1]], { recommendation: "no-decision" }),
    card("b", 10, [["arch", 3]], { recommendation: "no" }),
  ];
  const stats = interviewerStats(cards);

  it("counts each interviewer's submitted scorecards apart", () => {
    expect([...stats.keys()]).toEqual(["a", "b"]);
    expect(stats.get("a")!.submitted).toBe(4);
    expect(stats.get("b")!.submitted).toBe(1);
  });

  it("distributes ratings 1–5 and Not assessed, overall and per dimension", () => {
    const a = stats.get("a")!;
    // a's rows: arch 4, 5, 4, 1; comms 3, NA; sec NA, 2 → 1:1, 2:1, 3:1, 4:2, 5:1, NA 2, total 8
    expect(a.overall).toEqual({ counts: [1, 1, 1, 2, 1], notAssessed: 2, total: 8 });
    expect(a.byDimension).toEqual([
      { dimensionKey: "arch", distribution: { counts: [1, 0, 0, 2, 1], notAssessed: 0, total: 4 } },
      { dimensionKey: "comms", distribution: { counts: [0, 0, 1, 0, 0], notAssessed: 1, total: 2 } },
      { dimensionKey: "sec", distribution: { counts: [0, 1, 0, 0, 0], notAssessed: 1, total: 2 } },
    ]);
    // mean of 4, 5, 4, 1, 3, 2 = 19 / 6; Not assessed is never a low score
    expect(a.meanRating).toBeCloseTo(19 / 6, 12);
  });

  it("shares: Not assessed of rating rows, No decision and red flags of scorecards", () => {
    const a = stats.get("a")!;
    expect(a.notAssessedShare).toBe(2 / 8);
    expect(a.noDecisionShare).toBe(2 / 4);
    expect(a.redFlagShare).toBe(1 / 4); // one scorecard with two flags counts once
    const b = stats.get("b")!;
    expect([b.notAssessedShare, b.noDecisionShare, b.redFlagShare]).toEqual([0, 0, 0]);
  });

  it("ignores values off the scale, and has no shares without rows", () => {
    const s = interviewerStats([
      card("c", 1, [
        ["x", 7],
        ["x", 0],
      ]),
    ]).get("c")!;
    expect(s.overall.total).toBe(0);
    expect(s.byDimension).toEqual([]);
    expect(s.notAssessedShare).toBeNull();
    expect(s.meanRating).toBeNull();
  });
});

describe("calibrationFlags", () => {
  const many = (n: number, make: (i: number) => StatsScorecard) => Array.from({ length: n }, (_, i) => make(i));
  const quiet = interviewerStats(
    many(6, (i) =>
      card("q", 3 + i, [
        ["arch", 3],
        ["comms", 4],
      ]),
    ),
  ).get("q")!;
  const noBand = { enough: false, meanDiff: 0.9, low: 0.6, high: 1.2 };

  it("none for a quiet interviewer", () => {
    expect(calibrationFlags(quiet, { enough: true, meanDiff: 0.3, low: -0.1, high: 0.7 })).toEqual([]);
  });

  it("leniency only when the whole band is beyond ±0.5 and there are enough shared ratings", () => {
    expect(calibrationFlags(quiet, { enough: true, meanDiff: 0.9, low: 0.55, high: 1.25 })).toEqual([
      { kind: "lenient", text: "Rates higher than co-panelists: +0.90 points on average (95% band +0.55 to +1.25)." },
    ]);
    expect(calibrationFlags(quiet, { enough: true, meanDiff: -0.8, low: -1.1, high: -0.51 })[0]).toMatchObject({
      kind: "severe",
      text: expect.stringContaining("−0.80"),
    });
    expect(calibrationFlags(quiet, { enough: true, meanDiff: 0.9, low: 0.5, high: 1.3 })).toEqual([]); // touches +0.5
    expect(calibrationFlags(quiet, noBand)).toEqual([]);
    expect(calibrationFlags(quiet, null)).toEqual([]);
  });

  it("Not assessed and No decision above 30%, median turnaround over 2 days", () => {
    // 6 scorecards, 3 rows each, 6 of 18 Not assessed would be 33% > 30%
    const s = interviewerStats(
      many(6, (i) =>
        card(
          "s",
          49 + i,
          [
            ["arch", 3],
            ["comms", i % 3 === 0 ? null : 4],
            ["sec", i % 3 === 1 ? null : 2],
          ],
          { recommendation: i < 2 ? "no-decision" : "yes" },
        ),
      ),
    ).get("s")!;
    expect(s.notAssessedShare).toBeCloseTo(4 / 18, 12); // 22%: under
    expect(s.noDecisionShare).toBeCloseTo(2 / 6, 12); // 33%: over
    expect(calibrationFlags(s).map((f) => f.kind)).toEqual(["no-decision", "slow"]);
    expect(calibrationFlags(s)[0].text).toBe("Gives No decision on 33% of scorecards (2 of 6).");
    // median of 49..54 h = 51.5 h = 2.1 days
    expect(calibrationFlags(s)[1].text).toContain("2.1 days");

    const na = interviewerStats(
      many(5, (i) =>
        card("n", 1, [
          ["arch", 3],
          ["comms", i < 2 ? null : 3],
        ]),
      ),
    ).get("n")!;
    expect(na.notAssessedShare).toBe(2 / 10); // 20%: under
    const na2 = interviewerStats(
      many(5, () =>
        card("n", 1, [
          ["arch", 3],
          ["comms", null],
        ]),
      ),
    ).get("n")!;
    expect(calibrationFlags(na2)).toEqual([
      { kind: "not-assessed", text: "Marks 50% of dimensions Not assessed (5 of 10)." },
    ]);
  });

  it("share and turnaround reasons wait for enough scorecards; exactly 30% or 2 days is not over", () => {
    const few = interviewerStats(
      many(MIN_SCORECARDS_FOR_FLAGS - 1, () => card("f", 200, [["arch", null]], { recommendation: "no-decision" })),
    ).get("f")!;
    expect(calibrationFlags(few)).toEqual([]);
    expect(calibrationFlags(few, { enough: true, meanDiff: 1, low: 0.7, high: 1.3 }).map((f) => f.kind)).toEqual([
      "lenient",
    ]);
    const edge = interviewerStats(
      many(10, (i) => card("e", 48, [["arch", i < 3 ? null : 3]], { recommendation: i < 3 ? "no-decision" : "yes" })),
    ).get("e")!;
    expect([edge.notAssessedShare, edge.noDecisionShare, edge.turnaround.medianHours]).toEqual([0.3, 0.3, 48]);
    expect(calibrationFlags(edge)).toEqual([]);
  });
});

describe("formatting", () => {
  it("signed points, shares and hours", () => {
    expect([formatSigned(0.615), formatSigned(-0.4), formatSigned(0.001), formatSigned(-0.004)]).toEqual([
      "+0.62",
      "−0.40",
      "0.00",
      "0.00",
    ]);
    expect([formatShare(null), formatShare(0.305), formatShare(1)]).toEqual(["—", "31%", "100%"]);
    expect([formatHours(null), formatHours(5.54), formatHours(30.4), formatHours(47.9), formatHours(60)]).toEqual([
      "—",
      "5.5 h",
      "30 h",
      "48 h",
      "2.5 days",
    ]);
  });
});

describe("sortInterviewers", () => {
  const row = (name: string, submitted: number, meanDiff: number | null, flags: number, hours: number) => ({
    name,
    stats: { ...interviewerStats([card(name, hours)]).get(name)!, submitted },
    leniency: meanDiff === null ? null : { enough: true, meanDiff, low: meanDiff - 0.2, high: meanDiff + 0.2 },
    flags: Array.from({ length: flags }, () => ({ kind: "slow" as const, text: "" })),
  });
  const rows = [
    row("dana", 3, -0.9, 1, 5),
    row("ali", 8, null, 0, 50),
    row("Cho", 5, 0.4, 1, 1),
    row("bea", 8, 0.1, 0, 2),
  ];
  const names = (xs: { name: string }[]) => xs.map((x) => x.name);

  it("by reasons first (then the larger leniency either way), by default", () => {
    expect(names(sortInterviewers(rows, "flags"))).toEqual(["dana", "Cho", "bea", "ali"]);
  });
  it("by name, case aside; by a number, ties by name; missing values last in both directions", () => {
    expect(names(sortInterviewers(rows, "name"))).toEqual(["ali", "bea", "Cho", "dana"]);
    expect(names(sortInterviewers(rows, "name", "desc"))).toEqual(["dana", "Cho", "bea", "ali"]);
    expect(names(sortInterviewers(rows, "submitted"))).toEqual(["ali", "bea", "Cho", "dana"]);
    expect(names(sortInterviewers(rows, "leniency"))).toEqual(["Cho", "bea", "dana", "ali"]);
    expect(names(sortInterviewers(rows, "leniency", "asc"))).toEqual(["dana", "bea", "Cho", "ali"]);
    expect(names(sortInterviewers(rows, "turnaround"))).toEqual(["ali", "dana", "bea", "Cho"]);
  });
});
