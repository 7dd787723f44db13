// The app never loses its last active admin, also when admins change each other at the same
// moment: every path that removes or deactivates an admin runs one at a time (serialize(tx,
// "admins")), so the second caller counts what the first committed. Real database, real calls.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateUserAccount } from "@/lib/data/user-admin";
import { ConflictError } from "@/lib/errors";
import { createUser } from "@/seed/factories";

type Admin = { id: string; name: string; roles: ["admin"] };
const activeAdmins = () => db.user.count({ where: { active: true, roles: { some: { role: "admin" } } } });

/** n fresh admins; every other account loses the admin role first, so these are the only ones */
async function admins(n: number, tag: string): Promise<Admin[]> {
  await db.userRole.deleteMany({ where: { role: "admin" } });
  const out: Admin[] = [];
  for (let i = 0; i < n; i++) {
    const u = await createUser(db, {
      email: `${tag}-${i}-${Date.now()}@test.local`,
      name: `Admin ${tag} ${i}`,
      roles: ["admin", "interviewer"],
    });
    out.push({ id: u.id, name: u.name, roles: ["admin"] });
  }
  return out;
}

const demote = (by: Admin, who: Admin) =>
  updateUserAccount(by, who.id, { name: who.name, roles: ["interviewer"], active: true });
const deactivate = (by: Admin, who: Admin) =>
  updateUserAccount(by, who.id, { name: who.name, roles: ["admin", "interviewer"], active: false });

/** runs every call at once; each either succeeds or is refused as the last admin, nothing else */
async function race(calls: (() => Promise<unknown>)[]) {
  const results = await Promise.allSettled(calls.map((c) => c()));
  const refused = results.filter((r) => r.status === "rejected");
  for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  return { ok: results.length - refused.length, refused: refused.length };
}

beforeEach(async () => {
  await db.userRole.deleteMany({ where: { role: "admin" } });
});

describe("the last active admin, under concurrent changes", () => {
  it("two admins demoting each other at once: exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await admins(2, `mutual${round}`);
      const { ok, refused } = await race([() => demote(a, b), () => demote(b, a)]);
      expect({ ok, refused }).toEqual({ ok: 1, refused: 1 });
      expect(await activeAdmins()).toBe(1);
    }
  });

  it("two admins deactivating each other at once: exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await admins(2, `off${round}`);
      const { ok } = await race([() => deactivate(a, b), () => deactivate(b, a)]);
      expect(ok).toBe(1);
      expect(await activeAdmins()).toBe(1);
    }
  });

  it("eight admins each removing the next, by demotion or deactivation, at once: one admin is left", async () => {
    const n = 8;
    const all = await admins(n, "ring");
    const calls = all.map((by, i) => () => (i % 2 ? demote(by, all[(i + 1) % n]) : deactivate(by, all[(i + 1) % n])));
    const { ok, refused } = await race(calls);
    expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
    // a ring of removals can leave more than one admin (a refused caller's target stays), never none
    expect(ok + refused).toBe(n);
    expect(ok).toBeLessThanOrEqual(n - 1);
  });

  it("every admin removing every other one at once: at least one stays", async () => {
    const all = await admins(4, "mesh");
    const calls = all.flatMap((by) =>
      all.filter((who) => who.id !== by.id).map((who, k) => () => (k % 2 ? demote(by, who) : deactivate(by, who))),
    );
    await race(calls);
    expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
  });
});
