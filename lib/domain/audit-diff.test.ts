import { describe, expect, it } from "vitest";
import { changedFields, showValue } from "./audit-diff";

describe("changedFields", () => {
  it("lists only the keys whose values differ, old keys first then new ones", () => {
    const before = JSON.stringify({ name: "Sam", roles: ["interviewer"], active: true });
    const after = JSON.stringify({ name: "Sam", roles: ["interviewer", "recruiter"], active: false, note: "x" });
    expect(changedFields(before, after)).toEqual([
      { key: "roles", before: ["interviewer"], after: ["interviewer", "recruiter"] },
      { key: "active", before: true, after: false },
      { key: "note", before: undefined, after: "x" },
    ]);
  });
  it("treats a creation (no before) as every after key changed, and a removal the other way", () => {
    expect(changedFields(null, JSON.stringify({ a: 1 }))).toEqual([{ key: "a", before: undefined, after: 1 }]);
    expect(changedFields(JSON.stringify({ a: 1 }), null)).toEqual([{ key: "a", before: 1, after: undefined }]);
    expect(changedFields(null, null)).toEqual([]);
  });
  it("compares non-object snapshots as one value and tolerates text that is not JSON", () => {
    expect(changedFields("3", "4")).toEqual([{ key: "value", before: 3, after: 4 }]);
    expect(changedFields("not json", "not json")).toEqual([]);
    expect(changedFields(JSON.stringify([1]), JSON.stringify([1, 2]))).toEqual([
      { key: "value", before: [1], after: [1, 2] },
    ]);
  });
  it("shows values on one line, shortened", () => {
    expect(showValue(undefined)).toBe("—");
    expect(showValue("abc")).toBe("abc");
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(showValue("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
