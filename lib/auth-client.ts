// The calls the browser makes to next-auth's REST endpoints (docs/decisions/010): its client library
// (next-auth/react) weighed about 20 KB gzipped on every page only for these. Same requests,
// same CSRF double-submit, as next-auth/react's signIn and signOut with redirect: false.
import { safeRedirectPath } from "./domain/safe-redirect";

const form = { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" };

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf");
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/**
 * Email and password. Resolves to the path to go to next, a path on this site only (whatever the
 * callback URL said: lib/domain/safe-redirect.ts), or null when they did not work (one answer
 * for every failure).
 */
export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<string | null> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), email, password, callbackUrl, json: "true" });
  const res = await fetch("/api/auth/callback/credentials", { method: "POST", headers: form, body });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  if (!res.ok || !url || new URL(url, window.location.origin).searchParams.has("error")) return null;
  return safeRedirectPath(url, window.location.origin);
}

/** Single sign-on: off to the provider, coming back to callbackUrl. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" });
  const res = await fetch(`/api/auth/signin/${provider}`, { method: "POST", headers: form, body });
  const { url } = (await res.json()) as { url: string };
  window.location.href = url;
}

/** Ends the session, then goes to callbackUrl (a path on this site). */
export async function signOut(callbackUrl: string): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" });
  await fetch("/api/auth/signout", { method: "POST", headers: form, body });
  window.location.href = safeRedirectPath(callbackUrl, window.location.origin);
}

/** "Sign out everywhere": ends every session of this person (POST /api/me/sessions), then this one. */
export async function signOutEverywhere(): Promise<boolean> {
  const res = await fetch("/api/me/sessions", { method: "POST" });
  if (!res.ok) return false;
  await signOut("/sign-in");
  return true;
}
