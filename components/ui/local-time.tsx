"use client";

// Formatters are costly to build and a long list renders hundreds of times: one of each per
// process (on the server) or per tab (in the browser, in the reader's own time zone).
const formats = {
  datetime: () =>
    new Intl.DateTimeFormat([], {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    }),
  time: () => new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit" }),
};
const built: Partial<Record<keyof typeof formats, Intl.DateTimeFormat>> = {};

/** A moment in the reader's own time zone (the server's rendering is replaced on hydration). */
export function LocalTime({ iso, style = "datetime" }: { iso: string; style?: keyof typeof formats }) {
  const format = (built[style] ??= formats[style]());
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format.format(new Date(iso))}
    </time>
  );
}
