import "server-only";

// Results that are expensive to compute and cheap to check (the rater offsets, the calibration
// page: docs/decisions/040-calibration-results-kept-by-fingerprint.md), kept per database client
// and key with the fingerprint of the inputs they were computed from. The caller checks the
// fingerprint on every read:
// - unchanged: the kept result;
// - nothing kept yet: the computation, waited for;
// - changed: a new computation, waited for up to WAIT_MS. A small organisation's takes
//   milliseconds, so it always reads fresh figures. A very large one reads the newest finished
//   result while the next is computed, and a computation slower than WAIT_MS rests for
//   REST_FACTOR times its own duration before the next, so constant changes cannot keep an
//   instance recomputing.
// Results say when they were computed (`computedAt`), for the page to show.

export const WAIT_MS = 250;
const REST_FACTOR = 10;
const MAX_KEYS = 200;

type Entry<T> = {
  fingerprint: string | null;
  value: T | null;
  running: Promise<T> | null;
  tookMs: number;
  finishedAt: number;
};

/** One store per name per process, whichever bundle layer's copy of this module asks (see lib/db.ts). */
const stores = ((globalThis as { [k: symbol]: unknown })[Symbol.for("scorecards.fingerprintCaches")] ??=
  new Map()) as Map<string, WeakMap<object, Map<string, Entry<unknown>>>>;

export function fingerprintCache<T>(name: string) {
  if (!stores.has(name)) stores.set(name, new WeakMap());
  const byClient = stores.get(name)! as WeakMap<object, Map<string, Entry<T>>>;

  function start(entry: Entry<T>, fingerprint: string, compute: () => Promise<T>): Promise<T> {
    const began = performance.now();
    const running = compute()
      .then((value) => {
        entry.value = value;
        entry.fingerprint = fingerprint;
        return value;
      })
      .finally(() => {
        entry.tookMs = performance.now() - began;
        entry.finishedAt = Date.now();
        if (entry.running === running) entry.running = null;
      });
    entry.running = running;
    return running;
  }

  return async function read(client: object, key: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
    let entries = byClient.get(client);
    if (!entries) byClient.set(client, (entries = new Map()));
    let entry = entries.get(key);
    if (!entry) {
      if (entries.size >= MAX_KEYS) entries.clear();
      entries.set(key, (entry = { fingerprint: null, value: null, running: null, tookMs: 0, finishedAt: 0 }));
    }
    if (entry.value !== null && entry.fingerprint === fingerprint) return entry.value;
    const previous = entry.value;
    if (previous === null) return entry.running ?? start(entry, fingerprint, compute); // nothing to serve yet
    if (!entry.running) {
      const resting = entry.tookMs > WAIT_MS && Date.now() - entry.finishedAt < entry.tookMs * REST_FACTOR;
      if (resting) return previous;
      start(entry, fingerprint, compute).catch(() => undefined); // a failure leaves the previous result
    }
    const fresh = await Promise.race([
      entry.running!.catch(() => null),
      new Promise<null>((resolve) => setTimeout(resolve, WAIT_MS, null).unref()),
    ]);
    return fresh ?? entry.value ?? previous;
  };
}
