"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";

type Status = { active: boolean; createdAt: string | null };

/**
 * The signed-in person's private calendar feed (/api/me/calendar-feed;
 * docs/decisions/069-calendar-invites-and-feed.md): turned on, its address is shown once to paste
 * into a calendar app; a new address or turning it off stops the old one at once.
 */
export function CalendarFeed({ initial }: { initial: Status }) {
  const [status, setStatus] = useState<Status>(initial);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState<"create" | "revoke" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const call = async (method: "POST" | "DELETE") => {
    setBusy(method === "POST" ? "create" : "revoke");
    setError(null);
    setCopied(false);
    try {
      const res = await fetch("/api/me/calendar-feed", { method });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? "That did not work.");
      if (method === "POST") {
        setUrl(body.url);
        setStatus({ active: true, createdAt: body.createdAt });
      } else {
        setUrl(null);
        setStatus({ active: false, createdAt: null });
      }
    } catch (e) {
      setError(
        e instanceof Error && e.message !== "Failed to fetch"
          ? e.message
          : "That did not work. Check your connection and try again.",
      );
    } finally {
      setBusy(null);
    }
  };
  const copy = async () => {
    if (!url) return;
    await navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section
      aria-labelledby="calendar-heading"
      className="max-w-xl rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id="calendar-heading" className="text-lg font-semibold tracking-tight">
        Calendar feed
      </h2>
      <p id="calendar-hint" className="mt-1 text-sm text-slate-700">
        A private address your calendar app can subscribe to: your own planned interviews, with links to each interview
        kit and scorecard, and nothing else. Anyone with the address can read it, so keep it to yourself; make a new one
        if it got out. Invitations by e-mail come separately when an interview is planned, moved or cancelled.
      </p>
      <p className="mt-3 text-sm" aria-live="polite">
        {status.active
          ? `On since ${status.createdAt ? new Date(status.createdAt).toLocaleDateString() : "earlier"}.`
          : "Off."}
      </p>
      {url ? (
        <div className="mt-3 space-y-2">
          <label htmlFor="calendar-url" className="block text-sm font-medium">
            Your feed address (shown only now)
          </label>
          <input
            id="calendar-url"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="block min-h-11 w-full rounded-md border border-slate-300 px-3 font-mono text-sm"
          />
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" onClick={() => void copy()} className={buttonClass("secondaryBody")}>
              Copy address
            </button>
            <span role="status" className="text-sm text-slate-700">
              {copied ? "Copied." : ""}
            </span>
          </div>
          <p className="text-sm text-slate-700">
            In Google Calendar: Other calendars → From URL. In Outlook: Add calendar → Subscribe from web. In Apple
            Calendar: File → New Calendar Subscription.
          </p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => void call("POST")}
          disabled={busy !== null}
          aria-describedby="calendar-hint"
          className={buttonClass("secondaryBody")}
        >
          {busy === "create" ? "Making the address…" : status.active ? "Make a new address" : "Turn on the feed"}
        </button>
        {status.active ? (
          <button
            type="button"
            onClick={() => void call("DELETE")}
            disabled={busy !== null}
            className={buttonClass("secondaryBody")}
          >
            {busy === "revoke" ? "Turning off…" : "Turn off the feed"}
          </button>
        ) : null}
      </div>
    </section>
  );
}
