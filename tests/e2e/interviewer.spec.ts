// The demo interviewer signs in, fills a scorecard with the keyboard only, closes the
// tab mid-way and finds the text again, submits, amends; two tabs never overwrite each other;
// the scorecard page has no accessibility violations. A reload while typing is no conflict; the
// sticky Submit bar never hides the field in focus; an interview not started yet can be drafted,
// not submitted; on a phone the rating scale is one row of 44 px options.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo-password";
import { fillHydrated } from "./hydrated";
import { planInterview } from "./plan-interview";
import { signIn, signInThroughForm } from "./sign-in";

const INTERVIEWER = "interviewer@demo.test";

test.describe.configure({ mode: "serial" });

test("pages need a session, and a failed sign-in says nothing about which part was wrong", async ({ page }) => {
  await page.goto("/interviews");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finterviews/);
  for (const [email, password] of [
    [INTERVIEWER, "wrong-password"],
    ["nobody@demo.test", DEMO_PASSWORD],
  ]) {
    await fillHydrated(page.getByLabel("Email"), email);
    await fillHydrated(page.getByLabel("Password"), password);
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
  await signInThroughForm(page);
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
  await expect(again.getByRole("heading", { name: "Versions (2)" })).toBeVisible();
  await expect(again.getByText(/^Version 2 \(current\) — amended .+ by Sam Patel: Re-read my notes/)).toBeVisible();
  await expect(again.getByText("ML systems / MLOps: 4 → 3")).toBeVisible();
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

const ARCH = "Architecture & design";
const REL = "Reliability & operations";
/** After-screenshots for the docs, when asked for (SCREENS=1), at the desktop size only. */
const screen = async (page: Page, name: string) => {
  if (process.env.SCREENS && test.info().project.name === "desktop")
    await page.screenshot({ path: `docs/screens/${name}.png` });
};

test("typing and reloading before the autosave is sent keeps the text, with no false conflict and Submit enabled", async ({
  page,
}) => {
  const { url } = await planInterview(page, { focus: [ARCH, REL], what: "Reload" });
  await signIn(page);
  await page.goto(url);
  const evidence = page.getByLabel(`Evidence for ${ARCH}`);
  const submit = page.getByRole("button", { name: "Submit scorecard" });
  await expect(submit).toBeEnabled();
  for (const round of [1, 2, 3]) {
    const text = `Typed just before reload ${round}: traced the request path end to end.`;
    await evidence.fill(text);
    // within the autosave's 0.8 s: the save goes as the page unloads, this tab's copy stays behind
    await page.reload();
    await expect(evidence).toHaveValue(text);
    await expect(page.locator("[data-save-status]")).toHaveAttribute("data-save-status", "saved");
    // the false conflict came once the copy kept on the device was sent (after the debounce)
    await page.waitForTimeout(2000);
    await expect(page.locator("[data-save-status]")).toHaveAttribute("data-save-status", "saved");
    await expect(page.getByText(/changed elsewhere/)).toHaveCount(0);
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await expect(submit).toBeEnabled();
    await expect(evidence).toHaveValue(text);
  }
  await screen(page, "01-reload-after");
  // the server has the last text: a fresh page without this device's copies shows it
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(evidence).toHaveValue(/reload 3:/);
});

test("every focus stop on the scorecard page stays in view, never under the sticky Submit bar @phone", async ({
  page,
}) => {
  const { url } = await planInterview(page, { focus: [ARCH, REL], what: "Focus" });
  await signIn(page);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Your scorecard" })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const hidden: string[] = [];
  let stops = 0;
  let shot = false;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const seen = (el.closest("label") ?? el).getBoundingClientRect();
      // the bar: the sticky (or fixed) box that holds the Submit button, found by how it is drawn
      const submit = [...document.querySelectorAll("button")].find(
        (b) => b.textContent?.trim() === "Submit scorecard",
      )!;
      let barEl: HTMLElement | null = submit;
      while (barEl && !["sticky", "fixed"].includes(getComputedStyle(barEl).position)) barEl = barEl.parentElement;
      const bar = (barEl ?? submit).getBoundingClientRect();
      const inBar = !!barEl?.contains(el);
      const x = seen.left + seen.width / 2;
      const y = seen.top + Math.min(seen.height / 2, 10);
      const top = document.elementFromPoint(x, y);
      const shown =
        seen.top >= 0 &&
        seen.bottom <= window.innerHeight &&
        (inBar || seen.bottom <= bar.top) &&
        !!top &&
        (el.contains(top) || top.contains(el) || !!el.closest("label")?.contains(top));
      const name = `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.id ?? ""} ${(el.textContent ?? "").trim().slice(0, 40)}`;
      return { shown, name, submit: el.textContent?.trim() === "Submit scorecard" };
    });
    if (!stop) break;
    stops++;
    if (!stop.shown) hidden.push(stop.name);
    if (!shot && stop.name.includes("-evidence")) {
      shot = true;
      await screen(page, "03-focus-after");
    }
    if (stop.submit) break;
  }
  expect(stops).toBeGreaterThan(15);
  expect(hidden).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("an interview that has not started can be drafted, not submitted: the page says from when, the server refuses", async ({
  page,
}) => {
  const { url } = await planInterview(page, { focus: [ARCH], what: "Early", startsInMs: 2 * 86_400_000 });
  await signIn(page);
  await page.goto(url);
  const submit = page.getByRole("button", { name: "Submit scorecard" });
  await expect(submit).toBeDisabled();
  await expect(page.getByText(/You can submit from .+, when the interview starts/)).toBeVisible();
  await page.getByLabel("Key take-aways").fill("Notes taken ahead of the interview.");
  await expect(page.locator("[data-save-status]")).toHaveAttribute("data-save-status", "saved");
  // the server refuses it too, whatever the page shows
  const id = url.split("/").pop();
  const res = await page.request.post(`/api/interviews/${id}/scorecard/submit`, {
    data: { baseVersion: 1, values: {}, submissionKey: crypto.randomUUID() },
  });
  expect(res.status()).toBe(409);
  expect((await res.json()).error).toMatchObject({
    code: "interview_not_started",
    message: expect.stringMatching(/has not started yet/),
  });
  await page.reload();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Key take-aways")).toHaveValue("Notes taken ahead of the interview.");
});

test("on a phone: rating options are 44 px tall, 1–5 in one row with Not assessed below; My interviews puts Fill scorecard first @phone", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 }); // a phone's width in both projects
  await signIn(page);
  const toFill = page.getByRole("region", { name: /To fill now/ });
  const row = toFill.getByRole("listitem").first();
  // the row's first Tab stop is its action (from the text above the list, Tab goes to it)
  await toFill.getByText(/Interviews that have taken place/).click();
  await page.keyboard.press("Tab");
  await expect(row.getByRole("link", { name: "Fill scorecard" })).toBeFocused();
  expect(await row.evaluate((li) => li.querySelector("a")?.textContent?.trim())).toBe("Fill scorecard");
  // the subtitle names the role once ("AI Platform Reliability Engineer — Inference SRE", not "… · AI Platform Reliability Engineer")
  const grace = page
    .getByRole("region", { name: /Submitted/ })
    .getByRole("listitem")
    .filter({ hasText: "Grace Liu" });
  expect((await grace.innerText()).match(/AI Platform Reliability Engineer/g)).toHaveLength(1);

  await row.getByRole("link", { name: "Fill scorecard" }).click();
  const group = page.getByRole("radiogroup").first();
  const boxes = await group.evaluate((g) =>
    [...g.querySelectorAll("label")].map((l) => {
      const r = l.getBoundingClientRect();
      return { top: Math.round(r.top), height: r.height };
    }),
  );
  expect(boxes).toHaveLength(6);
  for (const b of boxes) expect(b.height).toBeGreaterThanOrEqual(44);
  expect(new Set(boxes.slice(0, 5).map((b) => b.top)).size).toBe(1);
  expect(boxes[5].top).toBeGreaterThan(boxes[0].top);
  await expect(group.getByRole("radio", { name: "5 Exceptional" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
