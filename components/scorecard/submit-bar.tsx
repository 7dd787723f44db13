"use client";

import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";

/**
 * The sticky bar at the foot of the scorecard never hides the field in focus (WCAG 2.4.11 Focus
 * Not Obscured): while it is on screen the page's bottom scroll padding is its height, so what is
 * scrolled into view stops above it, and a field that Tab reaches under it is scrolled up clear
 * of it (the browser leaves an element alone that is inside the viewport, even under the bar).
 */
function useKeepFocusClearOf(bar: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const fit = () => root.style.setProperty("scroll-padding-bottom", `${el.offsetHeight + 16}px`);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    const clear = (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      // the bar itself, and a modal dialog over the page, are never under the bar
      if (el.contains(target) || target.closest("dialog")) return;
      // an option's input sits in its label: the label is what is seen
      const seen = (target.closest("label") ?? target).getBoundingClientRect();
      const overlap = seen.bottom - el.getBoundingClientRect().top;
      if (overlap > 0) window.scrollBy({ top: overlap + 16 });
    };
    document.addEventListener("focusin", clear);
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", clear);
      root.style.removeProperty("scroll-padding-bottom");
    };
  }, [bar]);
}

/** Whether `from` (an ISO time, or none) has come; turns true by itself when it does. */
export function useReached(from: string | undefined) {
  const at = from ? Date.parse(from) : 0;
  const [reached, setReached] = useState(() => !from || Date.now() >= at);
  useEffect(() => {
    if (reached) return;
    // timers cap at ~24.8 days; a later start is checked again then
    const t = setTimeout(() => setReached(Date.now() >= at), Math.min(at - Date.now() + 50, 2 ** 31 - 1));
    return () => clearTimeout(t);
  }, [at, reached]);
  return reached;
}

export function SubmitBar({
  submitRef,
  label,
  disabled,
  busy,
  opensAt,
  aside,
  failure,
}: {
  submitRef: RefObject<HTMLButtonElement | null>;
  label: string;
  disabled: boolean;
  busy: boolean;
  /** before the interview's start (lib/domain/submit-window.ts): submitting waits, drafting does not */
  opensAt?: string;
  aside: ReactNode;
  failure: string | null;
}) {
  const bar = useRef<HTMLDivElement>(null);
  useKeepFocusClearOf(bar);
  const open = useReached(opensAt);
  return (
    <div
      ref={bar}
      data-submit-bar
      className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur"
    >
      <Button
        ref={submitRef}
        type="submit"
        disabled={disabled || !open}
        aria-busy={busy}
        aria-describedby={open ? undefined : "submit-opens"}
        variant="large"
      >
        {label}
      </Button>
      {aside}
      {!open && opensAt ? (
        <p id="submit-opens" className="w-full text-sm text-slate-800">
          You can submit from <LocalTime iso={opensAt} />, when the interview starts. Until then your notes are saved as
          a draft.
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="w-full text-sm text-red-800">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
