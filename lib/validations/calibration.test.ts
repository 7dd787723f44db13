import { describe, expect, it } from "vitest";
import { calibrationFilters, calibrationSearch, parseCalibrationQuery } from "./calibration";

describe("calibration query", () => {
  it("defaults, and falls back to them for anything unknown", () => {
    expect(parseCalibrationQuery({})).toEqual({ role: undefined, period: "all", sort: "flags", dir: undefined });
    expect(parseCalibrationQuery({ role: "Not A Slug!", period: "30", sort: "evil", dir: "up" })).toEqual({
      role: undefined,
      period: "all",
      sort: "flags",
      dir: undefined,
    });
  });
  it("reads a role, a period, a sort; the first of repeated params", () => {
    const q = parseCalibrationQuery({
      role: ["lead-ai-platform-engineer", "x"],
      period: "90",
      sort: "leniency",
      dir: "asc",
    });
    expect(q).toEqual({ role: "lead-ai-platform-engineer", period: "90", sort: "leniency", dir: "asc" });
    expect(calibrationFilters(q)).toEqual({ roleSlug: "lead-ai-platform-engineer", sinceDays: 90 });
    expect(calibrationFilters(parseCalibrationQuery({}))).toEqual({ roleSlug: undefined, sinceDays: undefined });
    expect(calibrationSearch(q)).toBe("?role=lead-ai-platform-engineer&period=90&sort=leniency&dir=asc");
    expect(calibrationSearch(parseCalibrationQuery({}))).toBe("");
  });
});
