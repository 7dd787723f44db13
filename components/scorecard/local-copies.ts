"use client";

// This device's copies of unsent scorecard text. Each open tab keeps its own copy (key ends in
// the tab's id) and holds a Web Lock named after it while open, so that on the next visit a
// copy left by a closed or crashed tab (lock no longer held) is recognised and restored, while
// the copy of another tab still open is left to that tab (two tabs never overwrite each other; a
// closed tab loses nothing: docs/decisions/022-autosave.md). A reload keeps its tab id
// (sessionStorage).
import type { LocalCopy } from "./autosave-engine";

const TAB_KEY = "scorecard-tab-id";
const lockName = (tab: string) => `scorecard-tab:${tab}`;
/** Without Web Locks, a copy untouched this long is taken to be from a closed tab. */
const ORPHAN_AFTER_MS = 2 * 60_000;

export function currentTabId(): string {
  let id = sessionStorage.getItem(TAB_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(TAB_KEY, id);
  }
  return id;
}

/** Holds this tab's lock until the returned function is called (or the tab goes away). */
export function holdTabLock(tab: string): () => void {
  if (!navigator.locks) return () => {};
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  void navigator.locks.request(lockName(tab), () => held).catch(() => {});
  return release;
}

/** The newest unsent copy this tab may take over: its own (after a reload) or a closed tab's. */
export async function claimableCopy(base: string, tab: string): Promise<{ key: string; copy: LocalCopy } | null> {
  const held = navigator.locks ? new Set((await navigator.locks.query()).held?.map((l) => l.name)) : null;
  const candidates: { key: string; copy: LocalCopy }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(`${base}:`)) continue;
    let copy: LocalCopy;
    try {
      copy = JSON.parse(localStorage.getItem(key) ?? "");
    } catch {
      continue;
    }
    const owner = key.slice(base.length + 1);
    const closed = held ? !held.has(lockName(owner)) : Date.now() - Date.parse(copy.changedAt) > ORPHAN_AFTER_MS;
    if (owner === tab || closed) candidates.push({ key, copy });
  }
  const dirty = candidates
    .filter((c) => c.copy.dirty)
    .sort((a, b) => Date.parse(b.copy.changedAt) - Date.parse(a.copy.changedAt));
  // copies of closed tabs that hold nothing unsent are just removed
  for (const c of candidates) if (!c.copy.dirty && !c.key.endsWith(`:${tab}`)) localStorage.removeItem(c.key);
  return dirty[0] ?? null;
}

/**
 * Removes every copy of one interview's text (`base` is its localKey): each tab's, open or closed.
 * For a candidate erased meanwhile (docs/decisions/018): nothing about them stays on this device.
 */
export function dropCopies(storage: Pick<Storage, "key" | "length" | "removeItem">, base: string) {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === base || key?.startsWith(`${base}:`)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
