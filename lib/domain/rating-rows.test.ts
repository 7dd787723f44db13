import { describe, expect, it } from "vitest";
import { countsAsRating, engineRating, engineRatings } from "./rating-rows";

describe("rating rows", () => {
  it("counts a number or Not assessed, never a row with neither", () => {
    expect(countsAsRating({ rating: 3, notAssessed: false })).toBe(true);
    expect(countsAsRating({ rating: null, notAssessed: true })).toBe(true);
    expect(countsAsRating({ rating: null, notAssessed: false })).toBe(false);
  });

  it("reads Not assessed as null, whatever number is stored beside it", () => {
    expect(engineRating({ rating: 4, notAssessed: false })).toBe(4);
    expect(engineRating({ rating: 2, notAssessed: true })).toBeNull();
  });

  it("keeps the counted rows in order, as the engine takes them", () => {
    expect(
      engineRatings([
        { dimensionId: "a", rating: 5, notAssessed: false },
        { dimensionId: "b", rating: null, notAssessed: false },
        { dimensionId: "c", rating: null, notAssessed: true },
      ]),
    ).toEqual([
      { dimensionId: "a", rating: 5 },
      { dimensionId: "c", rating: null },
    ]);
  });
});
