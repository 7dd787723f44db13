import "server-only";
import { db } from "../db";
import { afterFailure, isLocked } from "../domain/throttle";
import { hashPassword, verifyPassword } from "../password";

// A real hash to verify against when the account does not exist, so an unknown email costs the
// same time as a wrong password (issue 3: failures are not revealed in timing or message).
const dummyHash = hashPassword("no-such-account-password");

export type SignedInUser = { id: string; email: string; name: string; roles: string[] };

const throttleKeys = (email: string, address: string | null) =>
  [`account:${email}`, ...(address ? [`address:${address}`] : [])];

/**
 * Checks an email and password, slowing down repeated failures per account and per address.
 * Returns the user, or null for every kind of failure alike.
 */
export async function checkCredentials(emailInput: string, password: string, address: string | null, now = new Date()): Promise<SignedInUser | null> {
  const email = emailInput.trim().toLowerCase();
  const keys = throttleKeys(email, address);
  const states = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  if (states.some((s) => isLocked(s, now))) return null;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, passwordHash: true, roles: { select: { role: true } } },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (ok && user?.active && user.passwordHash) {
    await db.signInThrottle.deleteMany({ where: { key: `account:${email}` } });
    return { id: user.id, email: user.email, name: user.name, roles: user.roles.map((r) => r.role) };
  }
  for (const key of keys) {
    const next = afterFailure(states.find((s) => s.key === key), now);
    await db.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
  }
  return null;
}

/** The signed-in user as stored now (deactivated users and stale sessions get null). */
export async function findActiveUser(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, active: true, roles: { select: { role: true } } },
  });
  return user?.active ? { id: user.id, email: user.email, name: user.name, roles: user.roles.map((r) => r.role) } : null;
}

export async function findActiveUserByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, active: true } });
  return user?.active ? findActiveUser(user.id) : null;
}
