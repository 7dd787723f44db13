// An admin adds a person with a generated password, who signs in with it; deactivating
// them stops sign-in; the audit log shows both, filtered; nobody else reaches any of it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });
const EMAIL = `casey.${Date.now()}@demo.test`;
let password = "";

test("an admin adds a person; the one-time password lets them sign in", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
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
  await expect(entries.getByRole("listitem").first()).toContainText("active");
  await expect(entries.getByRole("listitem").nth(1)).toContainText("user.created");

  // a filter by action prefix and a bad date range
  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption("user.* (all)");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\./);
  const texts = await page.getByRole("list", { name: "Audit entries" }).getByRole("listitem").allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(2);
  expect(texts.every((t) => /user\.[a-z_]+\s*by /.test(t))).toBe(true);
  const csv = await page.request.get(`/api/admin/audit.csv?action=user.`);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body.trim().split("\r\n").length - 1).toBe(texts.length);
  await page.goto("/admin/audit?from=2026-11-23&to=2026-11-01");
  await expect(page.getByText("“From” must not be after “to”")).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/sign-in/);
  await expect(page.getByRole("alert")).toBeVisible();
});

test("no one but admins reaches users or the audit log, on pages or the API", async ({ page }) => {
  for (const who of ["recruiter@demo.test", "hiring.manager@demo.test", "interviewer@demo.test"]) {
    await signIn(page, who, DEMO_PASSWORD);
    for (const url of ["/admin/users", "/admin/audit"]) {
      const res = await page.goto(url);
      expect(res?.status(), `${who} ${url}`).toBe(404);
    }
    expect((await page.request.get("/api/admin/audit.csv")).status()).toBe(403);
    const created = await page.request.post("/api/admin/users", {
      data: { name: "Sneaky Person", email: "sneaky@demo.test", roles: ["admin"] },
    });
    expect(created.status()).toBe(403);
  }
  await page.context().clearCookies();
  expect(
    (
      await page.request.post("/api/admin/users", {
        data: { name: "Sneaky Person", email: "sneaky@demo.test", roles: ["admin"] },
      })
    ).status(),
  ).toBe(401);
  expect((await page.request.get("/api/admin/audit.csv")).status()).toBe(401);
});

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
