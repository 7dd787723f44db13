// A stand-in for @/lib/auth in integration tests that call session routes in-process: the
// signed-in person is whoever the test puts in `session.user` (null: signed out, 401). Use:
//   vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
//   import { session } from "@/tests/support/auth-stand-in";
import type { CurrentUser } from "@/lib/auth";
import { UnauthenticatedError } from "@/lib/errors";

export const session: { user: CurrentUser | null } = { user: null };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return session.user;
}

export async function userOrThrow(): Promise<CurrentUser> {
  if (!session.user) throw new UnauthenticatedError();
  return session.user;
}
