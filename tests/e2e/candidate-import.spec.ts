// Importing candidates from a CSV file on the opening's page (docs/decisions/071-candidate-import.md):
// the file chosen, columns guessed and changeable, problems named next to their row, nothing
// imported until none is left, then the result with its way back; on a phone-sized screen too.
// The files are written with csv-stringify, not the app's parser.
import AxeBuilder from "@axe-core/playwright";
import { stringify } from "csv-stringify/sync";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SRE = "AI Platform Reliability Engineer — Inference SRE";
const when = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) + " 10:00";

async function openImport(page: Page) {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: SRE }).click();
  await page.getByRole("link", { name: "Import candidates (CSV)" }).click();
  await expect(page.getByRole("heading", { name: "Import candidates" })).toBeVisible();
}

const file = (rows: string[][], name = "people.csv") => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(stringify(rows, { delimiter: ";", bom: true, record_delimiter: "windows" })),
});

test("a file with problems is previewed row by row; fixed, it imports every row", async ({ page }) => {
  await openImport(page);
  const tag = Date.now();
  const header = ["Full name", "Mail", "Where from", "Interviewer", "Date"];
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles(
      file([
        header,
        [`Ada Import ${tag}`, `ada${tag}@example.com`, "Referral", "interviewer@demo.test", when],
        [`Bad Import ${tag}`, "not-an-email", "", "", ""],
      ]),
    );
  await expect(page.getByText("2 rows: 1 ready, 1 with problems")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "not-an-email" })).toContainText(
    "E-mail: Enter a valid e-mail address",
  );
  await expect(page.getByRole("button", { name: /^Import \d+ candidates$/ })).toHaveCount(0);
  // the guessed columns can be changed: "Where from" is not a name the mapper knows
  await expect(page.getByLabel("Source")).toHaveValue("");
  await page.getByLabel("Source").selectOption({ label: "Where from" });
  await expect(page.getByLabel("Source")).toHaveValue("2");
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles(
      file([header, [`Ada Import ${tag}`, `ada${tag}@example.com`, "Referral", "interviewer@demo.test", when]]),
    );
  await expect(page.getByText("1 rows: 1 ready; 1 interviews to plan")).toBeVisible();
  await page.getByLabel("Source").selectOption({ label: "Where from" });
  await page.getByRole("button", { name: "Import 1 candidates" }).click();
  await expect(page.getByRole("heading", { name: "Imported 1 candidates and planned 1 interviews" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the opening's candidates" }).click();
  await expect(page.getByRole("row").filter({ hasText: `Ada Import ${tag}` })).toBeVisible();
});

test("@phone the import page works at a phone's size, with targets large enough to touch", async ({ page }) => {
  await openImport(page);
  await page.getByLabel("Choose a CSV file").setInputFiles(
    file([
      ["Name", "E-mail"],
      ["Phone Person", `phone${Date.now()}@example.com`],
    ]),
  );
  await expect(page.getByText("1 rows: 1 ready")).toBeVisible();
  const button = page.getByRole("button", { name: "Import 1 candidates" });
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  expect((await page.getByLabel("Name (needed)").boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await new AxeBuilder({ page }).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
});
