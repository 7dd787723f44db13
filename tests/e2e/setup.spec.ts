// An admin edits a role's weights and adds a red flag (a new version); a recruiter opens
// an opening on it, adds a candidate and builds a standard loop; interviewers reach none of it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const ROLE = "Distinguished AI Engineer";
test.describe.configure({ mode: "serial" });

test("an admin edits a role's weights and adds a red flag, saved as a new version with a diff", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/roles");
  await page.getByRole("link", { name: ROLE, exact: true }).click();
  await page.getByRole("link", { name: /^Edit \(saves version 2\)/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${ROLE}` })).toBeVisible();

  const first = page.getByLabel("Weight (%)").first();
  const before = Number(await first.inputValue());
  await first.fill(String(before + 5));
  await expect(page.getByTestId("weight-total")).toContainText("Weights total 105% — must be 100 (over by 5)");
  // saving now is refused in the form, with the reason next to the dimensions
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText(/weights must sum to 100 \(they sum to 105\)/)).toBeVisible();
  await page.getByRole("button", { name: "Spread the remainder evenly" }).click();
  await expect(page.getByTestId("weight-total")).toHaveText("Weights total 100%");

  const flags = page.getByLabel("Red flags", { exact: true });
  await flags.fill(`${await flags.inputValue()}\nCannot name a single trade-off they regret.`);
  await page.getByLabel("What changed, and why").fill("More weight on the first dimension; one more red flag.");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page).toHaveURL(/\/roles\/distinguished-ai-engineer$/);
  await expect(page.getByText("Version 2 (current)")).toBeVisible();
  await expect(page.getByText("Cannot name a single trade-off they regret.")).toBeVisible();

  await page.getByRole("link", { name: "What changed between versions" }).click();
  const changes = page.getByRole("list", { name: "Changes" });
  await expect(changes).toContainText("Red flag added: Cannot name a single trade-off they regret.");
  await expect(changes).toContainText(/Weight of .+: \d+(\.\d+)?% → \d+(\.\d+)?%/);
});

test("a recruiter opens an opening on it, adds a candidate and builds a standard loop", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: "New opening" }).click();
  // bad input is refused next to the field and nothing is created
  await page.getByRole("button", { name: "Create opening" }).click();
  await expect(page.getByText("Give the opening a title (at least 3 characters)")).toBeVisible();
  await page.getByLabel("Title").fill("Distinguished AI Engineer — Research Platform");
  await page.getByLabel("Role template").selectOption({ label: `${ROLE} (v2)` });
  await page.getByLabel("Hiring manager").selectOption({ label: "Jordan Blake (hiring.manager@demo.test)" });
  await page.getByLabel("Recruiter").selectOption({ label: "Casey Morgan (recruiter@demo.test)" });
  await page.getByRole("button", { name: "Create opening" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Distinguished AI Engineer — Research Platform" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: `${ROLE} v2` })).toBeVisible();

  await page.getByLabel("Name").fill("Ines Duarte");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  await page.getByLabel("E-mail").fill("ines.duarte@example.com");
  await page.getByLabel("Source (optional)").fill("referral");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added Ines Duarte." })).toBeVisible();
  await page.getByRole("link", { name: "Plan their loop" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Loop for Ines Duarte" })).toBeVisible();
  await expect(page.getByTestId("coverage-text")).toHaveText("This loop covers none of the role's dimensions yet.");
  await page.getByRole("button", { name: /Create the standard loop \((\d+) interviews\)/ }).click();
  await expect(page.getByRole("heading", { name: /Interviews \([1-9]\d*\)/ })).toBeVisible();
  await expect(page.getByTestId("coverage-text")).toContainText("This loop covers");
  // planning the loop moved the candidate on from applied (docs/decisions/051)
  await expect(page.getByLabel("Stage")).toHaveValue("interviewing");
  await expect(page.getByRole("button", { name: "Move to this stage" })).toBeDisabled();
  await page.getByLabel("Stage").selectOption("debrief");
  await page.getByRole("button", { name: "Move to this stage" }).click();
  await expect(page.getByRole("button", { name: "Move to this stage" })).toBeDisabled();

  // found again by e-mail
  await page.goto("/candidates?q=ines.duarte");
  await expect(page.getByRole("list", { name: "Candidates found" })).toContainText("Ines Duarte");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("interviewers reach none of the setup screens, and recruiters cannot edit templates", async ({ page }) => {
  await signIn(page, "interviewer@demo.test");
  for (const url of [
    "/openings/new",
    "/candidates",
    "/roles/new",
    "/roles/import",
    "/roles/distinguished-ai-engineer/edit",
  ]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
  expect((await page.request.post("/api/openings", { data: { title: "Sneaky" } })).status()).toBe(403);
  await signIn(page, "recruiter@demo.test");
  expect((await page.goto("/roles/distinguished-ai-engineer/edit"))?.status()).toBe(404);
  expect((await page.request.put("/api/roles/distinguished-ai-engineer", { data: { role: {} } })).status()).toBe(403);
  expect((await page.request.get("/api/roles/export")).status()).toBe(403);
});

test("the role editor and the loop builder have no accessibility violations, and fit a phone @phone", async ({
  page,
}) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/roles/head-of-ai-engineering/edit");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Edit");
  const editorUrl = page.url();
  await page.goto("/candidates?q=Elena");
  await page.getByRole("list", { name: "Candidates found" }).getByRole("link", { name: "loop" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Loop for Elena Petrova" })).toBeVisible();
  for (const url of [editorUrl, page.url()]) {
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
