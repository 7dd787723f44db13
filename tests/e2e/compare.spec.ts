// The demo hiring manager compares the demo candidates, moves a weight and sees the
// ranking change, goes blind, and records an override decision with a rationale.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { atPhoneSize, expectOnScreen, renderedTextHeights } from "./on-screen";
import { signIn } from "./sign-in";

const OPENING = "Lead AI Platform Engineer — ML Platform";

async function openCompare(page: Page) {
  await page.goto("/openings");
  await page.getByRole("link", { name: OPENING }).click();
  await page.getByRole("link", { name: "Compare candidates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare candidates" })).toBeVisible();
}
const ranking = (page: Page) =>
  page.getByRole("list", { name: "Candidates ranked by weighted score" }).getByTestId("ranked-candidate");

test("what-if weights re-rank at once, always total 100, and reset", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openCompare(page);
  await expect(ranking(page).first()).toContainText("Nadia Hassan");
  await expect(page.getByRole("heading", { name: /Not ranked: insufficient evidence/ })).toBeVisible();
  await expect(page.getByTestId("sensitivity")).toContainText(/#1 Nadia Hassan and #2 Marcus Webb/);

  // Marcus is the stronger platform engineer: weigh only that dimension
  const weight = page.getByRole("spinbutton", { name: "Platform engineering (K8s/IaC/CI/CD) weight (%)" });
  await weight.fill("100");
  await expect(ranking(page).first()).toContainText("Marcus Webb");
  await expect(page.getByRole("heading", { name: /Ranking/ })).toContainText("what-if weights");
  await expect(page.getByText("Total: 100%")).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Communication weight (%)" })).toHaveValue("0");

  // the slider works with the keyboard too, and moving it rescales the others
  await page.getByRole("button", { name: "Reset to the role's weights" }).click();
  await expect(ranking(page).first()).toContainText("Nadia Hassan");
  await expect(weight).toHaveValue("20");
  await page.getByRole("slider", { name: "Communication" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("spinbutton", { name: "Communication weight (%)" })).toHaveValue("6");
  await expect(page.getByText("Total: 100%")).toBeVisible();
});

test("blind comparison hides names and personal details", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openCompare(page);
  await page.getByRole("link", { name: /Blind comparison: hide names/ }).click();
  await expect(page.getByText(/Names and personal details are hidden/)).toBeVisible();
  await expect(ranking(page).first()).toContainText(/Candidate [A-Z]/);
  // the blind page as the server sends it, not the page it was reached from (the landing page names candidates)
  await page.reload();
  const html = await page.content();
  for (const name of ["Nadia Hassan", "Marcus Webb", "Elena Petrova", "Tom Okafor"]) expect(html).not.toContain(name);
});

test("the hiring manager records an override with a rationale; it is listed for the opening", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openCompare(page);
  await page.getByRole("link", { name: "Marcus Webb" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Marcus Webb" })).toBeVisible();

  await page.getByRole("radio", { name: "Hire", exact: true }).check();
  await expect(page.getByRole("note")).toContainText("goes against the computed recommendation (No hire (red flag))");
  await page.getByLabel("Rationale").fill("Strongest platform engineer we have seen this quarter.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(/This decision goes against the computed recommendation: say why/)).toBeVisible();

  await page
    .getByLabel(/Why go against/)
    .fill("The governance concern was probed again in a follow-up call and answered convincingly.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded." })).toBeVisible();
  const decision = page.getByRole("region", { name: "Decision" });
  await expect(decision).toContainText("override of No hire (red flag)");
  await expect(decision).toContainText("answered convincingly");
  // the form closes after saving; revising opens it again
  await expect(page.getByRole("button", { name: "Revise the decision" })).toBeVisible();
  await expect(page.getByLabel("Rationale")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Compare" }).click();
  await expect(page.getByRole("region", { name: /Decisions against the recommendation \(1\)/ })).toContainText(
    "Marcus Webb: Hire against No hire (red flag)",
  );
  await expect(ranking(page).filter({ hasText: "Marcus Webb" })).toContainText("Decided: Hire (override)");
});

test("recruiters compare but do not decide; interviewers and other hiring managers get not found", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await openCompare(page);
  const url = page.url();
  await page.getByRole("link", { name: "Nadia Hassan" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Hassan" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  const id = new URL(page.url()).pathname.split("/candidates/")[1];
  const res = await page.request.post(`/api/candidates/${id}/decisions`, {
    data: { outcome: "hold", rationale: "A recruiter trying to decide." },
  });
  expect(res.status()).toBe(403);
  for (const who of ["interviewer@demo.test", "hiring.manager2@demo.test"]) {
    await signIn(page, who);
    expect((await page.goto(url))?.status()).toBe(404);
    expect(
      (
        await page.request.post(`/api/candidates/${id}/decisions`, {
          data: { outcome: "hold", rationale: "Not mine to decide at all." },
        })
      ).status(),
    ).toBe(404);
  }
});

test("the comparison has no accessibility violations, and fits a phone @phone", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openCompare(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

const PLATFORM = "Platform engineering (K8s/IaC/CI/CD)";

test("on a phone the ranking stays in view while the what-if sliders move it @phone", async ({ page }) => {
  await atPhoneSize(page);
  await signIn(page, "hiring.manager@demo.test");
  await openCompare(page);
  const slider = page.getByRole("slider", { name: PLATFORM });
  const weight = page.getByRole("spinbutton", { name: `${PLATFORM} weight (%)` });
  await weight.scrollIntoViewIfNeeded();
  // from lg up the full ranking sits beside the sliders; on a phone its top is kept above them
  const phone = page.viewportSize()!.width < 1024;
  const leader = (phone ? page.getByTestId("mini-ranked") : ranking(page)).first();
  await expect(leader).toContainText("Nadia Hassan");
  await expectOnScreen(page, leader);
  await expectOnScreen(page, slider);

  await weight.fill("100");
  await expect(leader).toContainText("Marcus Webb");
  await expect(leader).toContainText("▲ 1");
  // both still in view, nothing scrolled, and the ranking does not cover the slider
  const top = await expectOnScreen(page, leader);
  const thumb = await expectOnScreen(page, slider);
  if (phone) {
    const mini = await expectOnScreen(page, page.getByTestId("mini-ranking"));
    expect(mini.y + mini.height).toBeLessThanOrEqual(thumb.y);
  } else expect(top.x + top.width).toBeLessThanOrEqual(thumb.x);
  // every weight reached by keyboard, from the bottom up, is in view and below the sticky ranking
  const reset = page.getByRole("button", { name: "Reset to the role's weights" });
  await reset.focus();
  const stops = 2 * (await page.getByRole("slider").count());
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Shift+Tab");
    const focused = await expectOnScreen(page, page.locator(":focus"));
    if (phone) {
      const mini = (await page.getByTestId("mini-ranking").boundingBox())!;
      expect(focused.y).toBeGreaterThanOrEqual(mini.y + mini.height);
    }
  }
  await expect(page.getByRole("slider").first()).toBeFocused();
  await weight.scrollIntoViewIfNeeded();
  if (process.env.SCREENS && phone) await page.screenshot({ path: "docs/screens/15-whatif-after.png" });
});

test("the profile chart's labels are 12 px or more on a phone @phone", async ({ page }) => {
  await atPhoneSize(page);
  await signIn(page, "hiring.manager@demo.test");
  await openCompare(page);
  const chart = page.getByRole("img", { name: /Mean rating per dimension/ });
  await chart.scrollIntoViewIfNeeded();
  const texts = await renderedTextHeights(chart);
  expect(texts.filter((t) => t.height < 12)).toEqual([]);
  expect(texts.map((t) => t.text)).toContain(PLATFORM);
  const box = (await chart.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
});

test("what-if weights travel in the link: written as they move, read on load, a bad link ignored", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openCompare(page);
  const base = page.url();
  const weight = page.getByRole("spinbutton", { name: `${PLATFORM} weight (%)` });
  const slider = page.getByRole("slider", { name: PLATFORM });

  // 99.9 is shown as 99.9, read out as 99.9, and the total is still 100
  await weight.fill("99.9");
  await expect(weight).toHaveValue("99.9");
  await expect(slider).toHaveAttribute("aria-valuetext", "99.9%");
  await expect(page.getByText("Total: 100%")).toBeVisible();
  await expect(ranking(page).first()).toContainText("Marcus Webb");
  await expect(page).toHaveURL(/[?&]w=[\d.,]+/);

  // the link, opened afresh, shows the same weights and ranking
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByRole("spinbutton", { name: `${PLATFORM} weight (%)` })).toHaveValue("99.9");
  await expect(other.getByRole("heading", { name: /Ranking/ })).toContainText("what-if weights");
  await expect(ranking(other).first()).toContainText("Marcus Webb");
  await other.close();

  // going blind keeps them; resetting takes them out of the link
  await page.getByRole("link", { name: /Blind comparison: hide names/ }).click();
  await expect(page).toHaveURL(/blind=1/);
  await expect(weight).toHaveValue("99.9");
  await page.getByRole("button", { name: "Reset to the role's weights" }).click();
  await expect(weight).toHaveValue("20");
  await expect(page).not.toHaveURL(/[?&]w=/);

  // hostile or out-of-range links are ignored, with a note, never an error
  const n = await page.getByRole("spinbutton", { name: /weight \(%\)$/ }).count();
  const zeros = Array.from({ length: n - 1 }, () => "0");
  for (const bad of [
    ["101", ...zeros].join(","),
    ["-5", ...zeros].join(","),
    ["1e2", ...zeros].join(","),
    ["Infinity", ...zeros].join(","),
    "100,0",
    `<script>alert(1)</script>`,
    "9".repeat(5000),
  ]) {
    const res = await page.goto(`${base}?w=${encodeURIComponent(bad)}`);
    expect(res?.status(), bad).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "do not fit this role" })).toBeVisible();
    await expect(page).not.toHaveURL(/[?&]w=/);
    await expect(weight).toHaveValue("20");
    await expect(ranking(page).first()).toContainText("Nadia Hassan");
  }
  expect((await page.goto(`${base}?w=100&w=0`))?.status()).toBe(200);
  await expect(weight).toHaveValue("20");
});
