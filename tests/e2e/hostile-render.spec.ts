// Text with markup is stored as typed and shown as text everywhere — lists, the summary,
// the loop, search, the print view — and a spreadsheet never runs it as a formula.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const NAME = `<img src=x onerror="window.__xss=1">Zed <b>Markup</b>`;
const SOURCE = `=HYPERLINK("http://evil.example","click")`;
const FORMULA = `=HYPERLINK("http://evil.example","click") Person`;
const TITLE = `<script>window.__xss=2</script> Hostile opening`;

test("markup in names, titles and notes renders as text, and CSV cells cannot run formulas", async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a dialog opened: markup ran as code");
  });
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Role template").selectOption({ index: 1 });
  await page.getByLabel("Hiring manager").selectOption({ label: "Jordan Blake (hiring.manager@demo.test)" });
  await page.getByLabel("Recruiter").selectOption({ label: "Casey Morgan (recruiter@demo.test)" });
  await page.getByRole("button", { name: "Create opening" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const openingUrl = page.url();

  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("E-mail").fill("zed.markup@example.com");
  await page.getByLabel("Source (optional)").fill(SOURCE);
  await page.getByLabel("Notes (optional)").fill(`<iframe src="javascript:window.__xss=3"></iframe>`);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Added\b/ })).toBeVisible();

  await page.getByLabel("Name").fill(FORMULA);
  await page.getByLabel("E-mail").fill("formula.person@example.com");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Added\b/ })).toBeVisible();

  await page.goto(openingUrl);
  await expect(page.getByRole("link", { name: NAME, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: FORMULA, exact: true })).toBeVisible();
  await page.getByRole("link", { name: NAME, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  const summaryUrl = page.url();
  await page.goto(`/candidates?q=${encodeURIComponent("zed.markup")}`);
  await expect(page.getByRole("list", { name: "Candidates found" })).toContainText(NAME);
  await page.goto(`${summaryUrl}/loop`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(NAME);
  await page.goto(summaryUrl);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  for (const url of [openingUrl, summaryUrl]) {
    await page.goto(url);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), url).toBeUndefined();
    expect(await page.locator("img[src=x], iframe, b").count(), `${url}: no element made from the text`).toBe(0);
  }

  const csv = await (await page.request.get(`/api/openings/${openingUrl.split("/").pop()}/candidates.csv`)).text();
  expect(csv).toContain(`"<img src=x onerror=""window.__xss=1"">Zed <b>Markup</b>"`);
  // a cell that starts like a formula is kept as text with a leading apostrophe
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") Person"`);
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
});
