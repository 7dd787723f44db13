import "server-only";
import { db, type DbTx } from "../db";
import { ACCOUNT, ADDRESS, afterFailure, isRefused, PAIR, throttleKeys, type ThrottlePolicy } from "../domain/throttle";
import { hashPassword, verifyPassword } from "../password";
import { serialize } from "./sql";

// A real hash to verify against when the account does not exist, so an unknown email costs the
// same time as a wrong password: failures are not revealed in timing or message
// (docs/decisions/003-sign-in.md, 015-sign-in-throttle.md).
const dummyHash = hashPassword("no-such-account-password");

export type SignedInUser = { id: string; email: string; name: string; roles: string[]; sessionGeneration: number };

/**
 * Counts this attempt as a failure before its password is checked, unless it is refused: one at a
 * time per key, so attempts arriving together each see the ones before them and none slips past
 * the free failures (docs/decisions/015). A right password takes its count back afterwards.
 */
async function reserveAttempt(email: string, address: string | null, now: Date): Promise<boolean> {
  const keys = throttleKeys(email, address);
  const policies: [string, ThrottlePolicy][] = [
    [keys.pair, PAIR],
    [keys.account, ACCOUNT],
    ...(keys.address ? [[keys.address, ADDRESS] as [string, ThrottlePolicy]] : []),
  ];
  return db.$transaction(async (tx) => {
    // always in the same order, so two attempts sharing two keys cannot wait on each other
    for (const [key] of [...policies].sort(([a], [b]) => (a < b ? -1 : 1))) await serialize(tx, `sign-in:${key}`);
    const rows = await tx.signInThrottle.findMany({ where: { key: { in: policies.map(([k]) => k) } } });
    const state = (key: string | null) => rows.find((r) => r.key === key) ?? null;
    if (isRefused({ pair: state(keys.pair), account: state(keys.account), address: state(keys.address) }, now))
      return false;
    for (const [key, policy] of policies) await saveFailure(tx, key, afterFailure(state(key), now, policy));
    return true;
  });
}

async function saveFailure(
  tx: DbTx,
  key: string,
  next: { failures: number; firstFailAt: Date; lockedUntil: Date | null },
) {
  await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next, select: { key: true } });
}

/** A right password: this address's count on the account is cleared; the shared counts lose the one it reserved. */
async function settleSuccess(email: string, address: string | null) {
  const keys = throttleKeys(email, address);
  await db.signInThrottle.deleteMany({ where: { key: keys.pair } });
  const shared = [keys.account, ...(keys.address ? [keys.address] : [])];
  await db.signInThrottle.updateMany({
    where: { key: { in: shared }, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}

/**
 * Checks an email and password, slowing down repeated failures (lib/domain/throttle.ts). `address`
 * is the client's as lib/domain/client-address.ts derives it. Returns the user, or null for every
 * kind of failure alike.
 */
export async function checkCredentials(
  emailInput: string,
  password: string,
  address: string | null,
  now = new Date(),
): Promise<SignedInUser | null> {
  const email = emailInput.trim().toLowerCase();
  if (!(await reserveAttempt(email, address, now))) return null;

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      passwordHash: true,
      sessionGeneration: true,
      roles: { select: { role: true } },
    },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!(ok && user?.active && user.passwordHash)) return null;
  await settleSuccess(email, address);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.map((r) => r.role),
    sessionGeneration: user.sessionGeneration,
  };
}

/** The signed-in user as stored now (deactivated users and stale sessions get null). */
export async function findActiveUser(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      sessionGeneration: true,
      roles: { select: { role: true } },
    },
  });
  return user?.active
    ? {
        id: user.id,
        email: user.email,
        name: user.name,
        roles: user.roles.map((r) => r.role),
        sessionGeneration: user.sessionGeneration,
      }
    : null;
}

export async function findActiveUserByEmail(email: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, active: true },
  });
  return user?.active ? findActiveUser(user.id) : null;
}
