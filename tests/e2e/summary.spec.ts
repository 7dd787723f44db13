// The recruiter's candidate list and summary in a real browser — the page, the JSON API
// and the CSV agree; sorting and filtering; evidence on demand; the print handout; denials.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const OPENING = "Lead AI Platform Engineer — ML Platform";

async function openOpening(page: Page) {
  await page.goto("/openings");
  await page.getByRole("link", { name: OPENING }).click();
  await expect(page.getByRole("heading", { level: 1, name: OPENING })).toBeVisible();
}

const candidateNames = (page: Page) => page.getByRole("table").locator("tbody th > a:first-child").allTextContents();

test("a recruiter lands on openings; the candidate list sorts and filters", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await expect(page).toHaveURL(/\/openings$/);
  await openOpening(page);
  // default: highest score first, unscored last
  const byScore = await candidateNames(page);
  expect(byScore[0]).toBe("Nadia Hassan");
  // another spec may erase a candidate of this opening; that row sorts last
  expect(byScore.filter((n) => n !== "Erased candidate").at(-1)).toBe("Tom Okafor");

  await page.getByRole("link", { name: "Candidate", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: "Candidate" })).toHaveAttribute("aria-sort", "ascending");
  expect(await candidateNames(page)).toEqual([...byScore].sort((a, b) => a.localeCompare(b)));

  await page.getByLabel("Flags").selectOption("red-flag");
  // counts from the list itself: earlier specs may add candidates to this opening
  await expect(page.getByText(`1 of ${byScore.length} candidates match`)).toBeVisible();
  expect(await candidateNames(page)).toEqual(["Marcus Webb"]);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByText(`${byScore.length} candidates.`)).toBeVisible();
  await expect(page.getByLabel("Flags")).toHaveValue(""); // the form shows the filters in force

  // missing feedback, on the other opening (whose owed scorecard no other test fills in)
  await page.goto("/openings");
  await page.getByRole("link", { name: "AI Platform Reliability Engineer — Inference SRE" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "AI Platform Reliability Engineer — Inference SRE" }),
  ).toBeVisible();
  const all = await candidateNames(page);
  await expect(page.getByText(`${all.length} candidates.`)).toBeVisible();
  await page.getByLabel("Feedback missing").check();
  await expect(page.getByText(`1 of ${all.length} candidates match`)).toBeVisible();
  expect(await candidateNames(page)).toEqual(["Grace Liu"]);

  // the CSV export is the list as filtered
  const href = await page.getByRole("link", { name: "Download this list (CSV)" }).getAttribute("href");
  const csv = await (await page.request.get(href!)).text();
  expect(csv.trimEnd().split("\r\n")).toHaveLength(2);
  expect(csv).toContain("Grace Liu");
});

test("the summary page, its JSON and its CSV show the same numbers", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await openOpening(page);
  await page.getByRole("link", { name: "Marcus Webb", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Marcus Webb" })).toBeVisible();
  const id = page.url().split("/candidates/")[1];

  const api = await page.request.get(`/api/candidates/${id}/summary`);
  expect(api.status()).toBe(200);
  const json = await api.json();
  await expect(page.getByTestId("recommendation")).toHaveText(json.display.recommendation);
  await expect(page.getByTestId("score")).toContainText(json.display.score);
  await expect(page.getByTestId("coverage")).toContainText(json.display.coverage);
  expect(json.display.recommendation).toBe("No hire (red flag)");
  expect(json.score.split.isSplit).toBe(true);

  // the "why" table: one row per dimension with its contribution as the JSON has it
  const why = page.getByRole("table", { name: /contributes to the weighted score/ });
  for (const d of json.score.dimensions) {
    const row = why.getByRole("row", { name: new RegExp(`^${d.name.replace(/[()/]/g, "\\$&")}`) });
    await expect(row).toContainText(`${d.weight}%`);
    if (d.mean !== null) await expect(row).toContainText(d.mean.toFixed(2));
  }

  const csv = await (await page.request.get(`/api/candidates/${id}/ratings.csv`)).text();
  const rows = csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  const ratings = json.scorecards.reduce((n: number, s: { ratings: object }) => n + Object.keys(s.ratings).length, 0);
  expect(rows).toHaveLength(1 + ratings);
  for (const r of rows.slice(1))
    expect(r.endsWith(`,${json.display.score},${json.display.coverage},${json.display.recommendation}`)).toBe(true);

  // red flag with who raised it; evidence opens on demand, with the keyboard
  await expect(page.getByRole("region", { name: /Red flags raised \(1\)/ })).toContainText("Jordan Blake");
  const evidence = page
    .getByRole("table", { name: /Ratings by dimension and interviewer/ })
    .locator("summary")
    .first();
  await evidence.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("details[open] p").first()).toBeVisible();
});

test("the printed handout hides the app's chrome and includes every evidence note", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openOpening(page);
  await page.getByRole("link", { name: "Nadia Hassan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Hassan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evidence notes" })).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Evidence notes" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print debrief handout" })).toBeHidden();
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  }
});

// Who may reach these pages and their APIs, and how each denial looks (404 for a page, 401
// signed out), is tests/e2e/authz-matrix.spec.ts, for every kind of user.

test("the summary and the list have no accessibility violations, and fit a phone @phone", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await openOpening(page);
  const listUrl = page.url();
  await page.getByRole("link", { name: "Marcus Webb", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Marcus Webb" })).toBeVisible();
  for (const url of [listUrl, page.url()]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
