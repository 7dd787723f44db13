// No open redirect after sign-in: the sign-in page's own redirect (someone signed in already) and
// next-auth's (after signing in or out through /api/auth/*) lead only to a path on the app's own
// origin, resolved with the URL parser as a browser would (lib/domain/safe-redirect.ts). Real
// next-auth handling (tests/support/next-auth.ts), real page function, real database.
import { beforeAll, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => {
  process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
  process.env.NEXTAUTH_SECRET ??= "redirect-test-secret-0123456789";
  return { current: {} as Record<string, string> };
});
// the request's cookies, as Next.js gives them to lib/auth.ts, come from the test's jar
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => Object.entries(jar.current).map(([name, value]) => ({ name, value })) }),
}));

const { authOptions } = await import("@/lib/auth");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/seed/factories");
const { signInWith, signOutWith } = await import("../support/next-auth");
const { default: SignInPage } = await import("@/app/sign-in/page");

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "right-password-1";

// the review's examples, as the browser sends them and as Next.js hands them to the page (decoded)
const HOSTILE = [
  decodeURIComponent("%2F%5Cevil.example%2Fphish"),
  decodeURIComponent("%2F%09%2Fevil.example"),
  "//evil.example",
  "/\\evil.example",
  "/.//evil.example",
  "https://evil.example/phish",
  "http://127.0.0.1:3001/openings",
  "javascript:alert(1)",
];

/** where the page's redirect() would send the browser, or null when it renders */
async function pageRedirect(callbackUrl: string | undefined) {
  try {
    await SignInPage({ searchParams: Promise.resolve({ callbackUrl }) });
    return null;
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw e;
    return { location: digest.split(";").slice(2, -2).join(";"), status: Number(digest.split(";").at(-2)) };
  }
}

let signedIn: Record<string, string> = {};

beforeAll(async () => {
  await createUser(db, {
    email: "redirect@test.local",
    name: "Redirect Person",
    roles: ["interviewer"],
    password: PASSWORD,
  });
  signedIn = {};
  expect((await signInWith(authOptions, signedIn, "redirect@test.local", PASSWORD)).signedIn).toBe(true);
});

describe("the sign-in page, for someone signed in already", () => {
  it.each(HOSTILE)("sends callbackUrl %j to the app's root", async (callbackUrl) => {
    jar.current = signedIn;
    expect(await pageRedirect(callbackUrl)).toEqual({ location: "/", status: 307 });
  });

  it("follows a path on this site", async () => {
    jar.current = signedIn;
    expect(await pageRedirect("/candidates/c1?tab=scores")).toEqual({
      location: "/candidates/c1?tab=scores",
      status: 307,
    });
    expect(await pageRedirect(`${ORIGIN}/settings`)).toEqual({ location: "/settings", status: 307 });
  });

  it("renders the form for someone signed out", async () => {
    jar.current = {};
    expect(await pageRedirect(HOSTILE[0])).toBeNull();
  });
});

describe("next-auth's redirect (authOptions.callbacks.redirect), on every /api/auth/* route", () => {
  it.each(HOSTILE)("after signing in with callbackUrl %j, answers the app's root", async (callbackUrl) => {
    const { redirect, signedIn: ok } = await signInWith(authOptions, {}, "redirect@test.local", PASSWORD, {
      callbackUrl,
    });
    expect(ok).toBe(true);
    expect(redirect).toBe(`${ORIGIN}/`);
  });

  it.each(HOSTILE)("after signing out with callbackUrl %j, answers the app's root", async (callbackUrl) => {
    const cookies: Record<string, string> = {};
    await signInWith(authOptions, cookies, "redirect@test.local", PASSWORD);
    expect((await signOutWith(authOptions, cookies, callbackUrl)).redirect).toBe(`${ORIGIN}/`);
  });

  it("keeps a path on this site", async () => {
    expect(
      (await signInWith(authOptions, {}, "redirect@test.local", PASSWORD, { callbackUrl: "/openings?status=open" }))
        .redirect,
    ).toBe(`${ORIGIN}/openings?status=open`);
    expect(await authOptions.callbacks!.redirect!({ url: `${ORIGIN}/settings#sessions`, baseUrl: ORIGIN })).toBe(
      `${ORIGIN}/settings#sessions`,
    );
  });
});
