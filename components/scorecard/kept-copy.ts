// What a tab does with scorecard text that is not confirmed saved, when the server's version
// turns out to differ from the one that text was based on: on opening the page (a copy this
// device kept) and on a stale answer (409) to an autosave. The rule (docs/decisions/022-autosave.md,
// docs/decisions/044-own-saves-are-no-conflict.md): a conflict is shown only when a field truly
// differs from what is stored. Text equal to the stored text, or a stored version that is this
// tab's own save whose answer never arrived (the save sent as a reload or a closed tab hid the
// page), is no conflict: the tab carries on from the stored version. Pure, for unit tests.
import type { ScorecardValues } from "@/lib/validations/scorecard";

/** A send of this tab whose answer has not arrived (yet, or ever: the page went away). */
export type Unconfirmed = { baseVersion: number; values: ScorecardValues };
export type Stored = { version: number; status: string; values: ScorecardValues };
/** Whether two versions of the text hold the same answers (as the conflict panel compares them). */
export type SameAnswers = (a: ScorecardValues, b: ScorecardValues) => boolean;

/** Whether the stored version is this tab's own unconfirmed save. */
function isOwnSave(stored: Stored, unconfirmed: Unconfirmed | null | undefined, same: SameAnswers) {
  return !!unconfirmed && stored.version > unconfirmed.baseVersion && same(unconfirmed.values, stored.values);
}

export type OnOpen =
  /** nothing to keep: the stored text is the same */
  | { kind: "drop" }
  /** restore the kept text and save it on top of `version` */
  | { kind: "resume"; version: number }
  /** a field truly differs from a version saved elsewhere: the user chooses */
  | { kind: "conflict" };

/** On opening the page, with a copy of unsent text kept on this device. */
export function keptCopyOnOpen(
  kept: { values: ScorecardValues; baseVersion: number; unconfirmed?: Unconfirmed | null },
  stored: Stored,
  same: SameAnswers,
): OnOpen {
  if (same(kept.values, stored.values)) return { kind: "drop" };
  if (stored.status !== "draft") return { kind: "conflict" };
  if (kept.baseVersion === stored.version || isOwnSave(stored, kept.unconfirmed, same))
    return { kind: "resume", version: stored.version };
  return { kind: "conflict" };
}

export type OnStale =
  /** the stored version holds this tab's text: continue from it (`clean`: nothing left to send) */
  { kind: "adopt"; clean: boolean } | { kind: "conflict" };

/** On a stale answer: `current` is the form's text now, `sent` what the refused request carried. */
export function onStale(
  stored: Stored,
  mine: { current: ScorecardValues; sent?: ScorecardValues; unconfirmed?: Unconfirmed | null },
  same: SameAnswers,
): OnStale {
  if (stored.status !== "draft") return { kind: "conflict" };
  if (same(stored.values, mine.current)) return { kind: "adopt", clean: true };
  // the form's text grew from what was sent, so the stored version holding it loses nothing
  if ((mine.sent && same(stored.values, mine.sent)) || isOwnSave(stored, mine.unconfirmed, same))
    return { kind: "adopt", clean: false };
  return { kind: "conflict" };
}
