import { describe, expect, it } from "vitest";
import { changedFields, showValue } from "@/lib/domain/audit-diff";
import { auditFilterSchema } from "@/lib/validations/audit";

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

describe("auditFilterSchema", () => {
  it("drops empty fields and coerces the page", () => {
    expect(auditFilterSchema.parse({ action: "", actor: "u1", page: "3" })).toEqual({ actor: "u1", page: 3 });
  });
  it("refuses malformed dates and a range that runs backwards", () => {
    expect(auditFilterSchema.safeParse({ from: "23/11/2026" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "2026-02-31" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "2026-02-28" }).success).toBe(true);
    const r = auditFilterSchema.safeParse({ from: "2026-11-23", to: "2026-11-01" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["to"]);
  });
});
