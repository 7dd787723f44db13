"use client";

import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import type { AutosaveEngine } from "./autosave-engine";
import { claimableCopy, currentTabId, holdTabLock } from "./local-copies";

type Initial = { values: ScorecardValues; version: number; status: "draft" | "submitted"; savedAt: string | null };

/**
 * Text typed before a closed tab, a reload or a lost connection comes back from this device; the
 * unsent text of another tab that is still open is left to that tab. Returns whether it came back.
 */
export function useRestoreLocal(opts: {
  active: boolean;
  engine: AutosaveEngine;
  form: UseFormReturn<ScorecardValues>;
  initial: Initial;
  storageKey: string;
}) {
  const { active, engine, form, initial, storageKey } = opts;
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
        if (JSON.stringify(local.values) === JSON.stringify(initial.values)) return engine.clearLocal();
        form.reset(local.values);
        setRestored(true);
        if (local.baseVersion === initial.version && initial.status === "draft") engine.changed();
        else
          engine.conflictWith({
            version: initial.version,
            status: initial.status,
            values: initial.values,
            savedAt: initial.savedAt ?? "",
          });
      });
    }
    return release;
  }, [engine, form, initial, active, storageKey]);
  return restored;
}
