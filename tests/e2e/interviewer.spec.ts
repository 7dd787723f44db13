// The demo interviewer signs in, fills a scorecard with the keyboard only, closes the
// tab mid-way and finds the text again, submits, amends; two tabs never overwrite each other;
// the scorecard page has no accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo";
import { signIn } from "./sign-in";

const INTERVIEWER = "interviewer@demo.test";

test.describe.configure({ mode: "serial" });

test("pages need a session, and a failed sign-in says nothing about which part was wrong", async ({ page }) => {
  await page.goto("/interviews");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finterviews/);
  for (const [email, password] of [
    [INTERVIEWER, "wrong-password"],
    ["nobody@demo.test", DEMO_PASSWORD],
  ]) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /That email and password did not work/ })).toBeVisible();
  }
  const api = await page.request.put("/api/interviews/anything/scorecard", { data: { baseVersion: 0, values: {} } });
  expect(api.status()).toBe(401);
});

test("sign-in checks the fields before asking the server, and signing out ends the session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await signIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/interviews");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finterviews/);
  const api = await page.request.get("/api/auth/session");
  expect(await api.json()).toEqual({});
});

test("My interviews shows what is owed, oldest first with overdue marked, upcoming and submitted", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/interviews$/);
  const toFill = page.getByRole("region", { name: /To fill now/ });
  await expect(toFill.getByRole("link", { name: "Elena Petrova" })).toBeVisible();
  await expect(toFill.getByText("Overdue")).toBeVisible();
  await expect(page.getByRole("region", { name: /Upcoming/ }).getByRole("link", { name: "Tom Okafor" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Submitted/ }).getByRole("link", { name: "Grace Liu" })).toBeVisible();
});

test("fill with the keyboard only, close the tab mid-way, come back, submit, then amend", async ({ page, context }) => {
  await signIn(page);
  await page
    .getByRole("region", { name: /To fill now/ })
    .getByRole("link", { name: "Elena Petrova" })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Elena Petrova" })).toBeVisible();
  await expect(page.getByText(/stays hidden until you submit yours/)).toBeVisible();

  // keyboard only: move focus into each control and use keys, as a keyboard user would
  // the exercise's focus dimensions come first; the other four are collapsed but ratable
  await expect(page.getByRole("radiogroup", { name: /^Rating for / })).toHaveCount(3);
  await expect(page.getByText("Other dimensions (4)")).toBeVisible();
  const focusNames = ["Reliability & operations", "Platform engineering (K8s/IaC/CI/CD)", "ML systems / MLOps"];
  for (const name of focusNames) {
    const group = page.getByRole("radiogroup", { name: `Rating for ${name}` });
    await group.getByRole("radio", { name: "3 Meets bar" }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight"); // 4 Exceeds bar
    await page.keyboard.press("Tab");
    await page.keyboard.type(`Keyboard evidence for ${name}.`);
  }
  await page.getByLabel("Key take-aways").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Typed before closing the tab: methodical, calm under pressure.");
  await expect(page.getByRole("status").filter({ hasText: /Saved at|Saving/ })).toBeVisible();

  // close the tab before (or while) the last change is saved; open the interview again
  await page.close();
  const again = await context.newPage();
  await again.goto("/interviews");
  await again
    .getByRole("region", { name: /To fill now/ })
    .getByRole("link", { name: "Elena Petrova" })
    .first()
    .click();
  await expect(again.getByLabel("Key take-aways")).toHaveValue(
    "Typed before closing the tab: methodical, calm under pressure.",
  );
  await expect(again.getByLabel("Evidence for ML systems / MLOps")).toHaveValue(
    "Keyboard evidence for ML systems / MLOps.",
  );

  // submitting with the recommendation missing says exactly what is missing
  await again.getByRole("button", { name: "Submit scorecard" }).focus();
  await again.keyboard.press("Enter");
  const problems = again.getByRole("alert").filter({ hasText: /to finish before submitting/ });
  await expect(problems).toBeVisible();
  await expect(problems).toContainText("Choose an overall recommendation");

  await again.getByRole("radio", { name: "Yes", exact: true }).focus();
  await again.keyboard.press("Space");
  await again.getByRole("button", { name: "Submit scorecard" }).focus();
  await again.keyboard.press("Enter");
  await expect(again.getByRole("heading", { name: "Your scorecard" })).toBeVisible();
  await expect(again.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(again.getByText("4 · Exceeds bar").first()).toBeVisible();
  // independent first: now the other interviewers' submitted scorecards are readable
  await expect(again.getByRole("region", { name: "The rest of the panel" })).toContainText("Jamie Chen");

  // amend with a reason; the earlier version stays readable
  await again.getByRole("button", { name: "Amend this scorecard" }).focus();
  await again.keyboard.press("Enter");
  await again
    .getByRole("radiogroup", { name: "Rating for ML systems / MLOps" })
    .getByRole("radio", { name: "4 Exceeds bar" })
    .focus();
  await again.keyboard.press("ArrowLeft"); // 3 Meets bar
  await again.getByLabel("Reason for the amendment").focus();
  await again.keyboard.type("Re-read my notes: drift detection answer was only adequate.");
  await again.getByRole("button", { name: "Save amendment" }).focus();
  await again.keyboard.press("Enter");
  await expect(again.getByRole("heading", { name: "Earlier versions (1)" })).toBeVisible();
  await expect(again.getByText(/reason: Re-read my notes/)).toBeVisible();
});

test("two tabs editing one draft never overwrite each other: the stale one is told and merges", async ({ context }) => {
  const one = await context.newPage();
  await signIn(one);
  await one.goto("/interviews");
  await one
    .getByRole("region", { name: /Upcoming/ })
    .getByRole("link", { name: "Tom Okafor" })
    .first()
    .click();
  await one.waitForURL(/\/interviews\/[^/]+$/);
  const url = one.url();
  const two = await context.newPage();
  await two.goto(url);

  await one.getByLabel("Key take-aways").fill("Written in tab one");
  await expect(one.getByText(/Saved at/)).toBeVisible();
  await two.getByLabel("Key take-aways").fill("Written in tab two");
  const conflict = two.getByRole("alertdialog", { name: /changed in another tab/ });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Written in tab one");
  await conflict.getByRole("radio", { name: /Saved elsewhere/ }).check();
  await conflict.getByRole("button", { name: "Save merged scorecard" }).click();
  await expect(two.getByText(/Saved at/)).toBeVisible();
  await expect(two.getByLabel("Key take-aways")).toHaveValue("Written in tab one");

  await one.reload();
  await expect(one.getByLabel("Key take-aways")).toHaveValue("Written in tab one");
});

test("text typed during a network blip is kept on the device and sent when the connection returns", async ({
  page,
  context,
}) => {
  await signIn(page);
  await page
    .getByRole("region", { name: /Upcoming/ })
    .getByRole("link", { name: "Tom Okafor" })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Your scorecard" })).toBeVisible();
  await context.setOffline(true);
  await page.getByLabel("Key take-aways").fill("Typed while the network was down.");
  await expect(page.getByRole("status").filter({ hasText: /Not saved — offline/ })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  // the server has it: a fresh page (with this device's copy cleared) shows it
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByLabel("Key take-aways")).toHaveValue("Typed while the network was down.");
});

test("another interviewer's scorecard is not found, page and API alike", async ({ page }) => {
  await signIn(page, "jamie.chen@demo.test");
  await page.goto("/interviews");
  const own = await page.getByRole("link", { name: "Elena Petrova" }).first().getAttribute("href");
  await signIn(page); // as the demo interviewer now
  const response = await page.goto(own!);
  expect(response?.status()).toBe(404);
  const api = await page.request.put(`/api/interviews${own!.replace("/interviews", "")}/scorecard`, {
    data: { baseVersion: 1, values: {} },
  });
  expect(api.status()).toBe(404);
});

test("the scorecard page has no accessibility violations, and fits a phone @phone", async ({ page }) => {
  await signIn(page);
  await page
    .getByRole("region", { name: /Upcoming/ })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Your scorecard" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
