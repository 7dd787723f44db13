import { describe, expect, it } from "vitest";
import { localKey } from "./autosave-engine";
import { dropCopies } from "./local-copies";

function storage(keys: string[]) {
  const m = new Map(keys.map((k) => [k, "{}"]));
  return {
    map: m,
    s: {
      get length() {
        return m.size;
      },
      key: (i: number) => [...m.keys()][i] ?? null,
      removeItem: (k: string) => void m.delete(k),
    },
  };
}

describe("dropCopies", () => {
  it("removes every tab's copy of one interview's text and nothing else", () => {
    const base = localKey("u1", "iv1");
    const { map, s } = storage([
      base,
      `${base}:tab-a`,
      `${base}:tab-b`,
      localKey("u1", "iv10"),
      `${localKey("u1", "iv10")}:tab-a`,
      localKey("u2", "iv1"),
      "scorecard-tab-id",
    ]);
    dropCopies(s, base);
    expect([...map.keys()]).toEqual([
      localKey("u1", "iv10"),
      `${localKey("u1", "iv10")}:tab-a`,
      localKey("u2", "iv1"),
      "scorecard-tab-id",
    ]);
  });
});
