// When a signed-in session still counts (docs/decisions/016). A session is a 12-hour JWT; it is
// refused early when the user's session generation has moved on (password reset, deactivation,
// "sign out everywhere") or its own id was ended by signing out. Pure; clock injected.
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** What the app puts in the token at sign-in, beside next-auth's own claims. */
export type SessionClaims = { sessionId: string; generation: number; signedInAt: number };

/** The claims, when the token carries all of them; a token from before they existed carries none and is refused. */
export function sessionClaims(
  raw: { sessionId?: unknown; generation?: unknown; signedInAt?: unknown } | null | undefined,
): SessionClaims | null {
  if (!raw || typeof raw.sessionId !== "string" || !raw.sessionId) return null;
  if (!Number.isInteger(raw.generation) || !Number.isFinite(raw.signedInAt)) return null;
  return { sessionId: raw.sessionId, generation: raw.generation as number, signedInAt: raw.signedInAt as number };
}

/**
 * The latest moment any copy of this session can be valid: counted from sign-in, not from the
 * token's own `exp`, which next-auth moves forward each time it re-issues the cookie.
 */
export function sessionEndsAt(claims: Pick<SessionClaims, "signedInAt">): Date {
  return new Date((claims.signedInAt + SESSION_MAX_AGE_S) * 1000);
}

export function isSessionCurrent(
  claims: SessionClaims | null,
  user: { sessionGeneration: number } | null,
  ended: boolean,
  now: Date,
): boolean {
  if (!claims || !user || ended) return false;
  if (claims.generation !== user.sessionGeneration) return false;
  return sessionEndsAt(claims) > now;
}
