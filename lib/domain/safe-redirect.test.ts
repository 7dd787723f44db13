import { describe, expect, it } from "vitest";
import { originOf, safeRedirectPath } from "./safe-redirect";

const APP = "https://scorecards.example.com";

describe("safeRedirectPath: only paths on the app's own origin", () => {
  it.each([
    ["/", "/"],
    ["/openings", "/openings"],
    ["/candidates/c1?tab=scores#dim-2", "/candidates/c1?tab=scores#dim-2"],
    ["/settings/", "/settings/"],
    ["/a/../settings", "/settings"],
    ["/%5Cevil.example", "/%5Cevil.example"], // an encoded backslash stays a character of our own path
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["settings", "/settings"], // relative: resolved under our root
    [`${APP}/openings?x=1`, "/openings?x=1"], // absolute on our origin: its path
    ["/sign-in?callbackUrl=%2Fsettings", "/sign-in?callbackUrl=%2Fsettings"],
  ])("keeps %j as %j", (input, expected) => {
    expect(safeRedirectPath(input, APP)).toBe(expected);
  });

  it.each([
    // another host, spelled every way a browser would still follow
    "//evil.example/phish",
    "/\\evil.example/phish",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\\\tevil.example",
    "///evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "https://evil.example/",
    "http://evil.example",
    "https:\\\\evil.example",
    "https://scorecards.example.com.evil.example/",
    "https://scorecards.example.com@evil.example/",
    "https://evil.example/https://scorecards.example.com/",
    // our host, but another origin: scheme or port
    "http://scorecards.example.com/openings",
    "https://scorecards.example.com:8443/openings",
    "wss://scorecards.example.com/",
    // not a navigation at all
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:someone@evil.example",
    // decoded forms of the review's examples (searchParams hands these over already decoded)
    decodeURIComponent("%2F%5Cevil.example%2Fphish"),
    decodeURIComponent("%2F%09%2Fevil.example"),
    decodeURIComponent("%2F%0A%2Fevil.example"),
    "http://[::1]/",
    "https://127.0.0.1/",
  ])("refuses %j (goes to /)", (input) => {
    expect(safeRedirectPath(input, APP)).toBe("/");
  });

  it("refuses what is not a string, empty, or not a URL", () => {
    for (const input of [undefined, null, 42, ["/openings"], { href: "/" }, "", "http://", "https://[bad"]) {
      expect(safeRedirectPath(input, APP)).toBe("/");
    }
  });

  it("a result never starts with two slashes or a backslash, for any hostile mix", () => {
    const parts = ["/", "\\", "\t", "\n", "%2F", "%5C", ".", "evil.example", ":", "@", "#", "?", " "];
    for (const a of parts)
      for (const b of parts)
        for (const c of parts) {
          const out = safeRedirectPath(`${a}${b}${c}evil.example`, APP);
          expect(out.startsWith("/")).toBe(true);
          expect(out.startsWith("//")).toBe(false);
          expect(out).not.toMatch(/^\/\\|[\t\n\r]/);
          expect(new URL(out, APP).origin).toBe(APP);
        }
  });

  it("a scheme-only prefix is a path on our origin when the scheme is ours, another site when not", () => {
    // as a browser resolves it: "https:evil.example" on an https page is the page's own /evil.example
    expect(safeRedirectPath("https:evil.example", APP)).toBe("/evil.example");
    expect(safeRedirectPath("https:/evil.example", APP)).toBe("/evil.example");
    expect(safeRedirectPath("https:evil.example", "http://127.0.0.1:3100")).toBe("/");
    expect(safeRedirectPath("http:/evil.example", APP)).toBe("/");
  });

  it("without a configured origin, only relative paths are kept", () => {
    expect(safeRedirectPath("/openings", null)).toBe("/openings");
    expect(safeRedirectPath("/\\evil.example", undefined)).toBe("/");
    expect(safeRedirectPath("https://scorecards.example.com/openings", null)).toBe("/");
  });

  it("on a non-default port, the port is part of the origin", () => {
    const dev = "http://127.0.0.1:3100";
    expect(safeRedirectPath("http://127.0.0.1:3100/settings", dev)).toBe("/settings");
    expect(safeRedirectPath("http://127.0.0.1:3101/settings", dev)).toBe("/");
    expect(safeRedirectPath("http://127.0.0.1/settings", dev)).toBe("/");
  });
});

describe("originOf", () => {
  it("is the scheme, host and port of a URL, or null", () => {
    expect(originOf("https://scorecards.example.com/some/base?x")).toBe(APP);
    expect(originOf("http://127.0.0.1:3100")).toBe("http://127.0.0.1:3100");
    expect(originOf("")).toBeNull();
    expect(originOf(undefined)).toBeNull();
    expect(originOf("not a url")).toBeNull();
  });
});
