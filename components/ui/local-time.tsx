"use client";

/** A moment in the reader's own time zone (the server's rendering is replaced on hydration). */
export function LocalTime({ iso, style = "datetime" }: { iso: string; style?: "datetime" | "time" }) {
  const d = new Date(iso);
  const text =
    style === "time"
      ? d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
      : d.toLocaleString([], { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
