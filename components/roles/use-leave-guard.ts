"use client";

import { useEffect, useRef } from "react";

export const LEAVE_MESSAGE = "Leave this page? Your changes to this role are not saved.";

/**
 * While `dirty`, asks before the page is left: the browser's own question on reload, close and
 * typed addresses (beforeunload), and a confirm() for links inside the app, whose client-side
 * navigation fires no beforeunload. The link check runs in the capture phase on the document,
 * before React's handlers (Next's <Link>), so a "stay" stops the navigation outright.
 * Returns `release()`, to call before navigating away after a save.
 */
export function useLeaveGuard(dirty: boolean) {
  const released = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    released.current = false;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (released.current) return;
      e.preventDefault();
      e.returnValue = ""; // older Chromium needs a value set to ask
    };
    const onClick = (e: MouseEvent) => {
      if (released.current || e.defaultPrevented || e.button !== 0) return;
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window: nothing is lost
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, location.href);
      if (to.origin !== location.origin) return; // a full navigation: beforeunload asks
      if (to.pathname === location.pathname && to.search === location.search) return; // an in-page anchor
      if (window.confirm(LEAVE_MESSAGE)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
  return { release: () => void (released.current = true) };
}
