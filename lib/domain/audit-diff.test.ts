import { describe, expect, it } from "vitest";
import { changedFields, fieldLabel, readableChanges, referencedIds, showValue } from "./audit-diff";

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

describe("readableChanges", () => {
  const names = new Map([
    ["dim1", "System design"],
    ["dim2", "Communication"],
    ["rf1", "Blames others"],
    ["int1", "Interview: Nadia Hassan · Design review"],
    ["u1", "Sam Patel"],
  ]);
  it("compares ratings dimension by dimension, by name, with the scale's words", () => {
    const before = JSON.stringify({
      version: 3,
      ratings: [
        { dimensionId: "dim1", rating: 3, notAssessed: false, evidence: "ok" },
        { dimensionId: "dim2", rating: 4, notAssessed: false, evidence: "clear" },
      ],
    });
    const after = JSON.stringify({
      version: 4,
      reason: "typo",
      ratings: [
        { dimensionId: "dim1", rating: 4, notAssessed: false, evidence: "ok" },
        { dimensionId: "dim2", rating: 4, notAssessed: false, evidence: "very clear" },
      ],
    });
    expect(readableChanges(before, after, names)).toEqual([
      { label: "Version", before: "3", after: "4" },
      { label: "Rating · System design", before: "3 Meets bar", after: "4 Exceeds bar" },
      { label: "Rating · Communication · evidence", before: "clear", after: "very clear" },
      { label: "Reason", before: undefined, after: "typo" },
    ]);
  });
  it("shows ids as names, a red flag raised, roles and yes/no in words; unknown ids stay as they are", () => {
    const after = JSON.stringify({
      interviewId: "int1",
      interviewerId: "u9",
      redFlags: [{ redFlagId: "rf1", note: "said so" }],
      roles: ["interviewer", "hiring-manager"],
      active: false,
      focus: ["dim2"],
    });
    expect(readableChanges(null, after, names)).toEqual([
      { label: "Interview", before: undefined, after: "Interview: Nadia Hassan · Design review" },
      { label: "Interviewer", before: undefined, after: "u9" },
      { label: "Red flag · Blames others · note", before: undefined, after: "said so" },
      { label: "Roles", before: undefined, after: "Interviewer, Hiring manager" },
      { label: "Active", before: undefined, after: "no" },
      { label: "Focus", before: undefined, after: "Communication" },
    ]);
  });
  it("shows a rating and its not-assessed mark as one answer", () => {
    const before = JSON.stringify({ ratings: [{ dimensionId: "dim1", rating: 2, notAssessed: false, evidence: "" }] });
    const after = JSON.stringify({ ratings: [{ dimensionId: "dim1", rating: null, notAssessed: true, evidence: "" }] });
    expect(readableChanges(before, after, names)).toEqual([
      { label: "Rating · System design", before: "2 Below bar", after: "Not assessed" },
    ]);
  });
  it("collects the ids a snapshot refers to, nested or in lists", () => {
    const after = JSON.stringify({
      interviewId: "int1",
      focus: ["dim2"],
      ratings: [{ dimensionId: "dim1" }],
      note: "x",
    });
    expect(referencedIds(null, after).sort()).toEqual(["dim1", "dim2", "int1"]);
    expect(referencedIds("not json", null)).toEqual([]);
  });
  it("labels fields in words", () => {
    expect(fieldLabel("computedRecommendation")).toBe("Computed recommendation");
    expect(fieldLabel("candidateId")).toBe("Candidate");
    expect(fieldLabel("id")).toBe("Record");
  });
});
