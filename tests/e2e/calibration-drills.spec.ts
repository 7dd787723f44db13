// Calibration drills (docs/decisions/080-calibration-drills.md): an interviewer rates the demo's
// published drill with the scorecard's inputs, sees nothing of the consensus before submitting and
// their deviation after; an admin writes and publishes a drill; the calibration page shows the
// attempt in the drift table. Each page passes an accessibility scan.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_DRILL_TITLE } from "../../seed/demo-drill";
import { fillHydrated } from "./hydrated";
import { signIn } from "./sign-in";

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe.configure({ mode: "serial" });

test("an interviewer rates the demo drill once and only then sees their deviation from the consensus", async ({
  page,
}) => {
  await signIn(page, "interviewer@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drills" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calibration drills" })).toBeVisible();
  await page.getByRole("link", { name: DEMO_DRILL_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_DRILL_TITLE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your ratings against the consensus" })).toHaveCount(0);
  await expect(page.getByRole("radiogroup", { name: /^Rating for / })).toHaveCount(4);
  await noAxeViolations(page);

  // nothing chosen (evidence is no rating): each dimension says so, next to it; nothing is stored
  await fillHydrated(page.getByLabel("Evidence for ML systems / MLOps"), "Registry, staged promotion, canaries.");
  await page.getByRole("button", { name: "Submit my drill ratings" }).click();
  await expect(page.getByText("Rate this dimension, or mark it Not assessed")).toHaveCount(4);

  const rate = (name: string, option: string) =>
    page
      .getByRole("radiogroup", { name: `Rating for ${name}` })
      .getByRole("radio", { name: option, exact: true })
      .check();
  await rate("Architecture & design", "4 Exceeds bar");
  await rate("ML systems / MLOps", "5 Exceptional");
  await rate("Reliability & operations", "3 Meets bar");
  await rate("Security & governance", "Not assessed");
  await page.getByRole("button", { name: "Submit my drill ratings" }).click();

  // the consensus is 4, 4, 3, 2: deviations 0, +1, 0 and none; mean +0.33 over three dimensions
  const result = page.getByRole("region", { name: "Your drill ratings and the consensus" });
  await expect(result).toBeVisible();
  await expect(result.getByRole("row", { name: /ML systems/ })).toContainText("+1.00");
  await expect(result.getByRole("row", { name: /Security & governance/ })).toContainText("Not assessed");
  await expect(page.getByText(/On average you rated \+0\.33 from it \(more lenient\)/)).toBeVisible();
  await expect(result).toContainText("Registry, staged promotion, canaries.");
  await noAxeViolations(page);

  // final: after a reload the result again, no form
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your ratings against the consensus" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit my drill ratings" })).toHaveCount(0);
  await page.goto("/drills");
  await expect(page.getByRole("listitem").filter({ hasText: DEMO_DRILL_TITLE })).toContainText("Submitted");
});

test("an admin writes a drill whose consensus emerges from the raters, and publishes it", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/admin/drills");
  await expect(page.getByRole("heading", { level: 1, name: "Calibration drills" })).toBeVisible();
  await noAxeViolations(page);
  // admin consensus without a rating: refused next to the consensus
  await fillHydrated(page.getByLabel("Title"), "Drill written in the browser");
  await page.getByLabel("Reference answer").fill("The candidate described a blue-green rollout.");
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByText("Set the consensus rating of at least one dimension")).toBeVisible();
  await page.getByLabel(/It emerges from the raters/).check();
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Drill written in the browser" })).toBeVisible();
  await expect(page.getByText(/^Draft: interviewers do not see it/)).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/^Published: interviewers can rate it/)).toBeVisible();
  await noAxeViolations(page);
});

test("the calibration page lists the attempt in the drift table", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/calibration");
  const drift = page.getByRole("region", { name: "Deviation from drill consensus over time" });
  await expect(drift).toBeVisible();
  const sam = drift.getByRole("rowgroup").filter({ hasText: "Sam Patel" });
  await expect(sam).toContainText(DEMO_DRILL_TITLE);
  await expect(sam).toContainText("+0.33");
  await expect(sam).toContainText("no trend before 3 attempts");
});
