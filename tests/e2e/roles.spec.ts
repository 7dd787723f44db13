// The home page lists the role templates and a role page shows one in full,
// readable on a phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectedRoles } from "../support/seed-readme";
import { fillHydrated } from "./hydrated";
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

// The role editor (docs/decisions/025): unsaved work is not lost to a stray click or a reload; a
// new anchor's rating is asked; the fixed slug reads as text; what was changed, by whom, when and
// why is on the version page and in the diff, with the before and after text.
const edited = roles.find((r) => r.slug !== "lead-ai-platform-engineer")!;

test("the role editor asks before leaving with unsaved edits, by a link or a reload", async ({ page }) => {
  await page.goto(`/roles/${edited.slug}/edit`);
  const title = page.getByRole("textbox", { name: "Role title", exact: true });
  // nothing typed: leaving does not ask
  let asked = 0;
  page.on("dialog", () => void asked++);
  await page.getByRole("link", { name: "Role templates" }).first().click();
  await expect(page).toHaveURL(/\/roles$/);
  expect(asked).toBe(0);
  page.removeAllListeners("dialog");

  await page.goto(`/roles/${edited.slug}/edit`);
  // typed only once the form is live, as a person would (not into the server's HTML)
  await fillHydrated(title, `${edited.title} (draft)`);
  // an in-app link: a confirm; staying keeps the page and the text
  const dialogs: string[] = [];
  page.once("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.getByRole("link", { name: "Role templates" }).first().click();
  await expect.poll(() => dialogs).toEqual(["confirm: Leave this page? Your changes to this role are not saved."]);
  await expect(page).toHaveURL(new RegExp(`/roles/${edited.slug}/edit$`));
  await expect(title).toHaveValue(`${edited.title} (draft)`);
  // a reload: the browser's own question (beforeunload); leaving drops the edit
  page.once("dialog", (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(dialogs[1]).toBe("beforeunload");
  await expect(title).toHaveValue(edited.title);
});

test("Add anchor asks for the rating, and the fixed slug is text, not a box", async ({ page }) => {
  await page.goto(`/roles/${edited.slug}/edit`);
  await expect(page.getByRole("textbox", { name: /Slug/ })).toHaveCount(0);
  await expect(page.getByText(edited.slug, { exact: true })).toBeVisible();

  const dim = page.getByRole("listitem").filter({ has: page.getByLabel("Dimension 1 name", { exact: true }) });
  const anchors = dim.getByRole("group", { name: /^Anchors/ });
  const rows = anchors.getByRole("listitem");
  const before = await rows.count();
  await anchors.getByRole("button", { name: "Add anchor" }).click();
  await expect(anchors.getByRole("alert")).toHaveText("Choose the rating the new anchor describes, then add it.");
  await expect(anchors.getByLabel("Rating the new anchor describes")).toBeFocused();
  await expect(rows).toHaveCount(before);
  await anchors.getByLabel("Rating the new anchor describes").selectOption({ label: "5 Exceptional" });
  await anchors.getByRole("button", { name: "Add anchor" }).click();
  await expect(rows).toHaveCount(before + 1);
  await expect(anchors.getByLabel(`Anchor ${before + 1} rating`)).toHaveValue("5");
  await expect(anchors.getByLabel(`Anchor ${before + 1} label`)).toBeFocused();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
});

test("the version page and the diff show the note, author and date, and the before and after text", async ({
  page,
}) => {
  await page.goto(`/roles/${edited.slug}/edit`);
  const dim = page.getByRole("listitem").filter({ has: page.getByLabel("Dimension 1 name", { exact: true }) });
  const firstAnchor = dim.getByLabel("Anchor 1 text", { exact: true });
  const oldText = await firstAnchor.inputValue();
  await firstAnchor.fill(`${oldText} Clarified with an example.`);
  const evidence = dim.getByLabel("Evidence to seek (optional)");
  const oldEvidence = await evidence.inputValue();
  await evidence.fill("Ask for the last incident they led.");
  await page.getByLabel("What changed, and why (kept with the version)").fill("Clearer meets-bar anchor");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/roles/${edited.slug}$`));
  await expect(page.getByText("What changed, and why: Clearer meets-bar anchor")).toBeVisible();
  await expect(page.getByText(/saved by Robin Hale on/)).toBeVisible();

  await page.getByRole("link", { name: "What changed between versions" }).click();
  const saved = page.getByRole("region", { name: "Versions saved" });
  await expect(saved).toContainText("saved by Robin Hale on");
  await expect(saved).toContainText("What changed, and why: Clearer meets-bar anchor");
  const changes = page.getByRole("list", { name: "Changes" });
  await expect(changes.getByText("Before").first()).toBeVisible();
  await expect(changes).toContainText(oldText);
  await expect(changes).toContainText(`${oldText} Clarified with an example.`);
  await expect(changes).toContainText("Evidence to seek");
  if (oldEvidence) await expect(changes).toContainText(oldEvidence);
  await expect(changes).toContainText("Ask for the last incident they led.");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
});
