// Autosave for a scorecard draft (docs/decisions/022-autosave.md), as a plain class so it can be
// tested without a browser. Every change is first written to this device (storage), then sent,
// debounced, with the version it was based on. A network failure keeps the text locally and retries
// (at once when the browser says it is back online); a stale version (another tab or device saved
// first) is never overwritten: the status becomes "conflict" with what is stored, and the user
// merges. A refusal (a 4xx other than 401, 408, 409 and 429) is final for the text refused: its
// message is shown and nothing is sent again until the text changes. A candidate erased (410)
// ends autosave and drops this browser's copies (docs/decisions/018). Answers: autosave-response.ts.
import type { ScorecardValues } from "@/lib/validations/scorecard";
import { outcomeOf } from "./autosave-response";
import type { AutosaveDeps, LocalCopy, SaveStatus, StoredState } from "./autosave-types";
import { onStale, type Unconfirmed } from "./kept-copy";

export type { AutosaveDeps, LocalCopy, SaveStatus, StoredState } from "./autosave-types";

export const DEBOUNCE_MS = 800;
export const RETRY_MS = [2000, 4000, 8000, 15000, 30000];

export function localKey(userId: string, interviewId: string) {
  return `scorecard-draft:${userId}:${interviewId}`;
}

export class AutosaveEngine {
  version: number;
  status: SaveStatus;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private attempt = 0;
  private keepalive = false;
  /** the text (as sent) the server refused for good: not sent again until it changes */
  private refused: string | null = null;
  /** the candidate was erased: nothing about them is kept or sent any more */
  private ended = false;
  /** this page's send not answered yet; the one an earlier page of this tab left unanswered */
  private unconfirmed: Unconfirmed | null = null;
  private inherited: Unconfirmed | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private deps: AutosaveDeps,
    initial: { version: number; savedAt: Date | null },
  ) {
    this.version = initial.version;
    this.status = initial.savedAt ? { kind: "saved", at: initial.savedAt } : { kind: "idle" };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getStatus = () => this.status;

  private set(status: SaveStatus) {
    this.status = status;
    for (const l of this.listeners) l();
  }

  readLocal(): LocalCopy | null {
    try {
      const raw = this.deps.storage.getItem(this.deps.storageKey);
      return raw ? (JSON.parse(raw) as LocalCopy) : null;
    } catch {
      return null;
    }
  }
  private writeDirty(values: ScorecardValues) {
    const changedAt = new Date().toISOString();
    this.writeLocal({
      values,
      baseVersion: this.version,
      dirty: true,
      changedAt,
      unconfirmed: this.unconfirmed ?? this.inherited,
    });
  }
  private writeLocal(copy: LocalCopy) {
    if (this.ended) return;
    try {
      this.deps.storage.setItem(this.deps.storageKey, JSON.stringify(copy));
    } catch {
      // storage full or disabled: the server copy still saves
    }
  }
  clearLocal() {
    try {
      this.deps.storage.removeItem(this.deps.storageKey);
    } catch {}
  }

  /** Call on every change: keeps the text on this device at once, sends it shortly after. */
  changed() {
    this.writeDirty(this.deps.getValues());
    if (this.status.kind === "conflict") return;
    this.schedule(DEBOUNCE_MS);
  }

  /** Whether there is something to send: not in a conflict, not ended, and not the text refused. */
  private sendable() {
    return this.status.kind !== "conflict" && !this.ended && JSON.stringify(this.deps.getValues()) !== this.refused;
  }

  /** A hidden (maybe closing) tab sends what is unsent at once, in a request that outlives the page. */
  pageHidden() {
    if (this.readLocal()?.dirty && this.sendable()) {
      this.keepalive = true;
      void this.run();
    }
  }

  online() {
    if (this.status.kind !== "retrying") return;
    this.attempt = 0;
    void this.run();
  }

  /** Sends now and waits (before submitting); resolves with the resulting status. */
  async flush(): Promise<SaveStatus["kind"]> {
    if (this.sendable() && (this.readLocal()?.dirty || this.timer)) await this.run();
    while (this.inFlight) await this.inFlight;
    return this.status.kind;
  }

  /** Text kept on this device, restored on top of the stored `version` (kept-copy.ts). */
  resumeFrom(version: number, unconfirmed: Unconfirmed | null | undefined) {
    this.version = version;
    this.inherited = unconfirmed ?? null;
    this.changed();
  }

  /**
   * A stored version other than ours (this device's copy is older, or a save or submit was
   * stale): a conflict, unless it holds only this tab's own text (kept-copy.ts).
   */
  conflictWith(current: StoredState, sent?: ScorecardValues) {
    this.cancelTimer();
    const same = this.deps.sameAnswers ?? ((a, b) => JSON.stringify(a) === JSON.stringify(b));
    const mine = { current: this.deps.getValues(), sent, unconfirmed: this.inherited };
    const answer = onStale(current, mine, same);
    if (answer.kind === "conflict") return this.set({ kind: "conflict", current });
    this.version = current.version;
    this.unconfirmed = this.inherited = null;
    if (!answer.clean) return void this.run();
    this.writeLocal({ values: mine.current, baseVersion: current.version, dirty: false, changedAt: current.savedAt });
    this.set({ kind: "saved", at: new Date(current.savedAt) });
  }

  /** After a merge: continue from the stored version with the merged values. */
  resolveConflict(storedVersion: number) {
    this.version = storedVersion;
    this.attempt = 0;
    this.set({ kind: "saving" });
    void this.run();
  }

  /**
   * The candidate's data was erased (410 candidate_erased, from autosave or a submit): this
   * browser's copies of the text go, and nothing more is kept or sent from this page.
   */
  forget(message: string) {
    this.ended = true;
    this.cancelTimer();
    this.deps.forgetCopies();
    this.set({ kind: "error", message });
  }

  dispose() {
    this.cancelTimer();
    this.listeners.clear();
  }
  private cancelTimer() {
    if (this.timer) this.deps.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number) {
    this.cancelTimer();
    this.timer = this.deps.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private run(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    return this.inFlight;
  }

  private retry(status: SaveStatus, atLeastMs = 0) {
    this.set(status);
    this.schedule(Math.max(atLeastMs, RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]));
    this.attempt += 1;
  }

  private async send(): Promise<void> {
    if (!this.sendable()) return;
    const values = this.deps.getValues();
    const sent = JSON.stringify(values);
    const keepalive = this.keepalive;
    this.keepalive = false;
    this.set({ kind: "saving" });
    // kept until answered: if the page goes first, its next visit knows this save as its own
    this.unconfirmed = { baseVersion: this.version, values };
    this.writeDirty(values);
    let res: Response;
    try {
      res = await this.deps.fetch(this.deps.url, {
        method: "PUT",
        keepalive,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ baseVersion: this.version, values }),
      });
    } catch {
      return this.retry({ kind: "retrying", reason: this.deps.isOnline() ? "failed" : "offline" });
    }
    const outcome = outcomeOf(res, await res.json().catch(() => null));
    if (outcome.kind === "saved") {
      this.attempt = 0;
      this.version = outcome.version;
      this.unconfirmed = this.inherited = null;
      const current = this.deps.getValues();
      const stillSame = JSON.stringify(current) === sent;
      this.writeLocal({
        values: current,
        baseVersion: outcome.version,
        dirty: !stillSame,
        changedAt: new Date().toISOString(),
      });
      this.set({ kind: "saved", at: new Date(outcome.savedAt) });
      if (!stillSame) this.again = true;
    } else if (outcome.kind === "conflict") this.conflictWith(outcome.current, values);
    else if (outcome.kind === "erased") this.forget(outcome.message);
    else if (outcome.kind === "retry") this.retry(outcome.status, outcome.atLeastMs);
    else {
      if (outcome.kind === "refused") this.refused = sent;
      this.set(outcome.status);
    }
  }
}
