// The home page lists the role templates and a role page shows one in full,
// readable on a phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectedRoles } from "../support/seed-readme";
import { signIn } from "./sign-in";

const roles = expectedRoles();

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin@demo.test");
});

test("the role templates page lists all five", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/openings$/); // admins land on openings
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Role templates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Role templates" })).toBeVisible();
  for (const r of roles) await expect(page.getByRole("link", { name: r.title, exact: true })).toBeVisible();
});

for (const r of roles) {
  test(`the role page shows ${r.title} completely`, async ({ page }) => {
    await page.goto("/roles");
    await page.getByRole("link", { name: r.title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: r.title })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Scorecard dimensions (${r.dimensions})` })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Case exercises (${r.exercises})` })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Red flags (${r.redFlags})` })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Strong signals (${r.strongSignals})` })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Weak signals (${r.weakSignals})` })).toBeVisible();
    await expect(page.getByRole("heading", { name: `What to assess in interviews (${r.assessAreas})` })).toBeVisible();
    const dimensions = page.locator("#dimensions-heading ~ div ol > li");
    await expect(dimensions).toHaveCount(r.dimensions);
    const weights = await dimensions.getByLabel(/^Weight /).allTextContents();
    const total = weights.reduce((sum, w) => sum + Number(w.replace("%", "")), 0);
    expect(Math.round(total * 100) / 100).toBe(100);
    const note = page.getByRole("note");
    if (r.weights === "equal-default") await expect(note).toContainText("default chosen by the app");
    else await expect(note).toHaveCount(0);
  });
}

test("an unknown role is a clear not-found page", async ({ page }) => {
  const response = await page.goto("/roles/no-such-role");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("role pages are readable on a phone @phone", async ({ page }) => {
  for (const r of roles) {
    await page.goto(`/roles/${r.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: r.title })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${r.slug} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  }
});

test("the home and role pages have no accessibility violations", async ({ page }) => {
  for (const url of ["/roles", `/roles/${roles[2].slug}`]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  }
});
