import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../csv";
import { checkInMail } from "./check-in-mail";
import { periodReport } from "./quality-of-hire";
import { QUALITY_OF_HIRE_CSV_HEADER, qualityOfHireCsvRows } from "./quality-of-hire-csv";

describe("the quality-of-hire CSV", () => {
  it("a row per dimension and the overall row; r and its bounds empty below the minimum, rounded above it", () => {
    const cases = Array.from({ length: 12 }, (_, i) => ({
      interview: { a: 1 + (i % 5), b: 3 },
      score: 1 + (i % 5),
      outcome: { a: 1 + ((i * 2) % 5), b: 3 },
      overall: 3,
      wouldHireAgain: true,
    }));
    const report = periodReport(
      90,
      [
        { key: "a", name: '=Design, "quoted"', weight: 60 },
        { key: "b", name: "B", weight: 40 },
      ],
      cases,
    );
    const rows = parse(toCsv(QUALITY_OF_HIRE_CSV_HEADER, qualityOfHireCsvRows([report])), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => r.measure)).toEqual(['\'=Design, "quoted"', "B", "Weighted score vs overall rating"]);
    const a = report.dimensions[0].correlation;
    expect(a.shown).toBe(true);
    expect(rows[0]).toMatchObject({ period_days: "90", weight: "60", n: "12", n_needed: "10", check_ins: "12" });
    expect(Number(rows[0].r)).toBeCloseTo(a.shown ? a.r : NaN, 4);
    // B does not vary: no r; overall does not vary either
    expect(rows[1]).toMatchObject({ n: "12", r: "", ci95_low: "", ci95_high: "" });
    expect(rows[2]).toMatchObject({ weight: "", r: "", suggested_weight: "" });
  });
});

describe("the check-in e-mail", () => {
  it("names the hire, the period and the link, with markup escaped", () => {
    const m = checkInMail({
      baseUrl: "https://scorecards.example.com",
      candidateId: "c1",
      managerName: "Jordan <b>",
      candidateName: "Ada & Co",
      openingTitle: "Platform",
      periodDays: 90,
    });
    expect(m.subject).toBe("90-day check-in: how is Ada & Co doing? — Platform");
    expect(m.text).toContain("Fill it in: https://scorecards.example.com/candidates/c1/check-in/90\n");
    expect(m.html).toContain('<a href="https://scorecards.example.com/candidates/c1/check-in/90">');
    expect(m.html).toContain("Jordan &lt;b&gt;");
    expect(m.html).not.toContain("<b>");
  });
});
