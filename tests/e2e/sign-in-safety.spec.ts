// Sign-in leads only to this site, and ending a session ends it everywhere it was copied
// (docs/decisions/016). Browser-level: the server's 307 for someone signed in already, the
// client's navigation after the form, and cookies replayed after sign-out. And the throttle counts
// the socket's address, whatever the browser claims in headers (docs/decisions/015).
import Database from "better-sqlite3";
import { expect, test, type BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo-password";
import { fillHydrated } from "./hydrated";
import { signInThroughForm as signIn } from "./sign-in";

const HOSTILE = [
  "%2F%5Cevil.example%2Fphish",
  "%2F%09%2Fevil.example",
  "%2F%2Fevil.example",
  "https%3A%2F%2Fevil.example%2F",
];
const EMAIL = "avery.brooks@demo.test";

test("signed in already, /sign-in answers a hostile callbackUrl with 307 to / on this site", async ({ page }) => {
  await signIn(page, EMAIL);
  for (const callbackUrl of HOSTILE) {
    const res = await page.request.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(res.status(), callbackUrl).toBe(307);
    expect(res.headers().location, callbackUrl).toBe("/");
  }
  const ok = await page.request.get("/sign-in?callbackUrl=%2Fsettings", { maxRedirects: 0 });
  expect(ok.headers().location).toBe("/settings");
});

// Submitted before the page's script runs (a slow phone, a click at once), the form posts natively:
// a GET would write the password into the address bar, the history and the server's access log.
test("the sign-in form, submitted without its script, never puts the password in the address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const sent: { method: string; url: string }[] = [];
  page.on("request", (r) => sent.push({ method: r.method(), url: r.url() }));
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill("not-in-the-address-123");
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  await page.waitForLoadState();
  // the sign-in page again, not an error: signing in itself needs the script
  expect(answer.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(sent.filter((r) => r.url.includes("not-in-the-address"))).toEqual([]);
  expect(sent.filter((r) => new URL(r.url).pathname === "/sign-in").map((r) => r.method)).toEqual(["GET", "POST"]);
  expect(page.url()).not.toContain("password");
  await context.close();
});

test("signing in through the form with a hostile callbackUrl stays on this site", async ({ page, baseURL }) => {
  const hosts = new Set<string>();
  page.on("request", (r) => hosts.add(new URL(r.url()).host));
  for (const callbackUrl of HOSTILE.slice(0, 2)) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await fillHydrated(page.getByLabel("Email"), EMAIL);
    await fillHydrated(page.getByLabel("Password"), DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/sign-in/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  }
  expect([...hosts].filter((h) => h.includes("evil.example"))).toEqual([]);
});

async function cookiesOf(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name.includes("next-auth.session-token"));
}

test("after signing out, a copy of the session cookie no longer signs anyone in", async ({ page, browser }) => {
  await signIn(page, EMAIL);
  const copy = await cookiesOf(page.context());
  expect(copy).toHaveLength(1);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/sign-in/);

  const other = await browser.newContext();
  await other.addCookies(copy);
  const replay = await other.newPage();
  await replay.goto("/settings");
  await expect(replay).toHaveURL(/sign-in/);
  await other.close();
});

test("“Sign out everywhere” on Your settings ends this session and the one on another device", async ({
  page,
  browser,
}) => {
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, EMAIL);
  await signIn(page, EMAIL);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/sign-in/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/sign-in/);

  await phonePage.goto("/settings");
  await expect(phonePage).toHaveURL(/sign-in/);
  await phone.close();

  // signing in again works as before
  await signIn(page, EMAIL);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Your settings" })).toBeVisible();
});

test("a failed sign-in is counted against the socket's address, not the X-Forwarded-For the browser sends", async ({
  browser,
}) => {
  const email = `spoof-probe-${Date.now()}@demo.test`;
  const spoofing = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "10.8.8.9", "x-scorecards-socket-address": "10.8.8.10" },
  });
  const page = await spoofing.newPage();
  await page.goto("/sign-in");
  await fillHydrated(page.getByLabel("Email"), email);
  await fillHydrated(page.getByLabel("Password"), "not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /That email and password did not work/ })).toBeVisible();
  await spoofing.close();

  // the app server's own database (scripts/test.sh seeds it; SQLite)
  const file = (process.env.E2E_DATABASE_URL ?? "file:./tests/.e2e/e2e.db").replace(/^file:/, "");
  const db = new Database(file, { readonly: true });
  try {
    const keys = db.prepare(`SELECT "key" FROM "SignInThrottle" WHERE "key" LIKE ?`).all(`pair:${email}|%`) as {
      key: string;
    }[];
    expect(keys.map((k) => k.key)).toEqual([`pair:${email}|127.0.0.1`]);
  } finally {
    db.close();
  }
});
