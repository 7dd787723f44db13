// Sign-in failures arriving at the same moment are each counted: an attempt reserves its count
// before its password is checked, one at a time per key (serialize()), so parallel guesses cannot
// slip past the free failures or overwrite each other's count (docs/decisions/015). Real database.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkCredentials } from "@/lib/data/sign-in";
import { ACCOUNT, ADDRESS, PAIR } from "@/lib/domain/throttle";
import { createUser } from "@/seed/factories";

const PASSWORD = "right-password-1";
const EMAIL = "racer@test.local";
const N = 24;
const t0 = new Date(Date.now() + 60_000);
const later = (ms: number) => new Date(t0.getTime() + ms);
const row = (key: string) => db.signInThrottle.findUnique({ where: { key } });

beforeAll(async () => {
  await createUser(db, { email: EMAIL, name: "Racer", roles: ["interviewer"], password: PASSWORD });
  for (let i = 0; i < N; i++)
    await createUser(db, {
      email: `racer${i}@test.local`,
      name: `Racer ${i}`,
      roles: ["interviewer"],
      password: PASSWORD,
    });
});
beforeEach(async () => {
  await db.signInThrottle.deleteMany();
});

describe("parallel sign-in failures", () => {
  it(`${N} wrong passwords at once from one address: the free ones and one more are counted, then a lock`, async () => {
    const results = await Promise.all(
      Array.from({ length: N }, () => checkCredentials(EMAIL, "wrong", "10.8.8.8", t0)),
    );
    expect(results.every((r) => r === null)).toBe(true);
    const pair = await row(`pair:${EMAIL}|10.8.8.8`);
    // once the lock is set the rest are refused unchecked, and a refused attempt is not counted
    expect(pair?.failures).toBe(PAIR.free + 1);
    expect(pair?.lockedUntil?.getTime()).toBe(later(1000).getTime());
    expect((await row(`account:${EMAIL}`))?.failures).toBe(PAIR.free + 1);
    expect((await row("address:10.8.8.8"))?.failures).toBe(PAIR.free + 1);
    // the lock holds the right password back from there, not from elsewhere
    expect(await checkCredentials(EMAIL, PASSWORD, "10.8.8.8", later(500))).toBeNull();
    expect(await checkCredentials(EMAIL, PASSWORD, "10.8.8.9", later(500))).not.toBeNull();
  });

  it(`${N} wrong passwords at once from ${N} addresses: every one is counted on the account`, async () => {
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => checkCredentials(EMAIL, "wrong", `10.9.0.${i}`, t0)),
    );
    expect(results.every((r) => r === null)).toBe(true);
    const account = await row(`account:${EMAIL}`);
    expect(account?.failures).toBe(N);
    expect(account?.lockedUntil!.getTime()).toBeGreaterThan(t0.getTime());
    const pairs = await db.signInThrottle.findMany({ where: { key: { startsWith: `pair:${EMAIL}|` } } });
    expect(pairs.map((p) => p.failures)).toEqual(Array(N).fill(1));
    // the account is slowed down for those addresses, and still open to its owner elsewhere
    expect(await checkCredentials(EMAIL, PASSWORD, "10.9.0.3", later(500))).toBeNull();
    expect(await checkCredentials(EMAIL, PASSWORD, "192.0.2.77", later(500))).not.toBeNull();
  });

  it(`${N} wrong passwords at once against ${N} accounts from one address: counted up to the address's lock`, async () => {
    await Promise.all(
      Array.from({ length: N }, (_, i) => checkCredentials(`racer${i}@test.local`, "wrong", "10.7.7.7", t0)),
    );
    const address = await row("address:10.7.7.7");
    expect(address?.failures).toBe(ADDRESS.free + 1);
    expect(address?.lockedUntil?.getTime()).toBe(later(1000).getTime());
    const accounts = await db.signInThrottle.findMany({ where: { key: { startsWith: "account:racer" } } });
    expect(accounts.reduce((n, a) => n + a.failures, 0)).toBe(ADDRESS.free + 1);
    expect(await checkCredentials(EMAIL, PASSWORD, "10.7.7.7", later(500))).toBeNull();
  });

  it("the right password and wrong ones at once: the right one is let in and not counted as a failure", async () => {
    const wrong = Array.from({ length: ACCOUNT.free - 2 }, (_, i) =>
      checkCredentials(EMAIL, "wrong", `10.6.0.${i}`, t0),
    );
    const [ok] = await Promise.all([checkCredentials(EMAIL, PASSWORD, "10.6.1.1", t0), ...wrong]);
    expect(ok?.email).toBe(EMAIL);
    expect((await row(`account:${EMAIL}`))?.failures).toBe(ACCOUNT.free - 2);
    expect(await row(`pair:${EMAIL}|10.6.1.1`)).toBeNull();
  });
});
