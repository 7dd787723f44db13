// The calibrated view in a real browser. Riley Novak rates about a point above their
// co-panelists in the demo data (seed/demo-history.ts); the hiring manager switches Nadia
// Hassan's summary and the opening's comparison to calibrated scores, with the raw ones beside.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const OPENING = "Lead AI Platform Engineer — ML Platform";

test("the hiring manager switches a summary to the calibrated view; the raw score stays beside it", async ({
  page,
}) => {
  await signIn(page, "hiring.manager@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: OPENING }).click();
  await page.getByRole("link", { name: "Nadia Hassan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Hassan" })).toBeVisible();

  const raw = (await page.getByTestId("score").textContent())!.replace(" / 5", "").trim();
  const calibrated = (await page.getByTestId("other-score").textContent())!.trim();
  const recommendation = await page.getByTestId("recommendation").textContent();
  const scores = page.getByRole("navigation", { name: "Scores shown" });
  await expect(scores.getByRole("link", { name: "Raw scores" })).toHaveAttribute("aria-current", "true");

  await scores.getByRole("link", { name: "Calibrated view" }).click();
  await expect(page).toHaveURL(/view=calibrated/);
  await expect(scores.getByRole("link", { name: "Calibrated view" })).toHaveAttribute("aria-current", "true");
  // the two figures change places: the calibrated one leads, the raw one is beside it
  await expect(page.getByText("Calibrated score", { exact: true })).toBeVisible();
  await expect(page.getByTestId("score")).toContainText(calibrated);
  await expect(page.getByTestId("other-score")).toHaveText(raw);
  expect(calibrated).not.toBe(raw);
  // the recommendation stays on raw scores (the role's default)
  await expect(page.getByTestId("recommendation")).toHaveText(recommendation!);
  await expect(page.getByText("The recommendation uses raw scores, as this role is set up.")).toBeVisible();
  // what was removed from whom, and the working on calibrated ratings
  const removed = page.getByTestId("calibration-adjustments");
  await expect(removed.getByRole("listitem").filter({ hasText: "Riley Novak" })).toContainText(
    /−0\.\d\d to every rating \(rates above co-panelists; \d+ shared ratings\)/,
  );
  await expect(page.getByRole("heading", { name: "Why: the working, on calibrated ratings" })).toBeVisible();

  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test("the comparison re-ranks on calibrated scores with the switch", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: OPENING }).click();
  await page
    .getByRole("link", { name: /Compare/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare candidates" })).toBeVisible();
  const others = page.getByTestId("ranked-other-score");
  await expect(others.first()).toContainText(/^calibrated \d\.\d\d$/);
  const rawScores = await page.getByTestId("ranked-score").allTextContents();

  const toggle = page.getByRole("switch", { name: /Calibrated view/ });
  await toggle.check();
  await expect(page.getByRole("heading", { name: /Ranking/ })).toContainText("calibrated scores");
  await expect(others.first()).toContainText(/^raw \d\.\d\d$/);
  // every raw score is still on the page, beside its calibrated one
  const shownRaw = (await others.allTextContents()).map((t) => t.replace("raw ", "")).sort();
  expect(shownRaw).toEqual([...rawScores].sort());
  await toggle.uncheck();
  expect(await page.getByTestId("ranked-score").allTextContents()).toEqual(rawScores);
});
