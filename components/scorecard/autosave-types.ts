// The autosave engine's types (autosave-engine.ts), apart so the engine reads as its steps.
import type { ScorecardValues } from "@/lib/validations/scorecard";
import type { SameAnswers, Unconfirmed } from "./kept-copy";

export type StoredState = { version: number; status: string; values: ScorecardValues; savedAt: string };
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying"; reason: "offline" | "failed" }
  | { kind: "conflict"; current: StoredState }
  | { kind: "error"; message: string; fields?: Record<string, string[]> };

export type LocalCopy = {
  values: ScorecardValues;
  baseVersion: number;
  dirty: boolean;
  changedAt: string;
  /** the last send whose answer has not arrived: after a reload, a stored version equal to it is ours (kept-copy.ts) */
  unconfirmed?: Unconfirmed | null;
};

export type AutosaveDeps = {
  url: string;
  storageKey: string;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  fetch: typeof fetch;
  isOnline: () => boolean;
  getValues: () => ScorecardValues;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (t: unknown) => void;
  /** Removes every copy of this interview's text this browser keeps (every tab's). */
  forgetCopies: () => void;
  /** whether two texts hold the same answers (default: identical) */
  sameAnswers?: SameAnswers;
};
