"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import { AutosaveEngine } from "./autosave-engine";
import { currentTabId, dropCopies } from "./local-copies";

export type { SaveStatus } from "./autosave-engine";

const serverStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

/** The browser wiring of AutosaveEngine: storage, network, online and page-hide events. */
export function useAutosave(opts: {
  url: string;
  storageKey: string;
  initialVersion: number;
  initialSavedAt: Date | null;
  getValues: () => ScorecardValues;
  sameAnswers: (a: ScorecardValues, b: ScorecardValues) => boolean;
}) {
  const [engine] = useState(
    () =>
      new AutosaveEngine(
        {
          url: opts.url,
          // each tab keeps its own copy (local-copies.ts)
          storageKey: typeof window === "undefined" ? opts.storageKey : `${opts.storageKey}:${currentTabId()}`,
          // rendered on the server too, where there is no storage and nothing is sent
          storage: typeof window === "undefined" ? serverStorage : window.localStorage,
          fetch: (...args) => globalThis.fetch(...args),
          isOnline: () => typeof navigator === "undefined" || navigator.onLine,
          getValues: opts.getValues,
          sameAnswers: opts.sameAnswers,
          setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
          clearTimeout: (t) => globalThis.clearTimeout(t as number),
          forgetCopies: () => {
            try {
              if (typeof window !== "undefined") dropCopies(window.localStorage, opts.storageKey);
            } catch {
              // storage disabled: there is nothing kept to drop
            }
          },
        },
        { version: opts.initialVersion, savedAt: opts.initialSavedAt },
      ),
  );
  const status = useSyncExternalStore(engine.subscribe, engine.getStatus, engine.getStatus);

  useEffect(() => {
    const online = () => engine.online();
    const hide = () => document.visibilityState === "hidden" && engine.pageHidden();
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", hide);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", hide);
      engine.dispose();
    };
  }, [engine]);

  return { engine, status };
}
