// Amendments that are easy to follow (docs/decisions/059-amendment-history-by-submission.md): the
// interviewer submits Strong yes, amends it to No with a reason; their page says when, by whom and
// why, and lists the versions by submission with what changed; the recruiter's summary shows the
// same amendment. The interview is the spec's own (tests/e2e/plan-interview.ts).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { planInterview } from "./plan-interview";
import { signIn } from "./sign-in";

const ARCH = "Architecture & design";
const REL = "Reliability & operations";
const COMM = "Communication";
const REASON = "Re-read my notes: the design did not hold up under load.";

const axe = async (page: Page) =>
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

const rate = async (page: Page, name: string, option: string, evidence: string) => {
  await page
    .getByRole("radiogroup", { name: `Rating for ${name}` })
    .getByRole("radio", { name: option })
    .check();
  await page.getByLabel(`Evidence for ${name}`).fill(evidence);
};

test("an amendment reads as who changed what, when and why, on the scorecard and on the summary", async ({ page }) => {
  const { url, candidateId } = await planInterview(page, { focus: [ARCH, REL, COMM], what: "Amendments" });
  await signIn(page);
  await page.goto(url);
  for (const name of [ARCH, REL, COMM]) await rate(page, name, "4 Exceeds bar", `Strong answer on ${name}.`);
  await page.getByLabel("Key take-aways").fill("Clear thinker.");
  await page.getByRole("radio", { name: "Strong yes", exact: true }).check();
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  // never amended: no history yet, and the line says only when it was submitted
  await expect(page.getByTestId("submitted-line")).not.toContainText("amended");
  await expect(page.getByRole("heading", { name: /^Versions/ })).toHaveCount(0);

  // amend: two ratings down, overall No, with a reason
  await page.getByRole("button", { name: "Amend this scorecard" }).click();
  for (const name of [ARCH, REL, COMM]) await rate(page, name, "2 Below bar", `Weak under load on ${name}.`);
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByLabel("Reason for the amendment").fill(REASON);
  await page.getByRole("button", { name: "Save amendment" }).click();
  const nudged = page.getByRole("alertdialog");
  const versions = page.getByRole("region", { name: "Versions (2)" });
  await expect(versions.or(nudged).first()).toBeVisible();
  if (await nudged.isVisible()) await nudged.getByRole("button", { name: "Save amendment anyway" }).click();

  // the header: submitted, then the latest amendment with who and why
  await expect(page.getByText("Submitted · amended", { exact: true })).toBeVisible();
  await expect(page.getByTestId("submitted-line")).toHaveText(
    new RegExp(`^Submitted .+, amended .+ by Sam Patel — ${REASON.replace(/[.:]/g, "\\$&")}$`),
  );
  // the history, newest first, numbered by submission, the reason on the version it produced
  await expect(versions).toBeVisible();
  const items = versions.getByRole("listitem").filter({ hasText: /^Version \d/ });
  await expect(items.first()).toContainText(`Version 2 (current) — amended`);
  await expect(items.first()).toContainText(`by Sam Patel: ${REASON}`);
  await expect(versions.getByText("Overall: Strong yes → No")).toBeVisible();
  await expect(versions.getByText(`${ARCH}: 4 → 2`)).toBeVisible();
  await expect(versions.getByText(`${ARCH}: evidence edited`)).toBeVisible();
  const first = versions.getByText(/^Version 1 — submitted /);
  await expect(first).toBeVisible();
  await expect(versions).not.toContainText("Version 7");
  await first.click();
  await expect(versions.getByText("Overall recommendation: Strong yes")).toBeVisible();
  await axe(page);

  // the recruiter's summary: the amendment with what changed, and the same in its JSON
  await signIn(page, "recruiter@demo.test");
  await page.goto(`/candidates/${candidateId}`);
  const note = page.getByRole("list", { name: "Amendments" });
  await expect(note).toContainText(new RegExp(`Amended .+ by Sam Patel — ${REASON.replace(/[.:]/g, "\\$&")}`));
  await expect(note.getByText("Overall: Strong yes → No")).toBeVisible();
  await axe(page);
  const json = await (await page.request.get(`/api/candidates/${candidateId}/summary`)).json();
  expect(json.scorecards[0].amendmentLog).toMatchObject([
    {
      version: 2,
      reason: REASON,
      amendedBy: { name: "Sam Patel" },
      changes: expect.arrayContaining([
        expect.objectContaining({ field: "recommendation", from: "Strong yes", to: "No" }),
      ]),
    },
  ]);
});
