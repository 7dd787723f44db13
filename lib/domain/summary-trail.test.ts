import { describe, expect, it } from "vitest";
import { summaryTrail } from "./summary-trail";

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
