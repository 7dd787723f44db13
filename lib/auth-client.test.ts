// The browser's side of signing in follows only a path on this site, whatever callback URL it was
// given and whatever URL the server answers with (no open redirect: lib/domain/safe-redirect.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInWithPassword, signOut } from "./auth-client";

const ORIGIN = "https://scorecards.example.com";
let answer: { url?: string } = {};
let location: { origin: string; href: string };

beforeEach(() => {
  location = { origin: ORIGIN, href: `${ORIGIN}/sign-in` };
  vi.stubGlobal("window", { location });
  vi.stubGlobal("fetch", async (input: string) => {
    if (input === "/api/auth/csrf") return Response.json({ csrfToken: "t" });
    return Response.json(answer);
  });
});
afterEach(() => vi.unstubAllGlobals());

describe("signInWithPassword", () => {
  it("goes to the path the server confirmed", async () => {
    answer = { url: `${ORIGIN}/openings?x=1` };
    expect(await signInWithPassword("a@x.test", "pw", "/openings?x=1")).toBe("/openings?x=1");
  });

  it.each([
    `${ORIGIN}/\\evil.example/phish`,
    "/\\evil.example/phish",
    "/\t/evil.example",
    "//evil.example",
    "https://evil.example/phish",
    "javascript:alert(1)",
    `${ORIGIN}/.//evil.example`,
  ])("an answer of %j leads to this site's root, not away", async (url) => {
    answer = { url };
    expect(await signInWithPassword("a@x.test", "pw", "/\\evil.example/phish")).toBe("/");
  });

  it("is null when the sign-in did not work", async () => {
    answer = { url: `${ORIGIN}/sign-in?error=CredentialsSignin` };
    expect(await signInWithPassword("a@x.test", "wrong", "/")).toBeNull();
    answer = {};
    expect(await signInWithPassword("a@x.test", "wrong", "/")).toBeNull();
  });
});

describe("signOut", () => {
  it("goes only to a path on this site", async () => {
    await signOut("/\\evil.example");
    expect(location.href).toBe("/");
    await signOut("/sign-in");
    expect(location.href).toBe("/sign-in");
  });
});
