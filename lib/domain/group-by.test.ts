import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("keeps the rows' order within a group and the groups' order of first appearance", () => {
    const rows = [
      { k: "b", n: 1 },
      { k: "a", n: 2 },
      { k: "b", n: 3 },
    ];
    expect([...groupBy(rows, (r) => r.k)]).toEqual([
      ["b", [rows[0], rows[2]]],
      ["a", [rows[1]]],
    ]);
  });
});
