// Issue 3 item 1: credentials are checked against scrypt hashes; every failure looks the same;
// repeated failures per account and per address are slowed down, across instances (state in the DB).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkCredentials } from "@/lib/data/sign-in";
import { createUser } from "@/seed/factories";

const PASSWORD = "right-password-1";
const t0 = new Date(Date.now() + 60_000);
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  await createUser(db, { email: "person@test.local", name: "Person", roles: ["interviewer", "recruiter"], password: PASSWORD });
  await createUser(db, { email: "gone@test.local", name: "Gone", roles: ["interviewer"], password: PASSWORD, active: false });
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

  it("locks an account after five failures, even for the right password, until the lock passes", async () => {
    await db.signInThrottle.deleteMany();
    for (let i = 0; i < 6; i++) expect(await checkCredentials("person@test.local", "wrong", `10.0.1.${i}`, t0)).toBeNull();
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: "account:person@test.local" } });
    expect(row.failures).toBe(6);
    expect(row.lockedUntil!.getTime()).toBe(later(1000).getTime());
    expect(await checkCredentials("person@test.local", PASSWORD, "10.0.2.1", later(500))).toBeNull();
    expect(await checkCredentials("person@test.local", PASSWORD, "10.0.2.1", later(1001))).not.toBeNull();
    expect(await db.signInThrottle.findUnique({ where: { key: "account:person@test.local" } })).toBeNull();
  });

  it("locks an address that keeps failing across many accounts", async () => {
    await db.signInThrottle.deleteMany();
    for (let i = 0; i < 6; i++) await checkCredentials(`guess${i}@test.local`, "wrong", "203.0.113.9", t0);
    expect(await checkCredentials("person@test.local", PASSWORD, "203.0.113.9", later(10))).toBeNull();
    expect(await checkCredentials("person@test.local", PASSWORD, "198.51.100.1", later(10))).not.toBeNull();
  });
});
