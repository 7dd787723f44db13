// Chat notices as people set them up (docs/decisions/073-chat-notices.md): an interviewer pastes a
// Slack incoming-webhook URL in Your settings — a private address is refused next to the field,
// a real one is saved and from then on shown only as its host and last four characters, never in
// the page — and removes it; a recruiter sets an opening's Teams channel in Edit opening.
// Nothing is sent here (the worker is not running); delivery is tested in
// tests/integration/chat-notices.test.ts and tests/unit/chat-send.test.ts.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { fillHydrated } from "./hydrated";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

const SECRET = "https://hooks.slack.com/services/T0E2E/B0E2E/e2eSecretWXYZ";

test("an interviewer sends their reminders to Slack: refused when private, masked once saved, removable", async ({
  page,
}) => {
  await signIn(page, "avery.brooks@demo.test");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Chat notices" });
  await expect(form.getByText("Now: no chat notices.")).toBeVisible();
  await form.getByLabel("Chat app").selectOption("slack");
  await fillHydrated(form.getByLabel("Incoming-webhook URL"), "http://169.254.169.254/latest/meta-data");
  await form.getByRole("button", { name: "Save chat address" }).click();
  await expect(form.getByRole("alert").first()).toContainText("local or private network address");
  await fillHydrated(form.getByLabel("Incoming-webhook URL"), SECRET);
  await form.getByRole("button", { name: "Save chat address" }).click();
  await expect(form.getByText("Now: Slack · hooks.slack.com …WXYZ")).toBeVisible();
  await expect(form.getByLabel("Incoming-webhook URL")).toHaveValue("");
  await page.reload();
  await expect(form.getByText("Now: Slack · hooks.slack.com …WXYZ")).toBeVisible();
  expect(await page.content()).not.toContain("e2eSecret");
  expect((await new AxeBuilder({ page }).include("form[aria-label='Chat notices']").analyze()).violations).toEqual([]);
  await form.getByRole("button", { name: "Remove" }).click();
  await expect(form.getByText("Now: no chat notices.")).toBeVisible();
});

test("a recruiter sends an opening's notices to a Teams channel", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page
    .getByRole("link", { name: /Lead AI Platform Engineer/ })
    .first()
    .click();
  await page.getByRole("link", { name: "Edit opening" }).click();
  const form = page.getByRole("form", { name: "Channel notices" });
  await form.getByLabel("Chat app").selectOption("teams");
  await fillHydrated(
    form.getByLabel("Incoming-webhook URL"),
    "https://contoso.webhook.office.com/webhookb2/e2eSecret/IncomingWebhook/abcd",
  );
  await form.getByRole("button", { name: "Save chat address" }).click();
  await expect(form.getByText("Now: Microsoft Teams · contoso.webhook.office.com …abcd")).toBeVisible();
  await expect(form.getByText("No chat notices yet.")).toBeVisible();
  await form.getByRole("button", { name: "Remove" }).click();
  await expect(form.getByText("Now: no chat notices.")).toBeVisible();
});
