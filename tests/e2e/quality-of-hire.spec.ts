// Quality of hire (docs/decisions/079-quality-of-hire.md): a hire whose 90-day check-in is due puts
// a notice on the hiring manager's pages; the check-in page refuses an incomplete form with each
// message by its field, takes a complete one once, and passes an accessibility scan with 44 px
// choices; the role's report then says how many more check-ins it needs, with the range-restriction
// warning, and its CSV parses to the same rows.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { signIn } from "./sign-in";

const DAY = 86_400_000;

/** Carla Mendes (the demo's closed spring round) hired 91 days ago: a fixture edit on the app server's database. */
function hireCarla() {
  const file = (process.env.E2E_DATABASE_URL ?? "file:./tests/.e2e/e2e.db").replace(/^file:/, "");
  const db = new Database(file);
  try {
    const carla = db
      .prepare(
        `SELECT c."id", o."hiringManagerId", t."slug" FROM "Candidate" c JOIN "Opening" o ON o."id" = c."openingId"
         JOIN "RoleTemplateVersion" v ON v."id" = o."templateVersionId" JOIN "RoleTemplate" t ON t."id" = v."templateId"
         WHERE c."name" = 'Carla Mendes'`,
      )
      .get() as { id: string; hiringManagerId: string; slug: string };
    // Prisma's SQLite adapter keeps instants as ISO text with an explicit offset
    const at = new Date(Date.now() - 91 * DAY).toISOString().replace("Z", "+00:00");
    db.prepare(
      `INSERT OR IGNORE INTO "Decision" ("id", "candidateId", "decidedById", "outcome", "rationale", "computedRecommendation", "isOverride", "createdAt")
       VALUES ('e2e-qoh-hire', ?, ?, 'hire', 'Hired after the spring round debrief.', 'hire', 0, ?)`,
    ).run(carla.id, carla.hiringManagerId, at);
    return carla;
  } finally {
    db.close();
  }
}

test("the hiring manager is asked, fills in the check-in once, and the report counts it", async ({ page }) => {
  const carla = hireCarla();
  await signIn(page, "hiring.manager@demo.test");
  await page.goto("/");
  const notice = page.getByRole("region", { name: /check-ins? on (a )?hires? (is|are) due/ });
  await notice.getByRole("link", { name: "Carla Mendes: 90-day check-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "90-day check-in: Carla Mendes" })).toBeVisible();

  // 44 px choices, and no accessibility violation
  const choices = page.locator("form label");
  for (const box of await choices.evaluateAll((els) => els.map((e) => e.getBoundingClientRect())))
    expect(Math.min(box.height, box.width)).toBeGreaterThanOrEqual(44);
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // incomplete: each message by its own field, nothing sent
  const groups = page.locator("form fieldset");
  const dimensions = (await groups.count()) - 2;
  await page.getByRole("button", { name: "Send the check-in" }).click();
  const overall = page.getByRole("group", { name: "Overall" });
  await expect(overall.getByRole("alert")).toHaveText("Choose an overall rating from 1 to 5");
  await expect(groups.first().getByRole("alert")).toHaveText(
    "Rate this dimension from 1 to 5, or mark it Not assessed",
  );

  // complete: the first dimension Not assessed, the rest 4
  for (let i = 0; i < dimensions; i++)
    await groups
      .nth(i)
      .getByText(i === 0 ? "Not assessed" : "4", { exact: true })
      .click();
  await overall.getByText("4", { exact: true }).click();
  await page
    .getByRole("group", { name: /would you hire them again/ })
    .getByText("Yes", { exact: true })
    .click();
  await page.getByRole("button", { name: "Send the check-in" }).click();
  await expect(page.getByRole("heading", { name: "Submitted" })).toBeVisible();
  await expect(page.getByRole("region", { name: /check-ins? on (a )?hires? (is|are) due/ })).toHaveCount(0);

  // the report: one check-in, far below the minimum; never a correlation
  await signIn(page, "recruiter@demo.test");
  await page.goto(`/roles/${carla.slug}/quality-of-hire`);
  await expect(page.getByRole("note").filter({ hasText: "Range restriction" })).toContainText("Hunter & Schmidt");
  const period = page.getByRole("region", { name: "90-day correlations" });
  await expect(period.getByText("n = 1 of 10 needed").first()).toBeVisible();
  await expect(period).not.toContainText("r = ");
  await expect(page.getByText("No 365-day check-in on a hire in this role yet", { exact: false })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`quality-of-hire-${carla.slug}.csv`);
  const rows = parse(readFileSync((await file.path())!, "utf8"), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  const ninety = rows.filter((r) => r.period_days === "90");
  expect(ninety).toHaveLength(dimensions + 1);
  expect(ninety.at(-1)).toMatchObject({ measure: "Weighted score vs overall rating", n: "1", n_needed: "10", r: "" });
});
