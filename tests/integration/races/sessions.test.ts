// Sessions end when they should (docs/decisions/016): signing out ends the session it came from
// (a copy of its cookie kept elsewhere is refused), and a password reset, a deactivation or "sign
// out everywhere" ends all of a person's sessions. Real next-auth sign-in, sign-out and JWT
// cookies (tests/support/next-auth.ts); the app reads the session from the test's cookie jar, as
// it would from the request's. Real database.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => {
  process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
  process.env.NEXTAUTH_SECRET ??= "sessions-test-secret-0123456789";
  return { current: {} as Record<string, string> };
});
// the request's cookies, as Next.js gives them to lib/auth.ts, come from the test's jar
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => Object.entries(jar.current).map(([name, value]) => ({ name, value })) }),
}));

const { authOptions, getCurrentUser } = await import("@/lib/auth");
const { db } = await import("@/lib/db");
const { endSession } = await import("@/lib/data/sessions");
const { checkCredentials } = await import("@/lib/data/sign-in");
const { resetUserPassword, updateUserAccount } = await import("@/lib/data/user-admin");
const { SESSION_MAX_AGE_S } = await import("@/lib/domain/sessions");
const { env } = await import("@/lib/env");
const { createUser } = await import("@/seed/factories");
const { SESSION_COOKIE, signInWith, signOutWith } = await import("../../support/next-auth");
const { POST: signOutEverywhere } = await import("@/app/api/me/sessions/route");

const PASSWORD = "right-password-1";
let person: { id: string; email: string; name: string };
let admin: { id: string; roles: ["admin"] };

/** a fresh "browser" signed in as the person */
async function browser(email = person.email, password = PASSWORD) {
  const cookies: Record<string, string> = {};
  const { signedIn } = await signInWith(authOptions, cookies, email, password, {
    headers: { "x-scorecards-socket-address": "192.0.2.1" },
  });
  expect(signedIn).toBe(true);
  return cookies;
}

/** who the app sees for a request carrying these cookies */
async function who(cookies: Record<string, string>) {
  jar.current = cookies;
  return (await getCurrentUser())?.id ?? null;
}

beforeAll(async () => {
  person = await createUser(db, {
    email: "sessions@test.local",
    name: "Session Person",
    roles: ["interviewer"],
    password: PASSWORD,
  });
  admin = {
    id: (await createUser(db, { email: "sessions-admin@test.local", name: "Session Admin", roles: ["admin"] })).id,
    roles: ["admin"],
  };
});

describe("signing out ends that session", () => {
  it("a copy of the signed-out cookie is refused; another session of the same person still works", async () => {
    const laptop = await browser();
    const phone = await browser();
    const copy = { ...laptop }; // e.g. taken from the laptop before signing out
    expect(await who(laptop)).toBe(person.id);
    expect(await who(phone)).toBe(person.id);

    await signOutWith(authOptions, laptop);
    expect(laptop[SESSION_COOKIE]).toBeUndefined(); // this browser's cookie is cleared
    expect(await who(copy)).toBeNull(); // and the session itself is over
    expect(await who(phone)).toBe(person.id);

    const ended = await db.endedSession.findMany({ where: { userId: person.id } });
    expect(ended).toHaveLength(1);
    // kept until the latest moment any copy could still be valid: 12 hours after sign-in
    expect(ended[0].expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_MAX_AGE_S - 120) * 1000);
    expect(ended[0].expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_MAX_AGE_S * 1000);
  });

  it("records of sessions that have expired anyway are dropped", async () => {
    await db.endedSession.create({
      data: { id: "long-gone", userId: person.id, expiresAt: new Date(Date.now() - 1000) },
    });
    await endSession({ sessionId: "still-running", userId: person.id, expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await db.endedSession.findUnique({ where: { id: "long-gone" } })).toBeNull(); // pruned by the next sign-out
    expect(await db.endedSession.findUnique({ where: { id: "still-running" } })).not.toBeNull();
    await endSession({ sessionId: "another", userId: person.id, expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await db.endedSession.findUnique({ where: { id: "long-gone" } })).toBeNull();
    expect(await db.endedSession.findUnique({ where: { id: "still-running" } })).not.toBeNull();
  });
});

describe("ending every session of a person", () => {
  it("a password reset ends the sessions from before it", async () => {
    const before = await browser();
    const { generatedPassword } = await resetUserPassword(admin, person.id, { password: "" });
    expect(await who(before)).toBeNull();
    const after = await browser(person.email, generatedPassword!);
    expect(await who(after)).toBe(person.id);
    await resetUserPassword(admin, person.id, { password: PASSWORD });
  });

  it("a reset landing between the password check and the session's start ends that session too", async () => {
    const checked = await checkCredentials(person.email, PASSWORD, "192.0.2.2");
    expect(checked).not.toBeNull();
    await resetUserPassword(admin, person.id, { password: "another-password-2" }); // meanwhile
    try {
      const token = await authOptions.callbacks!.jwt!({
        token: {},
        user: checked! as never,
        account: { provider: "credentials", type: "credentials", providerAccountId: person.id },
      });
      expect(
        await who({
          [SESSION_COOKIE]: await encode({ token, secret: env.NEXTAUTH_SECRET!, maxAge: SESSION_MAX_AGE_S }),
        }),
      ).toBeNull();
    } finally {
      await resetUserPassword(admin, person.id, { password: PASSWORD });
    }
  });

  it("deactivation ends them, and reactivating does not bring them back", async () => {
    const before = await browser();
    await updateUserAccount(admin, person.id, { name: person.name, roles: ["interviewer"], active: false });
    expect(await who(before)).toBeNull();
    await updateUserAccount(admin, person.id, { name: person.name, roles: ["interviewer"], active: true });
    expect(await who(before)).toBeNull();
    expect(await who(await browser())).toBe(person.id);
  });

  it("a role change alone leaves sessions alone", async () => {
    const before = await browser();
    await updateUserAccount(admin, person.id, { name: person.name, roles: ["interviewer", "recruiter"], active: true });
    jar.current = before;
    expect((await getCurrentUser())?.roles.sort()).toEqual(["interviewer", "recruiter"]);
    await updateUserAccount(admin, person.id, { name: person.name, roles: ["interviewer"], active: true });
  });

  it("“Sign out everywhere” (POST /api/me/sessions) ends this session and every other, and is audited", async () => {
    const here = await browser();
    const elsewhere = await browser();
    jar.current = here;
    const origin = env.NEXTAUTH_URL!;
    const res = await signOutEverywhere(
      new Request(`${origin}/api/me/sessions`, { method: "POST", headers: { origin } }),
    );
    expect(res.status).toBe(200);
    expect(await who(here)).toBeNull();
    expect(await who(elsewhere)).toBeNull();
    expect(
      await db.auditLog.count({
        where: { action: "user.signed_out_everywhere", entityId: person.id, actorId: person.id },
      }),
    ).toBe(1);
    expect(await who(await browser())).toBe(person.id);
  });

  it("“Sign out everywhere” needs a session, and refuses another site's request", async () => {
    jar.current = {};
    const origin = env.NEXTAUTH_URL!;
    expect(
      (await signOutEverywhere(new Request(`${origin}/api/me/sessions`, { method: "POST", headers: { origin } })))
        .status,
    ).toBe(401);
    jar.current = await browser();
    const generation = (await db.user.findUniqueOrThrow({ where: { id: person.id } })).sessionGeneration;
    expect(
      (
        await signOutEverywhere(
          new Request(`${origin}/api/me/sessions`, { method: "POST", headers: { origin: "https://evil.example" } }),
        )
      ).status,
    ).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).sessionGeneration).toBe(generation);
  });
});

describe("tokens the app did not issue this way", () => {
  const cookieOf = async (token: Record<string, unknown>, maxAge = SESSION_MAX_AGE_S) => ({
    [SESSION_COOKIE]: await encode({ token, secret: env.NEXTAUTH_SECRET!, maxAge }),
  });

  it("a validly signed token without the session claims (from before them) is refused", async () => {
    expect(await who(await cookieOf({ sub: person.id, name: person.name, email: person.email }))).toBeNull();
  });

  it("a cookie sealed with another secret, altered, or past its expiry is refused", async () => {
    const generation = (await db.user.findUniqueOrThrow({ where: { id: person.id } })).sessionGeneration;
    const token = { sub: person.id, sessionId: "sealed", generation, signedInAt: Math.floor(Date.now() / 1000) };
    const good = await cookieOf(token);
    expect(await who(good)).toBe(person.id);
    const foreign = await encode({ token, secret: "another-secret-0123456789abcdef", maxAge: SESSION_MAX_AGE_S });
    expect(await who({ [SESSION_COOKIE]: foreign })).toBeNull();
    const value = good[SESSION_COOKIE];
    const altered = value.slice(0, -3) + (value.slice(-3) === "AAA" ? "BBB" : "AAA");
    expect(await who({ [SESSION_COOKIE]: altered })).toBeNull();
    expect(await who(await cookieOf(token, -60))).toBeNull(); // expired a minute ago
  });

  it("a token re-issued with a fresh expiry still ends 12 hours after its sign-in", async () => {
    const generation = (await db.user.findUniqueOrThrow({ where: { id: person.id } })).sessionGeneration;
    const claims = { sub: person.id, sessionId: "re-issued", generation };
    expect(await who(await cookieOf({ ...claims, signedInAt: Math.floor(Date.now() / 1000) - 60 }))).toBe(person.id);
    expect(
      await who(await cookieOf({ ...claims, signedInAt: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_S - 1 })),
    ).toBeNull();
  });
});
