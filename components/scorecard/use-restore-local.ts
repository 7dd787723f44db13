"use client";

import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import type { AutosaveEngine } from "./autosave-engine";
import { keptCopyOnOpen, type SameAnswers } from "./kept-copy";
import { claimableCopy, currentTabId, holdTabLock } from "./local-copies";

type Initial = { values: ScorecardValues; version: number; status: "draft" | "submitted"; savedAt: string | null };

/**
 * Text typed before a closed tab, a reload or a lost connection comes back from this device; the
 * unsent text of another tab that is still open is left to that tab; text the server already holds
 * (the same answers, or this tab's own save sent as the page went) is dropped, not offered as a
 * conflict (kept-copy.ts). Returns whether it came back.
 */
export function useRestoreLocal(opts: {
  active: boolean;
  engine: AutosaveEngine;
  form: UseFormReturn<ScorecardValues>;
  initial: Initial;
  storageKey: string;
  sameAnswers: SameAnswers;
}) {
  const { active, engine, form, initial, storageKey, sameAnswers } = opts;
  const [restored, setRestored] = useState(false);
  const restoreChecked = useRef(false);
  useEffect(() => {
    if (!active) return;
    const tab = currentTabId();
    const release = holdTabLock(tab);
    if (!restoreChecked.current) {
      restoreChecked.current = true;
      void claimableCopy(storageKey, tab).then((found) => {
        if (!found) return;
        if (!found.key.endsWith(`:${tab}`)) localStorage.removeItem(found.key);
        const local = found.copy;
        const stored = { version: initial.version, status: initial.status, values: initial.values };
        const next = keptCopyOnOpen(local, stored, sameAnswers);
        if (next.kind === "drop") return engine.clearLocal();
        form.reset(local.values);
        setRestored(true);
        if (next.kind === "resume") engine.resumeFrom(next.version, local.unconfirmed);
        else engine.conflictWith({ ...stored, savedAt: initial.savedAt ?? "" });
      });
    }
    return release;
  }, [engine, form, initial, active, storageKey, sameAnswers]);
  return restored;
}
