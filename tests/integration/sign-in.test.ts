// Credentials are checked against scrypt hashes; every failure looks the same;
// repeated failures are slowed down per account and address together, per address, and per
// account without locking its owner out (docs/decisions/015), across instances (state in the DB).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authOptions, requestAddress } from "@/lib/auth";
import { checkCredentials } from "@/lib/data/sign-in";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "@/lib/domain/client-address";
import { ACCOUNT, ADDRESS } from "@/lib/domain/throttle";
import { env } from "@/lib/env";
import { createUser } from "@/seed/factories";

const PASSWORD = "right-password-1";
const t0 = new Date(Date.now() + 60_000);
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  await createUser(db, {
    email: "person@test.local",
    name: "Person",
    roles: ["interviewer", "recruiter"],
    password: PASSWORD,
  });
  await createUser(db, {
    email: "gone@test.local",
    name: "Gone",
    roles: ["interviewer"],
    password: PASSWORD,
    active: false,
  });
});

describe("checkCredentials", () => {
  it("signs in with the right password, email in any case, and knows the roles", async () => {
    const user = await checkCredentials("Person@Test.Local", PASSWORD, "10.0.0.1", t0);
    expect(user).toMatchObject({ email: "person@test.local", name: "Person" });
    expect(user!.roles.sort()).toEqual(["interviewer", "recruiter"]);
  });

  it("refuses a wrong password, an unknown email and a deactivated account alike", async () => {
    expect(await checkCredentials("person@test.local", "wrong", "10.0.0.2", t0)).toBeNull();
    expect(await checkCredentials("nobody@test.local", PASSWORD, "10.0.0.2", t0)).toBeNull();
    expect(await checkCredentials("gone@test.local", PASSWORD, "10.0.0.2", t0)).toBeNull();
  });

  it("locks one account from one address after five failures, even for the right password, until the lock passes", async () => {
    await db.signInThrottle.deleteMany();
    for (let i = 0; i < 6; i++) expect(await checkCredentials("person@test.local", "wrong", "10.0.1.1", t0)).toBeNull();
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: "pair:person@test.local|10.0.1.1" } });
    expect(row.failures).toBe(6);
    expect(row.lockedUntil!.getTime()).toBe(later(1000).getTime());
    expect(await checkCredentials("person@test.local", PASSWORD, "10.0.1.1", later(500))).toBeNull();
    expect(await checkCredentials("person@test.local", PASSWORD, "10.0.1.1", later(1001))).not.toBeNull();
    expect(await db.signInThrottle.findUnique({ where: { key: "pair:person@test.local|10.0.1.1" } })).toBeNull();
  });

  it("locks an address that keeps failing across many accounts", async () => {
    await db.signInThrottle.deleteMany();
    for (let i = 0; i < ADDRESS.free + 1; i++)
      await checkCredentials(`guess${i}@test.local`, "wrong", "203.0.113.9", t0);
    expect(await checkCredentials("person@test.local", PASSWORD, "203.0.113.9", later(10))).toBeNull();
    expect(await checkCredentials("person@test.local", PASSWORD, "198.51.100.1", later(10))).not.toBeNull();
  });

  it("nobody can lock a person out from elsewhere: failures from many addresses slow those addresses, not a fresh one", async () => {
    await db.signInThrottle.deleteMany();
    // 60 failures from 30 addresses: the account is locked for every address that failed on it
    for (let i = 0; i < 60; i++)
      expect(await checkCredentials("person@test.local", "wrong", `10.3.0.${i % 30}`, later(i))).toBeNull();
    const account = await db.signInThrottle.findUniqueOrThrow({ where: { key: "account:person@test.local" } });
    expect(account.lockedUntil!.getTime()).toBeGreaterThan(later(60).getTime());
    expect(await checkCredentials("person@test.local", PASSWORD, "10.3.0.7", later(100))).toBeNull();
    // the owner, from an address with no failure on this account, gets in at once
    expect((await checkCredentials("person@test.local", PASSWORD, "192.0.2.10", later(100)))?.email).toBe(
      "person@test.local",
    );
    // and the slowdown is bounded: at most ACCOUNT.maxLockMs after the last failure
    expect(account.lockedUntil!.getTime()).toBeLessThanOrEqual(later(59 + ACCOUNT.maxLockMs).getTime());
  });
});

// The address an attempt is counted against comes from the socket, not from what the client
// writes in X-Forwarded-For (docs/decisions/015): the real authorize() of the credentials provider.
describe("the address behind a sign-in", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  const authorize = () =>
    (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
  const from = (socket: string, forwardedFor?: string) => ({
    headers: { [SOCKET_ADDRESS_HEADER]: socket, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
  });

  it("a spoofed X-Forwarded-For neither picks the address counted nor escapes its lock", async () => {
    await db.signInThrottle.deleteMany();
    // one client, behind no proxy, sending a different X-Forwarded-For with every guess at many accounts
    for (let i = 0; i < ADDRESS.free + 1; i++)
      expect(
        await authorize()({ email: `guess${i}@test.local`, password: "wrong" }, from("203.0.113.50", `10.8.8.${i}`)),
      ).toBeNull();
    const keys = (await db.signInThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.filter((k) => k.includes("10.8.8."))).toEqual([]);
    expect(keys).toContain("address:203.0.113.50");
    // the right password from the same client, claiming yet another address, is still held back
    expect(
      await authorize()({ email: "person@test.local", password: PASSWORD }, from("203.0.113.50", "10.8.8.200")),
    ).toBeNull();
    expect(
      await authorize()({ email: "person@test.local", password: PASSWORD }, from("198.51.100.20", "10.8.8.200")),
    ).toMatchObject({ email: "person@test.local" });
  });

  it("with no proxy configured (the default), the client is the socket's peer; with one, X-Forwarded-For read from the right", async () => {
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
    expect(requestAddress({ "x-forwarded-for": "10.8.8.9", [SOCKET_ADDRESS_HEADER]: "::ffff:10.0.0.2" })).toBe(
      "10.0.0.2",
    );
    expect(requestAddress({ "x-forwarded-for": "10.8.8.9" })).toBeNull();
    expect(clientAddress({ forwardedFor: "10.8.8.9, 198.51.100.4", socketAddress: "10.0.0.2", trustedHops: 1 })).toBe(
      "198.51.100.4",
    );
  });
});
