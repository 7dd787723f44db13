// Exercise materials (docs/decisions/045-exercise-materials.md): the troubleshooting exercise
// ships with a labelled sample log the interviewer sees in the kit; an admin adds a text and a
// file to an exercise in the editor, and both appear on the role page, the file as a download.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const SLUG = "lead-ai-platform-engineer";
const TROUBLESHOOTING = "Hands-on troubleshooting scenario";

test.describe.configure({ mode: "serial" });

test("the interviewer's kit for the troubleshooting exercise has the logs and metrics to hand over @phone", async ({
  page,
}) => {
  await signIn(page, "interviewer@demo.test");
  await page.goto("/interviews");
  await page.getByRole("link", { name: "Elena Petrova" }).first().click();
  const kit = page.getByRole("region", { name: "Interview kit" });
  await expect(kit.getByText(TROUBLESHOOTING)).toBeVisible();
  const materials = kit.getByRole("region", { name: "Materials" });
  await expect(materials.locator("figcaption", { hasText: "Sample written for this app" })).toBeVisible();
  const code = materials.getByRole("region", { name: /Logs and metrics of the failing inference service/ });
  await expect(code).toContainText("p99=4.8s");
  await expect(code).toContainText("503 Service Unavailable");
  // the code block scrolls inside itself: the page never scrolls sideways on a phone
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
});

test("an admin attaches a text and a file to an exercise; the role page shows them and the file downloads", async ({
  page,
}) => {
  await signIn(page, "admin@demo.test");
  await page.goto(`/roles/${SLUG}/edit`);
  const exercise = page.getByRole("listitem").filter({ has: page.getByLabel("Exercise 2 title", { exact: true }) });
  await expect(exercise.getByLabel("Exercise 2 title", { exact: true })).toHaveValue(TROUBLESHOOTING);
  const materials = exercise.getByRole("group", { name: "Materials for the interviewer to hand over" });
  await materials.getByRole("button", { name: "Add text" }).click();
  await materials.getByLabel("Material 2 title").fill("Timeline to read out");
  await materials
    .getByLabel("Text", { exact: true })
    .fill("14:06 alerts fire.\n<b>14:09</b> the long-context flag reaches 100%.");

  const log = "14:06:00 p99=1.9s 5xx=0.4%\n14:08:00 p99=4.8s 5xx=3.8%\n";
  await materials.getByLabel("Attach a file (at most 5 MB)").setInputFiles({
    name: "gateway.log",
    mimeType: "",
    buffer: Buffer.from(log),
  });
  await expect(materials.getByRole("status")).toContainText("Attached gateway.log");
  await materials.getByLabel("Material 3 title").fill("Gateway log excerpt");

  // a file over the limit is refused before it is sent
  await materials.getByLabel("Attach a file (at most 5 MB)").setInputFiles({
    name: "huge.log",
    mimeType: "text/plain",
    buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61),
  });
  await expect(materials.getByRole("status")).toContainText("files may be at most 5 MB");

  await page
    .getByLabel("What changed, and why (kept with the version)")
    .fill("Materials for the troubleshooting round");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/roles/${SLUG}$`));

  const shown = page.getByRole("region", { name: "Materials" }).filter({ hasText: "Gateway log excerpt" });
  // the text is shown as typed: markup stays text
  await expect(shown.getByText("<b>14:09</b> the long-context flag reaches 100%.", { exact: false })).toBeVisible();
  const link = shown.getByRole("link", { name: "Gateway log excerpt" });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("gateway.log");
  const { readFile } = await import("node:fs/promises");
  expect(await readFile((await download.path())!, "utf8")).toBe(log);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
});

test("the download needs a session", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto(`/roles/${SLUG}`);
  const href = await page.getByRole("link", { name: "Gateway log excerpt" }).getAttribute("href");
  expect(href).toMatch(new RegExp(`^/api/roles/${SLUG}/materials/`));
  const signedIn = await page.request.get(href!);
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["content-disposition"]).toMatch(/^attachment;/);
  await page.context().clearCookies();
  expect((await page.request.get(href!)).status()).toBe(401);
});
