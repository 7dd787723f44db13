// Where the app may send someone after sign-in (no open redirect). A prefix test on the raw string
// is not enough: browsers read "/\evil.example" and "/\t/evil.example" as "//evil.example", another
// site. So the target is resolved with the URL parser, as a browser would, against the app's own
// origin, and only a path on that origin is kept (docs/decisions/016). Pure.

export const FALLBACK_PATH = "/";

// the origin relative targets are resolved against when the app's own is not configured; it only
// has to be fixed and not a real site, since only the path of a same-origin result is returned
const PLACEHOLDER_ORIGIN = "http://app.invalid";

/**
 * A same-origin path (with its query and fragment) for `target`, or "/" when it leads anywhere
 * else, is not a string, or is not a URL at all. `origin` is the app's (NEXTAUTH_URL's); absolute
 * URLs on that origin are accepted and returned as their path.
 */
export function safeRedirectPath(target: unknown, origin?: string | null): string {
  if (typeof target !== "string" || target === "") return FALLBACK_PATH;
  const base = originOf(origin) ?? PLACEHOLDER_ORIGIN;
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return FALLBACK_PATH;
  }
  if (url.origin !== base) return FALLBACK_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves on our origin to the path "//evil.example", which a browser given
  // that path alone would read as another host: never hand out a path that starts with two slashes
  if (!path.startsWith("/") || path.startsWith("//")) return FALLBACK_PATH;
  return path;
}

/** The origin of a configured URL (scheme, host, port), or null when there is none or it is not a URL. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const o = new URL(url).origin;
    return o === "null" ? null : o;
  } catch {
    return null;
  }
}
