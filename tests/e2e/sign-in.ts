import { expect, type Cookie, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo-password";
import { fillHydrated } from "./hydrated";

/** Signs in through the real sign-in page (any earlier session is dropped first). */
export async function signInThroughForm(page: Page, email = "interviewer@demo.test", password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await fillHydrated(page.getByLabel("Email"), email);
  await fillHydrated(page.getByLabel("Password"), password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

// One session per person in this worker (a worker talks to one app server and its database):
// signing in through the form costs several requests and a password hash each time, and the form
// is tested where it is the subject (sign-in-safety.spec.ts, and the sign-out test, call
// signInThroughForm).
const sessions = new Map<string, Cookie[]>();

/**
 * Signed in as `email`, on the page sign-in lands on: the session this worker already has for
 * that person when the app still accepts it (a sign-out, password reset or deactivation ends it),
 * else a new one through the form. Any other session in the browser is dropped first.
 */
export async function signIn(page: Page, email = "interviewer@demo.test", password = DEMO_PASSWORD) {
  const key = `${email} ${password}`;
  const saved = sessions.get(key);
  if (saved) {
    await page.context().clearCookies();
    await page.context().addCookies(saved);
    await page.goto("/");
    if (!/\/sign-in/.test(page.url())) return;
  }
  await signInThroughForm(page, email, password);
  sessions.set(key, await page.context().cookies());
}
