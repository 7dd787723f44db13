// An admin adds a person with a generated password, who signs in with it; deactivating
// them stops sign-in; the audit log shows both, filtered, by name and in words; nobody else
// reaches any of it. The admin pages are under one Admin menu in a header of one row.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fillHydrated } from "./hydrated";
import { signIn } from "./sign-in";

/** Opens the Admin menu of the top bar and follows one of its links. */
async function adminPage(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: "Admin" }).click();
  await nav.getByRole("link", { name, exact: true }).click();
}

test.describe.configure({ mode: "serial" });
const EMAIL = `casey.${Date.now()}@demo.test`;
let password = "";

test("an admin adds a person; the one-time password lets them sign in", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await adminPage(page, "Users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // bad input is refused next to each field, nothing is created
  await page.getByLabel("Name", { exact: true }).fill("C");
  await page.getByLabel("E-mail (their sign-in)").fill("casey at demo");
  await page.getByLabel("Interviewer").uncheck();
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText("Enter the person's name")).toBeVisible();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  await expect(page.getByText("Give at least one app role")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Casey Lind");
  await page.getByLabel("E-mail (their sign-in)").fill(EMAIL);
  await page.getByLabel("Interviewer").check();
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("status").getByText(/Added Casey Lind/)).toBeVisible();
  password = (await page.getByTestId("one-time-password").textContent()) ?? "";
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
  await expect(page.getByRole("table").getByRole("link", { name: "Casey Lind" })).toBeVisible();

  await signIn(page, EMAIL, password);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My interviews" }),
  ).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Admin" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("deactivating stops sign-in; the audit log shows who did it, filtered to the account", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto(`/admin/users?q=${encodeURIComponent("casey")}`);
  await page.getByRole("table").getByRole("link", { name: "Casey Lind" }).click();
  await page.getByLabel("Active — may sign in").uncheck();
  await page.getByRole("button", { name: "Save account" }).click();
  await expect(page.getByRole("status").getByText("Saved.")).toBeVisible();
  await expect(page.getByText(/deactivated \d{4}-\d{2}-\d{2}/)).toBeVisible();

  await page.getByRole("link", { name: "changes to this account" }).click();
  const entries = page.getByRole("list", { name: "Audit entries" });
  await expect(entries.getByRole("listitem")).toHaveCount(2);
  await expect(entries.getByRole("listitem").first()).toContainText("user.deactivated");
  await expect(entries.getByRole("listitem").first()).toContainText("by Robin Hale");
  await expect(entries.getByRole("listitem").first()).toContainText("Active");
  await expect(entries.getByRole("listitem").first()).toContainText("yes → no");
  await expect(entries.getByRole("listitem").nth(1)).toContainText("user.created");

  // a filter by action prefix and a bad date range
  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption("user.* (all)");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\.\*/);
  const texts = await page.getByRole("list", { name: "Audit entries" }).getByRole("listitem").allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(2);
  expect(texts.every((t) => /user\.[a-z_]+\s*by /.test(t))).toBe(true);
  const csv = await page.request.get(`/api/admin/audit.csv?action=user.*`);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body.trim().split("\r\n").length - 1).toBe(texts.length);
  await page.goto("/admin/audit?from=2026-11-23&to=2026-11-01");
  await expect(page.getByText("“From” must not be after “to”")).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await fillHydrated(page.getByLabel("Email"), EMAIL);
  await fillHydrated(page.getByLabel("Password"), password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/sign-in/);
  await expect(page.getByRole("alert")).toBeVisible();
});

// Who may reach these pages and their APIs, and how each denial looks (404 for a page, 401
// signed out), is tests/e2e/authz-matrix.spec.ts, for every kind of user.

test("users and the audit log have no accessibility violations, and fit a phone @phone", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  for (const url of ["/admin/users", "/admin/audit"]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      url,
    ).toBeLessThanOrEqual(0);
  }
});

test("the audit log names records and says what changed in words; the raw JSON is behind a toggle", async ({
  page,
}) => {
  await signIn(page, "admin@demo.test");
  // a candidate added to an opening, moved on, then erased: three entries about one record
  await page.goto("/openings");
  const openingLink = page.getByRole("main").getByRole("link", { name: "Lead AI Platform Engineer" }).first();
  const openingId = (await openingLink.getAttribute("href"))!.split("/").pop()!;
  const made = await page.request.post(`/api/openings/${openingId}/candidates`, {
    data: { name: "Audit Trail Person", email: `audit.${Date.now()}@example.com`, source: "Referral" },
  });
  expect(made.status()).toBe(200);
  const candidateId = (await made.json()).id as string;
  expect(
    (await page.request.put(`/api/candidates/${candidateId}/stage`, { data: { stage: "interviewing" } })).status(),
  ).toBe(200);

  await page.goto(`/admin/audit?entityType=Candidate&entityId=${candidateId}`);
  const entries = page.getByRole("list", { name: "Audit entries" }).getByRole("listitem");
  await expect(entries).toHaveCount(2);
  const moved = entries.first();
  await expect(moved).toContainText("candidate.stage-changed");
  await expect(moved).toContainText("Candidate: Audit Trail Person");
  await expect(moved).toContainText(/Stage\s*applied → interviewing/);
  const created = entries.nth(1);
  await expect(created).toContainText("Lead AI Platform Engineer");
  // what a person reads names no record by its id; the stored JSON is one click away
  expect(await moved.innerText()).not.toContain(candidateId);
  expect(await created.innerText()).not.toContain(openingId);
  await created.getByText("Raw record").click();
  await expect(created.getByText(`"openingId": "${openingId}"`)).toBeVisible();
  await expect(created.getByText(candidateId)).toBeVisible();

  // once erased, the candidate is shown as erased, not by a name or an id
  const erased = await page.request.post(`/api/candidates/${candidateId}/erase`, {
    data: { reason: "Asked to be forgotten (audit e2e)", confirm: "ERASE" },
  });
  expect(erased.status()).toBe(200);
  await page.reload();
  await expect(entries).toHaveCount(3);
  await expect(entries.first()).toContainText("candidate.erased");
  for (const i of [0, 1, 2]) {
    await expect(entries.nth(i)).toContainText("Candidate: Erased candidate");
    expect(await entries.nth(i).innerText()).not.toContain("Audit Trail Person");
  }

  // the family form the README documents, typed into the URL, on the page and in the CSV
  await page.goto("/admin/audit?action=candidate.*");
  await expect(page.getByLabel("Action")).toHaveValue("candidate.*");
  const texts = await page.getByRole("list", { name: "Audit entries" }).getByRole("listitem").allInnerTexts();
  expect(texts.length).toBeGreaterThanOrEqual(3);
  expect(texts.every((t) => /candidate\.[a-z-]+/.test(t))).toBe(true);
  const csv = await (await page.request.get("/api/admin/audit.csv?action=candidate.*")).text();
  expect(csv.trim().split("\r\n").length - 1).toBe(texts.length);
  await page.goto("/admin/audit?action=*.created");
  await expect(page.getByText("Use an action (user.deactivated) or a family (user.*)")).toBeVisible();
});

test("the Admin menu works from the keyboard, and the header is one row at 1280 px", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/openings");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Admin" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Webhooks" })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const name of ["Users", "Audit log", "API tokens", "SCIM", "Webhooks"])
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Users" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // one row: every item of the bar sits on the same line, and the bar is one line tall
  const tops = await nav.evaluate((el) =>
    [...el.querySelectorAll("a, button")]
      .filter((n) => (n as HTMLElement).offsetParent !== null)
      .map((n) => Math.round(n.getBoundingClientRect().top + n.getBoundingClientRect().height / 2)),
  );
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
  const height = (await page.locator("header").boundingBox())!.height;
  expect(height).toBeLessThanOrEqual(64);
  expect(
    await new AxeBuilder({ page })
      .include("header")
      .analyze()
      .then((r) => r.violations),
  ).toEqual([]);
});

test("no page logs a missing favicon; the icon is served", async ({ page }) => {
  const failures: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") failures.push(`console: ${m.text()}`);
  });
  await page.goto("/sign-in");
  await signIn(page, "admin@demo.test");
  for (const url of ["/openings", "/roles", "/admin/audit", "/settings"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(failures.filter((f) => /favicon|icon/i.test(f))).toEqual([]);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("on a phone the header is compact and its controls are 44 px targets @phone", async ({ page }) => {
  // a phone's width in both projects: the 44 px targets are the phone layout's
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin@demo.test");
  await page.goto("/openings");
  const header = (await page.locator("header").boundingBox())!;
  expect(header.height).toBeLessThanOrEqual(120);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: "Admin" }).click();
  for (const target of [
    nav.getByRole("button", { name: "Admin" }),
    nav.getByRole("link", { name: "Settings" }),
    nav.getByRole("button", { name: "Sign out" }),
    nav.getByRole("link", { name: "Openings" }),
    nav.getByRole("link", { name: "Audit log" }),
  ])
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
