// A recruiter opens Interviewer calibration from the navigation, reads the figures and
// the charts, sorts and filters, and downloads the table as CSV; a hiring manager sees only their
// opening's interviewers; an interviewer has no link and gets not found from the page and the CSV.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { atPhoneSize, renderedTextHeights } from "./on-screen";
import { signIn } from "./sign-in";

async function openCalibration(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Interviewer calibration" })).toBeVisible();
}
const rows = (page: Page) => page.getByTestId("calibration-row");

test("a recruiter sees every interviewer's figures and charts, sorts, filters and downloads the CSV", async ({
  page,
}) => {
  await signIn(page, "recruiter@demo.test");
  await openCalibration(page);
  await expect(
    page.getByRole("status").filter({ hasText: /submitted scorecards? by \d+ interviewers?/ }),
  ).toBeVisible();

  // the per-interviewer table: every demo interviewer who submitted, from both openings
  const names = await rows(page).getByRole("rowheader").allTextContents();
  expect(names.sort()).toEqual([
    "Avery Brooks",
    "Jamie Chen",
    "Jordan Blake",
    "Riley Novak",
    "Sam Patel",
    "Taylor Reed",
  ]);
  const jamie = rows(page).filter({ hasText: "Jamie Chen" });
  await expect(jamie.getByRole("img", { name: /Jamie Chen, all ratings: 1 \(Strong concern\): \d+/ })).toBeVisible();

  // who needs calibration and why: the demo's earlier round has Riley rating high, Avery low and late
  const attention = page.getByRole("list", { name: "Interviewers to look at" });
  await expect(attention.getByRole("listitem").filter({ hasText: "Riley Novak" })).toContainText(
    /Rates higher than co-panelists: \+\d\.\d\d points on average \(95% band \+\d\.\d\d to \+\d\.\d\d\)/,
  );
  const avery = attention.getByRole("listitem").filter({ hasText: "Avery Brooks" });
  await expect(avery).toContainText("Rates lower than co-panelists");
  await expect(avery).toContainText(/Slow to submit: half of their scorecards take more than 3\.\d days/);
  await expect(attention.getByText("Jamie Chen")).toHaveCount(0);
  await expect(rows(page).filter({ hasText: "Avery Brooks" })).toContainText(/3\.\d days/);

  // leniency: the chart for those with enough shared ratings, the rest listed with their counts
  await expect(page.getByText("leniency is shown only for interviewers with at least 10 shared ratings")).toBeVisible();
  const chart = page.getByRole("figure").filter({ has: page.getByRole("img", { name: /Leniency per interviewer/ }) });
  await expect(chart.getByRole("img", { name: /Leniency per interviewer/ })).toBeVisible();
  await expect(chart.getByRole("listitem").filter({ hasText: "Riley Novak" })).toHaveText(
    /^Riley Novak: \+\d\.\d\d \(95% band \+\d\.\d\d to \+\d\.\d\d\), \d+ shared ratings$/,
  );
  await expect(chart.getByRole("listitem").filter({ hasText: "Taylor Reed" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Interviewers below the minimum of shared ratings" })).toHaveText(
    /Taylor Reed: \d shared/,
  );

  // the distribution per dimension opens per interviewer
  await page.locator("summary").filter({ hasText: "Riley Novak" }).click();
  await expect(page.getByRole("img", { name: /Riley Novak, Platform engineering \(K8s\/IaC\/CI\/CD\)/ })).toBeVisible();
  // agreement per role: ICC per dimension with its label and candidates; the minimum where there is too little
  const lead = page.getByRole("table", { name: "Lead AI Platform Engineer" });
  await expect(lead.getByRole("row").filter({ hasText: "Communication" })).toContainText(
    /0\.\d\d(Poor|Moderate|Good|Excellent)\d+\d+/,
  );
  await expect(page.getByRole("table", { name: "AI Platform Reliability Engineer" })).toContainText(
    "Too few: needs 3 candidates rated by two or more",
  );
  await expect(page.getByText(/ICC\(1\) measures how much interviewers agree/)).toBeVisible();

  // sorting by name, then the other way
  await page.getByRole("link", { name: "Interviewer", exact: true }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(rows(page).first().getByRole("rowheader")).toHaveText("Avery Brooks");
  await page
    .getByRole("link", { name: /^Interviewer/ })
    .first()
    .click();
  await expect(rows(page).first().getByRole("rowheader")).toHaveText("Taylor Reed");

  // filter to one role: only that opening's interviewers
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: "AI Platform Reliability Engineer" });
  await expect(page).toHaveURL(/role=ai-platform-reliability-engineer/);
  expect((await rows(page).getByRole("rowheader").allTextContents()).sort()).toEqual([
    "Jamie Chen",
    "Riley Novak",
    "Sam Patel",
    "Taylor Reed",
  ]);

  // the CSV: the same rows as the page, same filters
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the interviewer table (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("interviewer-calibration-ai-platform-reliability-engineer.csv");
  const lines = readFileSync((await file.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toMatch(/^Interviewer,Scorecards submitted,/);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(await rows(page).getByRole("rowheader").allTextContents());
});

test("a hiring manager sees their opening's interviewers only", async ({ page }) => {
  await signIn(page, "hiring.manager@demo.test");
  await openCalibration(page);
  await expect(
    page.getByText("You see the interviewers of the openings you manage, with figures from those openings only."),
  ).toBeVisible();
  expect((await rows(page).getByRole("rowheader").allTextContents()).sort()).toEqual([
    "Avery Brooks",
    "Jamie Chen",
    "Jordan Blake",
    "Riley Novak",
    "Sam Patel",
  ]);
});

test("an interviewer has no Calibration link and gets not found from the page and the CSV", async ({ page }) => {
  await signIn(page, "interviewer@demo.test");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My interviews" }),
  ).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" })).toHaveCount(
    0,
  );
  const res = await page.goto("/calibration");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("calibration-row")).toHaveCount(0);
  const csv = await page.request.get("/api/calibration.csv");
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("Jamie Chen");
});

test("the calibration page has no accessibility violations, and fits a phone @phone", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/calibration");
  await page.locator("summary").filter({ hasText: "Jamie Chen" }).click();
  await page.getByText("The thresholds").click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("on a phone the leniency chart fits, holds every band with room to spare, the outlier included @phone", async ({
  page,
}) => {
  await atPhoneSize(page);
  await signIn(page, "recruiter@demo.test");
  await page.goto("/calibration");
  const chart = page.getByRole("img", { name: /Leniency per interviewer/ });
  await chart.scrollIntoViewIfNeeded();
  // the demo's outlier: Riley Novak, rating about +0.9 above co-panelists
  const figure = page.getByRole("figure").filter({ has: chart });
  const riley = figure.getByRole("listitem").filter({ hasText: "Riley Novak" });
  await expect(riley).toContainText(/Riley Novak: \+0\.9\d/);

  // the chart is as wide as the screen allows, nothing to scroll sideways
  const box = (await chart.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  // every mark and band lies inside the axis, short of its end ticks
  const ticks = await chart.getByTestId("leniency-tick").evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return r.x + r.width / 2;
    }),
  );
  expect(ticks.length).toBeGreaterThanOrEqual(5);
  const [left, right] = [Math.min(...ticks), Math.max(...ticks)];
  const rows = chart.getByTestId("leniency-row");
  await expect(rows).toHaveCount(await figure.getByRole("listitem").count());
  for (const row of await rows.all()) {
    const band = (await row.getByTestId("leniency-band").boundingBox())!;
    const mark = (await row.getByTestId("leniency-mark").boundingBox())!;
    expect(band.width).toBeGreaterThan(0);
    expect(band.x).toBeGreaterThan(left);
    expect(band.x + band.width).toBeLessThan(right);
    expect(mark.x + mark.width / 2).toBeGreaterThan(left);
    expect(mark.x + mark.width / 2).toBeLessThan(right);
  }
  // Riley's mark, right of zero, on screen with the rest
  const rileyRow = rows.filter({ hasText: "Riley Novak" });
  const zero = (await chart.getByTestId("leniency-tick").filter({ hasText: /^0$/ }).boundingBox())!;
  const mark = (await rileyRow.getByTestId("leniency-mark").boundingBox())!;
  expect(mark.x).toBeGreaterThan(zero.x + zero.width);
  expect(mark.x + mark.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  // and its text is 12 px or more
  const texts = await renderedTextHeights(chart);
  expect(texts.filter((t) => t.height < 12)).toEqual([]);
  expect(texts.map((t) => t.text)).toContain("Riley Novak");
  if (process.env.SCREENS && page.viewportSize()!.width < 500) {
    await page.getByRole("heading", { name: "Leniency" }).evaluate((h) => h.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: "docs/screens/15-calibration-after.png" });
  }
});
