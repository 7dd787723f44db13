// The hiring pipeline as recruiters and hiring managers walk it (docs/decisions/052, 053): the
// openings list and what needs chasing, the candidate list's decision column, adding on demand and
// filters that apply as chosen; the summary's trail back and its gaps; wide tables on a phone;
// decisions that move the stage, and the landing page's "awaiting your decision".
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const LEAD = "Lead AI Platform Engineer — ML Platform";
const SRE = "AI Platform Reliability Engineer — Inference SRE";

const openings = (page: Page) => page.getByRole("list", { name: "Openings" }).getByRole("listitem");
const trail = (page: Page) => page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("openings: open before closed, with overdue scorecards and candidates awaiting a decision", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await expect(openings(page).last()).toContainText("Spring round (closed)");
  await expect(openings(page).first()).not.toContainText("closed");
  // Nadia Hassan's loop is complete and nobody has decided on her
  await expect(openings(page).filter({ hasText: LEAD })).toContainText(/[12] awaiting a decision/);
  await expect(openings(page).filter({ hasText: SRE })).toContainText(/1 scorecard overdue/);
  await noAxeViolations(page);
});

test("the candidate list: a decision column, No interviews yet, Add a candidate on demand", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: SRE }).click();
  await expect(page.getByRole("columnheader", { name: "Decision" })).toBeVisible();
  await expect(row(page, "Omar Farouk")).toContainText("Awaiting decision");
  await expect(row(page, "Lina Sorensen")).toContainText("No interviews yet");
  await expect(row(page, "Lina Sorensen")).not.toContainText("Insufficient evidence");
  // the form waits behind its disclosure instead of pushing the list down
  await expect(page.getByLabel("Name")).toBeHidden();
  await page.getByText("Add a candidate", { exact: true }).click();
  await expect(page.getByLabel("Name")).toBeVisible();
  await noAxeViolations(page);
});

test("filters apply as they are chosen; the URL follows, and back undoes them", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: LEAD }).click();
  await expect(page.getByText(/\b\d+ candidates\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);
  const flags = page.getByLabel("Flags");
  await flags.focus();
  await flags.selectOption("red-flag");
  await expect(page).toHaveURL(/flag=red-flag/);
  await expect(page.getByText(/1 of \d+ candidates match/)).toBeVisible();
  await expect(page.getByLabel("Flags")).toBeFocused(); // the list changed, the focus stayed
  await page.goBack();
  await expect(page).not.toHaveURL(/flag=/);
  await expect(page.getByText(/\b\d+ candidates\./)).toBeVisible();
  await expect(page.getByLabel("Flags")).toHaveValue("");
  await page.goForward();
  await expect(page.getByText(/1 of \d+ candidates match/)).toBeVisible();
});

test("the summary's trail leads back where the reader came from", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/candidates?q=nadia");
  await page.getByRole("list", { name: "Candidates found" }).getByRole("link", { name: "Nadia Hassan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Hassan" })).toBeVisible();
  await expect(trail(page)).toHaveText(["Find a candidate"]);
  const url = new URL(page.url());
  // switching to the calibrated view and back keeps the trail
  await page.getByRole("link", { name: "Calibrated view" }).click();
  await expect(page).toHaveURL(/view=calibrated/);
  await expect(trail(page)).toHaveText(["Find a candidate"]);
  await page.getByRole("link", { name: "Raw scores" }).click();
  await expect(page).toHaveURL(/view=raw/);
  await expect(trail(page)).toHaveText(["Find a candidate"]);

  await page.goto("/openings");
  await page.getByRole("link", { name: LEAD }).click();
  await page.getByRole("link", { name: "Nadia Hassan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Hassan" })).toBeVisible();
  await expect(trail(page)).toHaveText(["Openings", LEAD]);

  // only the known places: anything else is the opening's list, never an address from the URL
  await page.goto(`${url.pathname}?from=${encodeURIComponent("https://evil.example/")}`);
  await expect(trail(page)).toHaveText(["Openings", LEAD]);
});

test("Gaps suggests only exercises not already held or booked", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: LEAD }).click();
  // Tom Okafor's one interview, the architecture case study, is booked; nothing is rated yet
  await page.getByRole("link", { name: "Tom Okafor", exact: true }).click();
  const gaps = page.getByRole("region", { name: /^Gaps/ });
  await expect(gaps).toContainText("Already in the loop: Architecture case study");
  for (const line of await gaps.getByText(/^Would be covered by/).allTextContents())
    expect(line).not.toContain("Architecture case study");
});

test("wide tables show that they scroll, and scroll from the keyboard @phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: LEAD }).click();
  await page.getByRole("link", { name: "Nadia Hassan", exact: true }).click();
  for (const name of ["The working", "The panel's ratings"]) {
    const region = page.getByRole("region", { name: `${name} (scrolls sideways on small screens)` });
    await region.scrollIntoViewIfNeeded();
    const cue = region.locator("xpath=../following-sibling::p[@data-testid='scroll-cue']");
    await expect(cue).toBeVisible();
    await expect(cue).toContainText("More columns to the right");
    await region.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press("ArrowRight");
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect(cue).toContainText("More columns to the left");
    const last = region.getByRole("columnheader").last();
    await expect(last).toBeInViewport();
  }
});

test("a decision moves the stage; the form closes; the landing page lists what awaits the manager", async ({
  page,
}) => {
  await signIn(page, "hiring.manager@demo.test");
  await expect(page).toHaveURL(/\/openings$/);
  const awaiting = page.getByRole("region", { name: /Awaiting your decision/ });
  await expect(awaiting).toContainText("Nadia Hassan");
  const first = await awaiting.boundingBox();
  const list = await page.getByRole("list", { name: "Openings" }).boundingBox();
  expect(first!.y).toBeLessThan(list!.y);
  await noAxeViolations(page);

  await awaiting.getByRole("link", { name: "Nadia Hassan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Hassan" })).toBeVisible();
  await expect(page.getByText(/stage: debrief/)).toBeVisible();
  await page.getByRole("radio", { name: "Hire", exact: true }).check();
  await page.getByLabel("Rationale").fill("Strongest panel of the round; every dimension covered.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded." })).toBeVisible();
  await expect(page.getByText(/stage: offer/)).toBeVisible();
  await expect(page.getByLabel("Rationale")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Revise the decision" })).toBeFocused();
  if (process.env.SCREENS) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "docs/screens/12-decision-after.png" });
  }

  await page.goto("/openings");
  await expect(page.getByTestId("awaiting-decision").getByText("Nadia Hassan")).toHaveCount(0);

  // revising Hire to Hold puts the stage back where it was before the decision
  await page.goBack();
  await page.getByRole("button", { name: "Revise the decision" }).click();
  await page.getByRole("radio", { name: "Hold", exact: true }).check();
  await page.getByLabel("Rationale").fill("Waiting for the reference check before we offer.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded." })).toBeVisible();
  await expect(page.getByText(/stage: debrief/)).toBeVisible();
  await expect(page.getByLabel("Rationale")).toHaveCount(0);
});
