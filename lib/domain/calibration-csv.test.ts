import { describe, expect, it } from "vitest";
import { calibrationCsvRows, type CsvInterviewer } from "./calibration-csv";
import { interviewerStats } from "./calibration-stats";

// Two scorecards by "a", submitted 2.25 and 5 hours after the interview ended: ratings 2 and 4 on
// one dimension, then Not assessed; one No decision, one red flag.
const end = new Date("2026-03-02T10:00:00Z");
const stats = interviewerStats([
  {
    raterId: "a",
    interviewEnd: end,
    submittedAt: new Date(end.getTime() + 2.25 * 3_600_000),
    recommendation: "no-decision",
    redFlags: 1,
    ratings: [
      { dimensionKey: "d1", rating: 2 },
      { dimensionKey: "d2", rating: null },
    ],
  },
  {
    raterId: "a",
    interviewEnd: end,
    submittedAt: new Date(end.getTime() + 5 * 3_600_000),
    recommendation: "yes",
    redFlags: 0,
    ratings: [{ dimensionKey: "d1", rating: 4 }],
  },
]).get("a")!;
const leniency = { raterId: "a", shared: 12, meanDiff: 0.456, low: 0.1234, high: 0.789, offset: 0.4, enough: true };
const row = (change: Partial<CsvInterviewer> = {}): CsvInterviewer => ({
  name: "Ada",
  stats,
  leniency,
  flags: [
    { kind: "lenient", text: "Rates higher." },
    { kind: "slow", text: "Slow." },
  ],
  // 7 of 9: Wilson 95% 45.3–93.7% (lib/domain/decision-feedback.test.ts)
  decisions: { agreed: 7, n: 9, rate: 7 / 9, low: 0.45258, high: 0.93676 },
  ...change,
});

describe("calibrationCsvRows", () => {
  it("writes one row per interviewer under the header, rounded as the page shows", () => {
    const { header, body } = calibrationCsvRows([row()]);
    expect(header).toHaveLength(25);
    expect(body).toEqual([
      [
        "Ada",
        ...[2, 3.6, 4.7, 0, 12, 0.46, 0.12, 0.79, 3, 0, 1, 0, 1, 0, 1, 3, 33.3, 50, 50],
        ...[9, 7, 45.3, 93.7],
        "Rates higher. Slow.",
      ],
    ]);
    expect(body[0]).toHaveLength(header.length);
  });

  it("leaves the leniency columns empty below the minimum of shared ratings, but counts the shared ratings", () => {
    const [cells] = calibrationCsvRows([row({ leniency: { ...leniency, shared: 4, enough: false } })]).body;
    expect(cells.slice(5, 9)).toEqual([4, null, null, null]);
  });

  it("keeps the order given", () => {
    expect(calibrationCsvRows([row({ name: "B" }), row({ name: "A" })]).body.map((r) => r[0])).toEqual(["B", "A"]);
  });
});
