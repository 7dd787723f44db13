// The recruiter's loop and chasing, walked as a recruiter does it, on the demo data:
// - Remind (docs/decisions/049-manual-reminders.md): Jamie Chen's scorecard for Grace Liu is owed
//   and overdue (and stays so: no spec submits it); the summary's Remind sends it, shows "last
//   reminded", refuses a second one within 12 hours, the opening's list offers Remind per
//   candidate with when it was last reminded, Jamie's notice names who asked;
//   the hiring manager and an interviewer may not remind.
// - Time clashes (docs/decisions/050-loop-time-clashes.md): planning one of Tom Okafor's interviews
//   at the time of his other one, or with an interviewer booked with Elena then, warns before
//   saving, and saving stays possible (the interview is cancelled again afterwards).
// - The standard loop (docs/decisions/051-standard-loop-pool-durations-stage.md), on an opening
//   and a candidate of the test's own: the opening's interviewer pool first, the exercises' own
//   lengths, the stage moved to interviewing.
// With SCREENS=1 it also saves the screenshots docs/screens/07-remind-after.png and 08-clash-after.png.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const RECRUITER = "recruiter@demo.test";
const LEAD = "Lead AI Platform Engineer — ML Platform";
const SRE = "AI Platform Reliability Engineer — Inference SRE";
const screens = !!process.env.SCREENS;

test.describe.configure({ mode: "serial" });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function openCandidate(page: Page, opening: string, name: string) {
  await page.goto("/openings");
  await page.getByRole("link", { name: opening }).first().click();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/candidates/")[1].split(/[?#/]/)[0];
}

/** The value of the "Date and time" box of a planned interview's change form, in the loop builder. */
const planned = (page: Page, who: string) =>
  page.getByTestId("planned-interview").filter({ has: page.getByText(new RegExp(`^${who} ·`)) });

async function plannedTime(page: Page, who: string) {
  const item = planned(page, who);
  await item.getByText("Change this interview").click();
  return item.getByLabel("Date and time").inputValue();
}

test("Remind: the recruiter chases Jamie Chen's overdue scorecard from the summary; once in 12 hours; Jamie's notice says who asked", async ({
  page,
}) => {
  await signIn(page, RECRUITER);
  const grace = await openCandidate(page, SRE, "Grace Liu");
  const row = page.getByRole("listitem").filter({ hasText: "Jamie Chen" }).filter({ hasText: "Scorecard missing" });
  await expect(row.getByText("Overdue")).toBeVisible();
  const remind = row.getByRole("button", { name: "Remind Jamie Chen" });
  await remind.click();
  await expect(row.getByRole("status")).toHaveText("Reminder sent to Jamie Chen.");
  await expect(row.getByText(/Last reminded .* by Casey Morgan · again from/)).toBeVisible();
  await axe(page);
  if (screens) await page.screenshot({ path: "docs/screens/07-remind-after.png" });

  // a second click, and a reload: refused, saying when it was and from when it may be again
  await page.reload();
  await expect(row.getByText(/Last reminded .* by Casey Morgan/)).toBeVisible();
  await row.getByRole("button", { name: "Remind Jamie Chen" }).click();
  await expect(row.getByRole("status")).toHaveText(/^Jamie Chen was reminded .*; you can remind again from .*\.$/);

  // the opening's list: Remind per candidate owing; here everyone owing was just reminded
  await page.goto("/openings");
  await page.getByRole("link", { name: SRE }).first().click();
  const listRow = page.getByRole("row").filter({ hasText: "Grace Liu" });
  await expect(listRow.getByText(/^Last reminded /)).toBeVisible();
  await listRow.getByRole("button", { name: "Remind everyone owing on Grace Liu" }).click();
  await expect(listRow.getByRole("status")).toHaveText(/Jamie Chen was reminded/);

  // Jamie sees who asked in the notice
  await signIn(page, "jamie.chen@demo.test");
  await expect(page.getByRole("region", { name: /waiting for you/ })).toContainText(/Casey Morgan asked for it/);
  // an interviewer may not remind (nor read the status): not found
  expect((await page.request.post("/api/reminders", { data: { candidateId: grace } })).status()).toBe(404);
  expect((await page.request.get(`/api/candidates/${grace}/reminders`)).status()).toBe(404);

  // the opening's hiring manager reads the summary but sees no Remind, and is refused (403)
  await signIn(page, "hiring.manager2@demo.test");
  await page.goto(`/candidates/${grace}`);
  await expect(page.getByText("Scorecard missing").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Remind/ })).toHaveCount(0);
  expect((await page.request.post("/api/reminders", { data: { candidateId: grace } })).status()).toBe(403);
});

test("Time clashes: the loop builder warns before saving — the candidate's own interview and an interviewer booked with another candidate — and saving stays possible", async ({
  page,
}) => {
  await signIn(page, RECRUITER);
  const elena = await openCandidate(page, LEAD, "Elena Petrova");
  await page.goto(`/candidates/${elena}/loop`);
  const rileyAt = await plannedTime(page, "Riley Novak");

  const tom = await openCandidate(page, LEAD, "Tom Okafor");
  await page.goto(`/candidates/${tom}/loop`);
  const samAt = await plannedTime(page, "Sam Patel");
  const form = page.getByRole("form", { name: "Plan an interview" });
  const warning = form.getByTestId("clash-warning");

  // the candidate's own interview at that time
  await form.getByLabel("Interviewer").selectOption({ label: "Jamie Chen" });
  await form.getByLabel("Date and time").fill(samAt);
  await expect(warning).toContainText("The candidate already has an interview");
  await expect(warning).toContainText("with Sam Patel.");

  // Riley is with Elena then: who, when, which candidate and opening
  await form.getByLabel("Interviewer").selectOption({ label: "Riley Novak" });
  await form.getByLabel("Date and time").fill(rileyAt);
  await expect(warning).toContainText(`Riley Novak is booked on`);
  await expect(warning).toContainText(`with Elena Petrova (${LEAD}).`);
  await form.getByRole("checkbox").first().check();
  await axe(page);
  if (screens) await page.screenshot({ path: "docs/screens/08-clash-after.png" });

  // a warning, not a refusal
  await form.getByRole("button", { name: "Add interview anyway" }).click();
  const added = planned(page, "Riley Novak");
  await expect(added.getByText("time clash", { exact: true })).toBeVisible();
  await expect(added.getByTestId("loop-clash")).toContainText("with Elena Petrova");
  // put Tom's loop back as seeded for the other specs
  page.once("dialog", (d) => void d.accept());
  await added.getByText("Change this interview").click();
  await added.getByRole("button", { name: "Cancel interview" }).click();
  await expect(planned(page, "Riley Novak")).toHaveCount(0);
});

test("The standard loop: the opening's interviewer pool first, each exercise's own length, the candidate moved to interviewing", async ({
  page,
}) => {
  await signIn(page, RECRUITER);
  await page.goto("/openings/new");
  await page.getByLabel("Title").fill("Inference SRE — loop planning");
  await page.getByLabel("Role template").selectOption({ label: "AI Platform Reliability Engineer (v1)" });
  await page.getByLabel("Hiring manager").selectOption({ index: 1 });
  await page.getByLabel("Recruiter").selectOption({ label: "Casey Morgan (recruiter@demo.test)" });
  await page.getByRole("button", { name: "Create opening" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inference SRE — loop planning" })).toBeVisible();
  const opening = page.url().split("/openings/")[1].split(/[?#/]/)[0];

  // the pool, on the opening's edit page
  await page.goto(`/openings/${opening}/edit`);
  const pool = page.getByRole("form", { name: /Interviewer pool/ });
  await pool.getByLabel("Avery Brooks").check();
  await pool.getByLabel("Sam Patel").check();
  await pool.getByRole("button", { name: "Save the pool" }).click();
  await expect(pool.getByRole("status")).toHaveText("Pool saved.");
  await axe(page);
  await page.reload();
  await expect(pool.getByLabel("Avery Brooks")).toBeChecked();
  await expect(pool.getByRole("heading", { name: "Interviewer pool (2)" })).toBeVisible();

  const made = await page.request.post(`/api/openings/${opening}/candidates`, {
    data: { name: "Pat Planner", email: "pat.planner@example.com" },
  });
  expect(made.ok()).toBe(true);
  const { id } = (await made.json()) as { id: string };
  await page.goto(`/candidates/${id}/loop`);
  await expect(page.getByLabel("Stage")).toHaveValue("applied");
  await page.getByRole("button", { name: /Create the standard loop \(4 interviews\)/ }).click();
  const items = page.getByTestId("planned-interview");
  await expect(items).toHaveCount(4);
  // Incident simulation says 60–90 minutes: 90; the others give no length: an hour
  await expect(items.nth(0)).toContainText("Incident simulation");
  await expect(items.nth(0)).toContainText("90 min");
  for (const k of [1, 2, 3]) await expect(items.nth(k)).toContainText("60 min");
  const firstTwo = [await items.nth(0).textContent(), await items.nth(1).textContent()].join(" ");
  expect(firstTwo).toContain("Avery Brooks");
  expect(firstTwo).toContain("Sam Patel");
  // the two hiring managers manage other openings and are not in this pool; nobody is given a
  // slot they are booked elsewhere in (Sam Patel interviews Tom Okafor then)
  for (const k of [0, 1, 2, 3]) {
    const who = items.nth(k).locator("p").first();
    await expect(who).not.toContainText("Jordan Blake");
    await expect(who).not.toContainText("Taylor Reed");
  }
  await expect(page.getByText("time clash", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Stage")).toHaveValue("interviewing");
});
