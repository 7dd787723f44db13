// An admin creates an API token (shown once) that works with curl-style requests, then
// revokes it; the OpenAPI document is served; webhooks are registered with a secret shown once.
import AxeBuilder from "@axe-core/playwright";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

test("an admin creates a token, an integration uses it, the admin revokes it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose whose permissions the token carries")).toBeVisible();
  await page.getByLabel("Acts as").selectOption({ label: "Casey Morgan (recruiter@demo.test)" });
  await page.getByLabel("Name").fill("ATS sync");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^sc_/);

  // an integration: no cookies, only the bearer token
  const client = await playwright.request.newContext({ baseURL });
  const me = await client.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).roles).toContain("recruiter");
  const openings = await client.get("/api/v1/openings?limit=1", { headers: { Authorization: `Bearer ${token}` } });
  const page1 = await openings.json();
  expect(page1.data).toHaveLength(1);
  expect(page1.nextCursor).toEqual(expect.any(String));
  expect((await client.get("/api/v1/me")).status()).toBe(401);

  const row = page.getByRole("row", { name: /ATS sync/ });
  await expect(row).toContainText("sc_");
  await row.getByRole("button", { name: "Revoke ATS sync" }).click();
  await row.getByRole("button", { name: "Yes, revoke ATS sync" }).click();
  await expect(row).toContainText("Revoked");
  expect((await client.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await client.dispose();
});

test("the OpenAPI document is served and describes the API", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/openings", "/interviews/{id}/scorecard/submit", "/candidates/{id}/decisions"]),
  );
});

test("webhooks: refused for the app's own address; a secret shown once; others cannot reach the screens", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/admin/webhooks");
  await page.getByLabel("URL").fill(`${baseURL}/api/hooks`);
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("This is the app's own address; webhooks go to other systems")).toBeVisible();
  await page.getByLabel("URL").fill("https://ats.example.com/hooks/scorecards");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
  await expect(page.getByRole("list", { name: "Webhooks" })).toContainText("https://ats.example.com/hooks/scorecards");

  await signIn(page, "recruiter@demo.test");
  for (const url of ["/admin/tokens", "/admin/webhooks"]) expect((await page.goto(url))?.status()).toBe(404);
  expect((await page.request.post("/api/admin/tokens", { data: { userId: "x", name: "Sneaky" } })).status()).toBe(403);
  expect(
    (
      await page.request.post("/api/admin/webhooks", {
        data: { url: "https://x.example.com", events: ["decision.recorded"] },
      })
    ).status(),
  ).toBe(403);
});

test("an admin sends a webhook a test event and sees its answer, then deletes it after confirming", async ({
  page,
}) => {
  // a receiver on this machine's loopback, which the e2e server opens with WEBHOOK_ALLOW_HOSTS=localhost
  const heard: IncomingHttpHeaders[] = [];
  const receiver = createServer((req, res) => {
    heard.push(req.headers);
    req.resume();
    res.writeHead(202).end();
  });
  await new Promise<void>((r) => receiver.listen(0, "localhost", r));
  const url = `http://localhost:${(receiver.address() as AddressInfo).port}/scorecards`;
  try {
    await signIn(page, "admin@demo.test");
    await page.goto("/admin/webhooks");
    await page.getByLabel("URL").fill(url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
    const hook = page.getByRole("list", { name: "Webhooks" }).getByRole("listitem").filter({ hasText: url });
    await hook.getByRole("button", { name: `Send a test event to ${url}` }).click();
    await expect(hook.getByRole("status")).toHaveText("Delivered: the endpoint answered HTTP 202.");
    expect(heard).toHaveLength(1);
    expect(heard[0]["x-scorecards-event"]).toBe("ping");
    expect(heard[0]["x-scorecards-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await expect(hook.getByRole("table")).toContainText("ping");

    // delete asks first; cancelling keeps it
    await hook.getByRole("button", { name: `Delete ${url}` }).click();
    await hook.getByRole("button", { name: "Cancel" }).click();
    await expect(hook).toBeVisible();
    await hook.getByRole("button", { name: `Delete ${url}` }).click();
    await hook.getByRole("button", { name: `Yes, delete ${url}` }).click();
    await expect(page.getByRole("list", { name: "Webhooks" }).getByText(url)).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(url)).toHaveCount(0);
    await page.goto("/admin/audit?action=webhook.*");
    await expect(page.getByRole("list", { name: "Audit entries" }).getByRole("listitem").first()).toContainText(
      "webhook.deleted",
    );
    await expect(page.getByRole("list", { name: "Audit entries" }).getByRole("listitem").first()).toContainText(
      `Webhook: ${url}`,
    );

    // nobody else deletes or tests one
    const id = "some-webhook";
    await signIn(page, "recruiter@demo.test");
    expect((await page.request.post(`/api/admin/webhooks/${id}/delete`)).status()).toBe(403);
    expect((await page.request.post(`/api/admin/webhooks/${id}/test`)).status()).toBe(403);
    expect(heard).toHaveLength(1);
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});

test("the token and webhook screens have no accessibility violations, and fit a phone @phone", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  for (const url of ["/admin/tokens", "/admin/webhooks"]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      url,
    ).toBeLessThanOrEqual(0);
  }
});
