import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and leaves plain values alone", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('He said "fine", then left')).toBe('"He said ""fine"", then left"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(3.25)).toBe("3.25");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
  it("defuses cells a spreadsheet would run as formulas, but not negative numbers", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1 cmd")).toBe("'+1 cmd");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe("-2");
  });
  it("writes a BOM, a header and CRLF rows", () => {
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });
  it("makes safe file names", () => {
    expect(csvFileName("Elena Petrova", "ratings")).toBe("elena-petrova-ratings.csv");
    expect(csvFileName("Lead AI — ML Platform", "candidates")).toBe("lead-ai-ml-platform-candidates.csv");
  });
});
