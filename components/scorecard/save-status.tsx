"use client";

import type { SaveStatus } from "./use-autosave";

const time = (d: Date) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** "Saving… / Saved at 14:02 / Not saved — retrying", announced politely to screen readers. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const text = {
    idle: "Not changed yet",
    saving: "Saving…",
    saved: status.kind === "saved" ? `Saved at ${time(status.at)}` : "",
    retrying:
      status.kind === "retrying" && status.reason === "offline"
        ? "Not saved — offline. Your text is kept on this device and sent when the connection returns."
        : "Not saved — retrying",
    conflict: "Not saved — changed elsewhere; choose what to keep below",
    error: status.kind === "error" ? status.message : "",
  }[status.kind];
  const tone =
    status.kind === "saved"
      ? "text-emerald-800"
      : status.kind === "saving" || status.kind === "idle"
        ? "text-slate-700"
        : "text-red-800";
  return (
    <p role="status" aria-live="polite" data-save-status={status.kind} className={`text-sm font-medium ${tone}`}>
      {text}
    </p>
  );
}
