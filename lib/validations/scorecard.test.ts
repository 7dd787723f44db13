import { describe, expect, it } from "vitest";
import { PROTOTYPE_KEY_MESSAGE } from "../domain/request-boundary";
import { parseInput, ValidationError } from "../errors";
import {
  emptyValues,
  fieldErrors,
  draftSchemaFor,
  MESSAGES,
  scorecardValuesSchema,
  submitSchemaFor,
  type ScorecardKit,
  type ScorecardValues,
} from "./scorecard";

const kit: ScorecardKit = {
  dimensionIds: ["d1", "d2", "d3"],
  focusDimensionIds: ["d1", "d2"],
  redFlagIds: ["f1", "f2"],
};

function complete(): ScorecardValues {
  const v = emptyValues(kit);
  v.ratings.d1 = { score: "4", evidence: "Designed it well" };
  v.ratings.d2 = { score: "na", evidence: "" };
  v.keyTakeaways = "Strong designer";
  v.recommendation = "yes";
  return v;
}
const errorsOf = (v: unknown) => {
  const r = submitSchemaFor(kit).safeParse(v);
  return r.success ? {} : fieldErrors(r.error);
};

describe("scorecard submit rules", () => {
  it("accept a complete scorecard, with Not assessed on a focus dimension and nothing on the others", () => {
    expect(errorsOf(complete())).toEqual({});
  });
  it("name every focus dimension left unrated", () => {
    const v = complete();
    v.ratings.d1.score = "";
    v.ratings.d2.score = "";
    const e = errorsOf(v);
    expect(e["ratings.d1.score"]).toBe(MESSAGES.focusUnrated);
    expect(e["ratings.d2.score"]).toBe(MESSAGES.focusUnrated);
    expect(e["ratings.d3.score"]).toBeUndefined();
  });
  it("require a recommendation; No decision counts as one", () => {
    const v = complete();
    v.recommendation = "";
    expect(errorsOf(v)).toEqual({ recommendation: MESSAGES.noRecommendation });
    v.recommendation = "no-decision";
    expect(errorsOf(v)).toEqual({});
  });
  it("require a note for each ticked red flag", () => {
    const v = complete();
    v.redFlags.f2 = { observed: true, note: "   " };
    v.redFlags.f1 = { observed: false, note: "" };
    expect(errorsOf(v)).toEqual({ "redFlags.f2.note": MESSAGES.flagNote });
  });
  it("require key take-aways and at least one 1–5 rating", () => {
    const v = complete();
    v.keyTakeaways = "";
    v.ratings.d1.score = "na";
    expect(errorsOf(v)).toEqual({ keyTakeaways: MESSAGES.noTakeaways, ratings: MESSAGES.noRating });
  });
  it("refuse dimensions and red flags that are not in the template", () => {
    const v = complete();
    v.ratings.other = { score: "3", evidence: "" };
    v.redFlags.nope = { observed: true, note: "x" };
    const e = errorsOf(v);
    expect(e["ratings.other.score"]).toBe(MESSAGES.unknownDimension);
    expect(e["redFlags.nope.observed"]).toBe(MESSAGES.unknownRedFlag);
  });
  it("refuse a prototype key as a dimension or red-flag id, as JSON.parse makes it (an own key), by its path", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const v = JSON.parse(
        JSON.stringify(complete()).replace('"ratings":{', `"ratings":{"${key}":{"score":"1","evidence":""},`),
      );
      expect(Object.keys(v.ratings)).toContain(key);
      for (const schema of [draftSchemaFor(kit), submitSchemaFor(kit)]) {
        const e = (() => {
          try {
            parseInput(schema, v);
          } catch (error) {
            return error;
          }
        })();
        expect(e, key).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).fieldErrors[`ratings.${key}`]).toEqual([PROTOTYPE_KEY_MESSAGE]);
      }
    }
  });
  it("refuse wrong types, unknown scores, oversized text and extra fields", () => {
    expect(scorecardValuesSchema.safeParse({ ...complete(), extra: 1 }).success).toBe(false);
    expect(
      scorecardValuesSchema.safeParse({ ...complete(), ratings: { d1: { score: 4, evidence: "" } } }).success,
    ).toBe(false);
    expect(
      scorecardValuesSchema.safeParse({ ...complete(), ratings: { d1: { score: "6", evidence: "" } } }).success,
    ).toBe(false);
    expect(scorecardValuesSchema.safeParse({ ...complete(), keyTakeaways: "x".repeat(10_001) }).success).toBe(false);
    expect(scorecardValuesSchema.safeParse({ ...complete(), recommendation: "maybe" }).success).toBe(false);
  });
});
