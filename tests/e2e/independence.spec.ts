// Independent ratings first in a real browser (docs/decisions/024-independent-ratings-first.md):
// the demo's Jordan Blake manages the Lead AI opening and also interviews Elena Petrova (not yet
// submitted). Elena's summary says why nothing of the panel's shows and links to Jordan's
// scorecard; the list and the comparison show her as hidden, unranked. A recruiter not on her loop
// sees everything.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const OPENING = "Lead AI Platform Engineer — ML Platform";

async function openOpening(page: Page) {
  await page.goto("/openings");
  await page.getByRole("link", { name: OPENING }).click();
  await expect(page.getByRole("heading", { level: 1, name: OPENING })).toBeVisible();
}

test("a hiring manager who interviews Elena sees why her feedback is hidden, and where to submit", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openOpening(page);
  const row = page.getByRole("row", { name: /Elena Petrova/ });
  await expect(row.getByTestId("feedback-hidden")).toContainText("Hidden until you submit your scorecard");
  await expect(page.getByTestId("feedback-hidden-note")).toBeVisible();

  await row.getByRole("link", { name: "Elena Petrova", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Elena Petrova" })).toBeVisible();
  const panel = page.getByTestId("feedback-withheld");
  await expect(panel).toContainText(
    "You have not submitted your own scorecard for Elena Petrova yet. Others' feedback stays hidden until you do (independent ratings first).",
  );
  // nothing of the panel's: no score, working, ratings, evidence, decision form or download
  await expect(page.getByTestId("score")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Why: the working/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "The panel's ratings" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Where the panel agrees and disagrees" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download ratings (CSV)" })).toHaveCount(0);
  expect(await page.content()).not.toContain("Reasonable design; rollout plan was generic.");
  await expect(page.getByRole("heading", { name: "Loop progress" })).toBeVisible();

  await panel.getByRole("link", { name: "Open your scorecard" }).click();
  await expect(page).toHaveURL(/\/interviews\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Elena Petrova" })).toBeVisible();
});

test("the comparison lists Elena apart, unranked, for that hiring manager only", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openOpening(page);
  await page.getByRole("link", { name: "Compare candidates" }).click();
  const hidden = page.getByTestId("hidden-candidates");
  await expect(hidden).toContainText("Elena Petrova — Hidden until you submit your scorecard");
  await expect(page.getByRole("list", { name: "Candidates ranked by weighted score" })).not.toContainText(
    "Elena Petrova",
  );
  await expect(
    page.getByText(
      "Equal scores are ordered by coverage (higher first), then by when the candidate was added (earlier first).",
    ),
  ).toBeVisible();

  await signIn(page, "recruiter@demo.test");
  await openOpening(page);
  await expect(page.getByTestId("feedback-hidden")).toHaveCount(0);
  await page.getByRole("link", { name: "Elena Petrova", exact: true }).click();
  await expect(page.getByTestId("feedback-withheld")).toHaveCount(0);
  await expect(page.getByTestId("score")).toBeVisible();
});
