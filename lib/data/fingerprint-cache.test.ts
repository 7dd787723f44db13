import { describe, expect, it } from "vitest";
import { fingerprintCache, WAIT_MS } from "./fingerprint-cache";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A computation that takes `ms` and counts its runs. */
function counter(ms = 0) {
  const c = {
    runs: 0,
    fail: false,
    compute: async () => {
      c.runs++;
      await sleep(ms);
      if (c.fail) throw new Error("broken");
      return { run: c.runs };
    },
  };
  return c;
}

describe("fingerprintCache", () => {
  it("computes once per fingerprint, shares one computation between concurrent readers, and keeps clients apart", async () => {
    const read = fingerprintCache<{ run: number }>("test-1");
    const client = {};
    const c = counter(20);
    const [a, b] = await Promise.all([read(client, "k", "f1", c.compute), read(client, "k", "f1", c.compute)]);
    expect(a).toBe(b);
    expect(await read(client, "k", "f1", c.compute)).toBe(a);
    expect(c.runs).toBe(1);
    await read({}, "k", "f1", c.compute);
    await read(client, "other key", "f1", c.compute);
    expect(c.runs).toBe(3);
  });

  it("a fast recomputation is waited for: the reader gets fresh figures", async () => {
    const read = fingerprintCache<{ run: number }>("test-2");
    const client = {};
    const c = counter(5);
    await read(client, "k", "f1", c.compute);
    expect(await read(client, "k", "f2", c.compute)).toEqual({ run: 2 });
  });

  it(`a slow one is waited for ${WAIT_MS} ms at most, then rests ten times its duration`, async () => {
    const read = fingerprintCache<{ run: number }>("test-3");
    const client = {};
    const c = counter(WAIT_MS + 150);
    const first = await read(client, "k", "f1", c.compute); // nothing to serve: waited for in full
    expect(first).toEqual({ run: 1 });
    // resting after a slow computation: the previous result, no new run
    expect(await read(client, "k", "f2", c.compute)).toBe(first);
    expect(c.runs).toBe(1);
  });

  it("after the rest: the previous result while the next runs, then the new one; a failure keeps the previous result", async () => {
    const read = fingerprintCache<{ run: number }>("test-4");
    const client = {};
    const c = counter(WAIT_MS + 150);
    const first = await read(client, "k", "f1", c.compute);
    await sleep((WAIT_MS + 150) * 10 + 300); // past the rest (ten times the computation)
    expect(await read(client, "k", "f2", c.compute)).toBe(first); // waited WAIT_MS, not finished
    expect(c.runs).toBe(2);
    await sleep(600);
    expect(await read(client, "k", "f2", c.compute)).toEqual({ run: 2 });

    const f = counter(1);
    const read2 = fingerprintCache<{ run: number }>("test-5");
    const kept = await read2(client, "k", "f1", f.compute);
    f.fail = true;
    expect(await read2(client, "k", "f2", f.compute)).toBe(kept);
  }, 15_000);
});
