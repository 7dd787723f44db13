import { describe, expect, it } from "vitest";
import { axisPercent, symmetricAxis } from "./chart-axis";

describe("symmetricAxis", () => {
  it("keeps ±1.5 when every value fits with room to spare", () => {
    expect(symmetricAxis([0.94, -0.3, 0.2])).toEqual({ extent: 1.5, ticks: [-1.5, -1, -0.5, 0, 0.5, 1, 1.5] });
    expect(symmetricAxis([])).toEqual(symmetricAxis([0]));
  });
  it("grows past the largest value, either side, with a margin: never a mark on the edge", () => {
    expect(symmetricAxis([1.45]).extent).toBe(2);
    expect(symmetricAxis([-1.95]).extent).toBe(3);
    expect(symmetricAxis([2]).extent).toBe(3);
    const { extent, ticks } = symmetricAxis([3.2, -0.4]);
    expect(extent).toBe(4);
    expect(ticks).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    for (const v of [0.94, 1.4, 1.9, 2.6, 3.95, -4.4]) expect(symmetricAxis([v]).extent).toBeGreaterThan(Math.abs(v));
  });
  it("skips values that are not numbers", () => {
    expect(symmetricAxis([NaN, Infinity, 0.5]).extent).toBe(1.5);
  });
});

describe("axisPercent", () => {
  it("puts 0 in the middle and the extent at the edges", () => {
    expect(axisPercent(0, 1.5)).toBe(50);
    expect(axisPercent(1.5, 1.5)).toBe(100);
    expect(axisPercent(-0.75, 1.5)).toBe(25);
  });
});
