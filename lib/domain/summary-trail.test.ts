import { describe, expect, it } from "vitest";
import { summaryTrail, summaryViewHref } from "./summary-trail";

const opening = { id: "op1", title: "Lead" };
const labels = (from: unknown, canSearch = true) => summaryTrail(from, opening, canSearch).map((c) => c.label);

describe("summaryTrail", () => {
  it("follows where the reader came from", () => {
    expect(labels("opening")).toEqual(["Openings", "Lead"]);
    expect(labels("compare")).toEqual(["Openings", "Lead", "Compare"]);
    expect(labels("candidates")).toEqual(["Find a candidate"]);
    expect(summaryTrail("compare", opening, true).at(-1)!.href).toBe("/openings/op1/compare");
  });
  it("anything else is the opening's list, never an address taken from the URL", () => {
    for (const from of [undefined, "", "https://evil.example", "//evil.example", ["compare"], "COMPARE"])
      expect(summaryTrail(from, opening, true).map((c) => c.href)).toEqual(["/openings", "/openings/op1"]);
  });
  it("the search only for those who may search", () => {
    expect(labels("candidates", false)).toEqual(["Openings", "Lead"]);
  });
});

describe("summaryViewHref", () => {
  it("switching between raw and calibrated keeps a known trail", () => {
    expect(summaryViewHref("c1", "calibrated", "compare")).toBe("/candidates/c1?view=calibrated&from=compare");
    expect(summaryViewHref("c1", "raw", "candidates")).toBe("/candidates/c1?view=raw&from=candidates");
  });
  it("and drops anything else", () => {
    for (const from of [undefined, "", "https://evil.example", "x&y=1", ["compare"]])
      expect(summaryViewHref("c1", "raw", from)).toBe("/candidates/c1?view=raw");
  });
});
