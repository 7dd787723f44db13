// A full debrief with a post-debrief amendment (docs/decisions/078-debrief-mode.md): three
// interviewers submit (the hiring manager among them), the hiring manager starts the debrief with
// a senior marked and the suggested order (the hiring manager last), reveals the panel one at a
// time with the scores hidden until everyone is heard; an interviewer then amends with a reason,
// and the debrief, the summary and the calibration page show it as post-debrief, with the scores
// before and after and "changed only after the debrief". The loop is the spec's own.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { planInterview } from "./plan-interview";
import { signIn } from "./sign-in";

const REASON = "The debrief showed I had missed the failover gap.";
// every dimension of the Lead AI Platform role, so the panel's ratings meet on each one
const DIMENSIONS = [
  "Platform engineering (K8s/IaC/CI/CD)",
  "ML systems / MLOps",
  "Architecture & design",
  "Reliability & operations",
  "Security & governance",
  "Leadership & influence",
  "Communication",
];

const axe = async (page: Page) =>
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

/** Rates every dimension `option`, with evidence, on the open scorecard. */
async function rateAll(page: Page, names: string[], option: string) {
  for (const name of names) {
    await page
      .getByRole("radiogroup", { name: `Rating for ${name}` })
      .getByRole("radio", { name: option })
      .check();
    await page.getByLabel(`Evidence for ${name}`).fill(`Seen on ${name}: ${option}.`);
  }
}

/**
 * The spec's own loop, all submitted: Jamie Chen 4 and Taylor Reed (the opening's hiring manager)
 * 2 everywhere through the API, Sam Patel 4 everywhere and Yes through the scorecard. Leaves Sam
 * signed in; returns Sam's interview page and the candidate.
 */
async function panelIn(page: Page) {
  // the hiring manager of the spec's opening is Taylor Reed, who also interviews
  const { url, candidateId } = await planInterview(page, { focus: DIMENSIONS, what: "Debrief" });
  const names = DIMENSIONS;

  // Jamie Chen and Taylor Reed interview too, and submit through the API (admin still signed in)
  const me = await (await page.request.get("/api/auth/session")).json();
  const adminToken = async (userId: string, name: string) => {
    const res = await page.request.post("/api/admin/tokens", { data: { userId, name, expiresInDays: 1 } });
    expect(res.status()).toBe(200);
    return (await res.json()).token as string;
  };
  const admin = { Authorization: `Bearer ${await adminToken(me.user.id, "Debrief plan")}` };
  const people = (await (await page.request.get("/api/v1/people?role=interviewer", { headers: admin })).json())
    .data as { id: string; email: string }[];
  const jamie = people.find((p) => p.email === "jamie.chen@demo.test")!.id;
  const taylor = people.find((p) => p.email === "hiring.manager2@demo.test")!.id;
  const ids = (await (await page.request.get("/api/v1/roles/lead-ai-platform-engineer", { headers: admin })).json()).ids
    .dimensions as { id: string }[];
  const submitAs = async (userId: string, score: string, recommendation: string) => {
    const planned = await page.request.post(`/api/v1/candidates/${candidateId}/interviews`, {
      headers: admin,
      data: {
        interviewerId: userId,
        exerciseId: null,
        focusDimensionIds: ids.map((d) => d.id),
        scheduledAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
        durationMinutes: 60,
      },
    });
    expect(planned.status(), await planned.text()).toBe(201);
    const interview = await planned.json();
    const token = await adminToken(userId, `Debrief ${score}`);
    const res = await page.request.post(`/api/v1/interviews/${interview.id}/scorecard/submit`, {
      headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": randomUUID() },
      data: {
        baseVersion: 0,
        values: {
          ratings: Object.fromEntries(ids.map((d) => [d.id, { score, evidence: `Rated ${score} in the exercise.` }])),
          redFlags: {},
          keyTakeaways: `Take-aways at ${score}.`,
          recommendation,
        },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  };
  await submitAs(jamie, "4", "yes");
  await submitAs(taylor, "2", "no");

  // Sam Patel submits through the scorecard: 4 everywhere, Yes
  await signIn(page);
  await page.goto(url);
  await rateAll(page, names, "4 Exceeds bar");
  await page.getByLabel("Key take-aways").fill("Clear thinker.");
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  const nudged = page.getByRole("alertdialog");
  await expect(page.getByText("Submitted", { exact: true }).or(nudged).first()).toBeVisible();
  if (await nudged.isVisible()) await nudged.getByRole("button", { name: /anyway/ }).click();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();

  return { url, candidateId, names };
}

test("a full debrief: snapshot, reveal order, a post-debrief amendment, before and after", async ({ page }) => {
  test.setTimeout(180_000);
  const { url, candidateId, names } = await panelIn(page);
  const nudged = page.getByRole("alertdialog");

  // the hiring manager starts the debrief: Jamie marked senior, the hiring manager already last
  await signIn(page, "hiring.manager2@demo.test");
  await page.goto(`/candidates/${candidateId}`);
  await page.getByRole("link", { name: "Debrief", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Start the debrief" })).toBeVisible();
  const order = page.getByRole("list", { name: "Reveal order" });
  await expect(order.getByRole("listitem").last()).toContainText("Taylor Reed (hiring manager)");
  await order.getByRole("listitem").filter({ hasText: "Jamie Chen" }).getByLabel("Senior").check();
  await expect(order.getByRole("listitem")).toHaveText([/Sam Patel/, /Jamie Chen/, /Taylor Reed/]);
  await axe(page);
  await page.getByRole("button", { name: "Start the debrief" }).click();

  // one at a time: Sam first; the scores stay hidden until everyone is heard
  await expect(page.getByTestId("debrief-status")).toContainText("Showing 1 of 3 (one at a time)");
  await expect(page.getByRole("heading", { name: /1\. Sam Patel/ })).toBeVisible();
  await expect(page.getByTestId("before-after")).toHaveCount(0);
  await expect(page.getByText("The scores stay hidden until everyone has been heard")).toBeVisible();
  await page.getByRole("link", { name: "Reveal next: Jamie Chen" }).click();
  await expect(page.getByRole("heading", { name: /2\. Jamie Chen\s*Senior/ })).toBeVisible();
  await page.getByRole("link", { name: "Reveal next: Taylor Reed" }).click();
  await expect(page.getByRole("heading", { name: /3\. Taylor Reed\s*Hiring manager/ })).toBeVisible();
  await expect(page.getByTestId("debrief-shift")).toHaveText(
    "Nothing was amended after the debrief started: Hire (3.33), as before.",
  );
  await axe(page);

  // after the debrief, Sam amends: 2 everywhere, No, with a reason
  await signIn(page);
  await page.goto(url);
  await page.getByRole("button", { name: "Amend this scorecard" }).click();
  await rateAll(page, names, "2 Below bar");
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByLabel("Reason for the amendment").fill(REASON);
  await page.getByRole("button", { name: "Save amendment" }).click();
  const versions = page.getByRole("region", { name: "Versions (2)" });
  await expect(versions.or(nudged).first()).toBeVisible();
  if (await nudged.isVisible()) await nudged.getByRole("button", { name: "Save amendment anyway" }).click();
  await expect(versions).toBeVisible();

  // the debrief marks it post-debrief, with its diff against the snapshot and its reason
  await signIn(page, "hiring.manager2@demo.test");
  await page.goto(`/candidates/${candidateId}/debrief?shown=3`);
  const sam = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /1\. Sam Patel/ }) });
  const post = sam.getByTestId("post-debrief");
  await expect(post).toContainText("Changed after the debrief started");
  await expect(post).toContainText("Overall: Yes → No");
  await expect(post).toContainText(`${names[0]}: 4 → 2`);
  await expect(post).toContainText(REASON);
  // the snapshot still reads as it was: Yes before the debrief
  await expect(sam).toContainText("Before the debrief: Yes");
  await expect(page.getByTestId("debrief-shift")).toHaveText(
    "Before the debrief the recommendation was Hire (3.33); it became Lean no hire (2.67) only after the debrief, through 1 post-debrief amendment.",
  );
  const table = page.getByTestId("before-after");
  await expect(table.getByRole("row", { name: /Weighted score/ })).toContainText("3.33 · Hire");
  await expect(table.getByRole("row", { name: /Weighted score/ })).toContainText("2.67 · Lean no hire");
  await axe(page);
  await page.getByRole("button", { name: "End the debrief" }).click();
  await expect(page.getByTestId("debrief-status")).toContainText("ended");
  await expect(page.getByRole("button", { name: "End the debrief" })).toHaveCount(0);

  // the summary: the note beside the recommendation, pre and post side by side, the amendment marked
  await page.goto(`/candidates/${candidateId}`);
  await expect(page.getByTestId("changed-after-debrief")).toContainText("only after the debrief");
  await expect(page.getByTestId("before-after")).toContainText("3.33 · Hire");
  await expect(page.getByRole("list", { name: "Amendments" })).toContainText(`Post-debrief`);
  await expect(page.getByRole("list", { name: "Amendments" })).toContainText(REASON);
  await axe(page);

  // the calibration page: Sam moved every rating, toward the hiring manager
  await page.goto("/calibration");
  const movement = page.getByTestId("debrief-movement");
  const samRow = movement.getByRole("row", { name: /Sam Patel/ });
  await expect(samRow).toContainText(`2.00 points per rating`);
  await expect(samRow.getByRole("cell").nth(2)).toContainText(/^\d+ of \d+ \(100%/);
});

test("the debrief fits a phone and has no accessibility violations @phone", async ({ page }) => {
  test.setTimeout(180_000);
  const { candidateId } = await panelIn(page);
  await signIn(page, "hiring.manager2@demo.test");
  for (const step of ["start", "room"]) {
    await page.goto(`/candidates/${candidateId}/debrief`);
    if (step === "room") {
      await expect(page.getByRole("heading", { name: /3\. Taylor Reed/ })).toBeVisible();
      await expect(page.getByTestId("before-after")).toBeVisible();
    } else {
      await expect(page.getByRole("heading", { name: "Start the debrief" })).toBeVisible();
      // every control of the form is a 44 px target
      for (const control of await page
        .getByRole("button")
        .filter({ hasText: /[↑↓]|Start the debrief/ })
        .all()) {
        const box = (await control.boundingBox())!;
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      }
    }
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${step}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${step} scrolls sideways`).toBeLessThanOrEqual(0);
    if (step === "start") {
      await page.getByRole("radio", { name: "Everyone at once" }).check();
      await page.getByRole("button", { name: "Start the debrief" }).click();
      await expect(page.getByTestId("debrief-status")).toContainText("(everyone at once)");
    }
  }
});
