import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyValues, type ScorecardValues } from "@/lib/validations/scorecard";
import { AutosaveEngine, DEBOUNCE_MS } from "./autosave-engine";

const kit = { dimensionIds: ["d1"], focusDimensionIds: ["d1"], redFlagIds: [] };

function setup(responses: (() => Promise<Response>)[]) {
  let values: ScorecardValues = emptyValues(kit);
  const store = new Map<string, string>();
  const sent: { baseVersion: number; values: ScorecardValues; keepalive: boolean }[] = [];
  let online = true;
  const fetch = vi.fn(async (_url: unknown, init?: RequestInit) => {
    sent.push({ ...JSON.parse(String(init!.body)), keepalive: !!init!.keepalive });
    const next = responses.shift();
    if (!next) throw new Error("no response planned");
    return next();
  });
  const engine = new AutosaveEngine(
    {
      url: "/api/x",
      storageKey: "k",
      storage: {
        getItem: (k) => store.get(k) ?? null,
        setItem: (k, v) => void store.set(k, v),
        removeItem: (k) => void store.delete(k),
      },
      fetch: fetch as unknown as typeof globalThis.fetch,
      isOnline: () => online,
      getValues: () => values,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (t) => clearTimeout(t as number),
      forgetCopies: () => {
        for (const k of [...store.keys()]) if (k === "k" || k.startsWith("k:")) store.delete(k);
      },
    },
    { version: 0, savedAt: null },
  );
  const type = (text: string) => {
    values = { ...values, keyTakeaways: text };
    engine.changed();
  };
  return { engine, type, sent, store, setOnline: (v: boolean) => (online = v) };
}
const refusal =
  (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) =>
  async () =>
    Response.json({ error }, { status, headers });
const ok = (version: number) => async () =>
  Response.json({ version, savedAt: new Date().toISOString(), status: "draft" });
const down = async (): Promise<Response> => {
  throw new TypeError("Failed to fetch");
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("AutosaveEngine", () => {
  it("keeps every change on the device at once and sends it, debounced, with the version it was based on", async () => {
    const t = setup([ok(1), ok(2)]);
    t.type("a");
    t.type("ab");
    expect(JSON.parse(t.store.get("k")!)).toMatchObject({ dirty: true, values: { keyTakeaways: "ab" } });
    expect(t.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.sent).toEqual([
      expect.objectContaining({ baseVersion: 0, values: expect.objectContaining({ keyTakeaways: "ab" }) }),
    ]);
    expect(t.engine.status.kind).toBe("saved");
    expect(JSON.parse(t.store.get("k")!)).toMatchObject({ dirty: false, baseVersion: 1 });
    t.type("abc");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.sent[1].baseVersion).toBe(1);
  });

  it("says it is retrying when the network fails, keeps the text, and sends it when back online", async () => {
    const t = setup([down, ok(1)]);
    t.setOnline(false);
    t.type("typed offline");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.engine.status).toEqual({ kind: "retrying", reason: "offline" });
    expect(JSON.parse(t.store.get("k")!)).toMatchObject({ dirty: true, values: { keyTakeaways: "typed offline" } });
    t.setOnline(true);
    t.engine.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sent).toHaveLength(2);
    expect(t.engine.status.kind).toBe("saved");
  });

  it("stops on a conflict without overwriting, and continues from the stored version after a merge", async () => {
    const current = { version: 5, status: "draft", values: emptyValues(kit), savedAt: "2026-11-22T10:00:00Z" };
    const t = setup([
      async () => Response.json({ error: { code: "stale", message: "changed", current } }, { status: 409 }),
      ok(6),
    ]);
    t.type("mine");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.engine.status).toEqual({ kind: "conflict", current });
    t.type("mine, more");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 3);
    expect(t.sent).toHaveLength(1);
    t.engine.resolveConflict(5);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sent[1]).toMatchObject({ baseVersion: 5, values: { keyTakeaways: "mine, more" } });
    expect(t.engine.version).toBe(6);
  });

  it("takes a stale answer whose stored text is what it sent (its own save, answered to an earlier page) as saved, not as a conflict", async () => {
    const current = {
      version: 4,
      status: "draft",
      values: { ...emptyValues(kit), keyTakeaways: "typed before the reload" },
      savedAt: "2026-11-22T10:00:00Z",
    };
    const stale = async () => Response.json({ error: { code: "stale", message: "changed", current } }, { status: 409 });
    const t2 = setup([stale, ok(5)]);
    t2.type("typed before the reload");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t2.engine.status).toEqual({ kind: "saved", at: new Date(current.savedAt) });
    expect(t2.engine.version).toBe(4);
    expect(JSON.parse(t2.store.get("k")!)).toMatchObject({ dirty: false, baseVersion: 4 });
    // typed more before the answer: the stored version is adopted and the rest sent on top of it
    const t3 = setup([stale, ok(5)]);
    t3.type("typed before the reload");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    const sending = t3.engine.flush();
    t3.type("typed before the reload, and more");
    await sending;
    await vi.advanceTimersByTimeAsync(0);
    expect(t3.engine.status.kind).toBe("saved");
    expect(t3.sent[1]).toMatchObject({ baseVersion: 4, values: { keyTakeaways: "typed before the reload, and more" } });
  });

  it("keeps each send unanswered in the device copy, so a reload can tell its own save", async () => {
    let release!: () => void;
    const slow = () =>
      new Promise<Response>(
        (r) => (release = () => r(Response.json({ version: 1, savedAt: new Date().toISOString() }))),
      );
    const t = setup([slow]);
    t.type("on its way");
    t.engine.pageHidden();
    expect(JSON.parse(t.store.get("k")!)).toMatchObject({
      dirty: true,
      unconfirmed: { baseVersion: 0, values: { keyTakeaways: "on its way" } },
    });
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(JSON.parse(t.store.get("k")!)).toMatchObject({ dirty: false });
    expect(JSON.parse(t.store.get("k")!).unconfirmed).toBeUndefined();
  });

  it("sends again when the text changed while a save was in flight, and flush waits for it", async () => {
    let release!: () => void;
    const slow = () =>
      new Promise<Response>(
        (r) => (release = () => r(Response.json({ version: 1, savedAt: new Date().toISOString() }))),
      );
    const t = setup([slow, ok(2)]);
    t.type("first");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    t.type("second");
    const flushed = t.engine.flush();
    release();
    expect(await flushed).toBe("saved");
    expect(t.sent.map((s) => s.values.keyTakeaways)).toEqual(["first", "second"]);
    expect(t.engine.version).toBe(2);
  });

  it("sends unsent text with keepalive when the page is hidden", async () => {
    const t = setup([ok(1)]);
    t.type("closing the tab");
    t.engine.pageHidden();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sent).toEqual([expect.objectContaining({ keepalive: true })]);
  });

  it("takes a refusal (422 and other 4xx) as final: shows why, and sends the same text again neither on hiding the page, nor on submit's flush, nor later; an edit sends again", async () => {
    const fields = { "values.keyTakeaways": ["Contains a character that cannot be stored"] };
    const t = setup([
      refusal(422, { code: "validation_failed", message: "Some fields hold what cannot be accepted.", fields }),
      ok(1),
    ]);
    t.type("bad \u0000 text");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    t.engine.pageHidden();
    expect(await t.engine.flush()).toBe("error");
    t.engine.online();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.sent).toHaveLength(1);
    expect(t.engine.status).toEqual({
      kind: "error",
      message: expect.stringContaining("Contains a character that cannot be stored"),
      fields,
    });
    expect(JSON.parse(t.store.get("k")!)).toMatchObject({ dirty: true, values: { keyTakeaways: "bad \u0000 text" } });
    t.type("good text");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.sent.map((s) => s.values.keyTakeaways)).toEqual(["bad \u0000 text", "good text"]);
    expect(t.engine.status.kind).toBe("saved");
  });

  it("retries 408 and 429 (not before Retry-After), and on 401 says the session ended and keeps trying", async () => {
    const t = setup([
      refusal(408, { code: "timeout", message: "slow" }),
      refusal(429, { code: "rate_limited", message: "slow down" }, { "Retry-After": "20" }),
      refusal(401, { code: "unauthenticated", message: "Your session has ended. Sign in again." }),
      ok(1),
    ]);
    t.type("x");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.engine.status).toEqual({ kind: "retrying", reason: "failed" });
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(t.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.sent).toHaveLength(3);
    expect(t.engine.status).toEqual({ kind: "error", message: "Your session has ended. Sign in again." });
    await vi.advanceTimersByTimeAsync(8000);
    expect(t.sent).toHaveLength(4);
    expect(t.engine.status.kind).toBe("saved");
  });

  it("on 410 candidate_erased drops every copy of this interview's text this browser keeps, shows the message and sends nothing more", async () => {
    const t = setup([
      refusal(410, {
        code: "candidate_erased",
        message: "This candidate's data was erased; nothing more can be recorded about them.",
      }),
    ]);
    t.store.set("k:other-tab", JSON.stringify({ dirty: true }));
    t.store.set("another-interview", "kept");
    t.type("about the candidate");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.engine.status).toEqual({
      kind: "error",
      message: "This candidate's data was erased; nothing more can be recorded about them.",
    });
    expect([...t.store.keys()]).toEqual(["another-interview"]);
    t.type("more about them");
    t.engine.pageHidden();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await t.engine.flush()).toBe("error");
    expect(t.sent).toHaveLength(1);
    expect([...t.store.keys()]).toEqual(["another-interview"]);
  });
});
