"use client";

import { useState } from "react";
import { signOutEverywhere } from "@/lib/auth-client";
import { buttonClass } from "@/components/ui/button";

/**
 * Ends every session of the signed-in person, on every device, then this one (POST
 * /api/me/sessions; docs/decisions/016): for a lost phone or a shared computer left signed in.
 */
export function SignOutEverywhere() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await signOutEverywhere().catch(() => false);
    if (!ok) {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <section
      aria-labelledby="sessions-heading"
      className="max-w-xl rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id="sessions-heading" className="text-lg font-semibold tracking-tight">
        Sessions
      </h2>
      <p id="sessions-hint" className="mt-1 text-sm text-slate-700">
        Signs you out on every device and browser where you are signed in, this one included. Use it if you signed in on
        a computer that is not yours, or lost a device. API tokens are not affected.
      </p>
      {failed ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          That did not work. Check your connection and try again.
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => void run()}
        disabled={busy}
        aria-describedby="sessions-hint"
        className={buttonClass("secondaryBody", "mt-4")}
      >
        {busy ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
    </section>
  );
}
