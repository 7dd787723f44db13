// An admin makes a SCIM token on the SCIM page (shown once) and sees which groups grant which
// roles; an identity provider, with only that token, provisions a person, grants a role through
// a group and deactivates them; the admin revokes the token.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

test("an admin makes a SCIM token, the identity provider provisions with it, the admin revokes it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SCIM" }).click();
  await expect(page.getByRole("heading", { name: "SCIM provisioning" })).toBeVisible();
  const groups = page.getByRole("table", { name: /groups and the app roles/i });
  await expect(groups.getByRole("row", { name: /Scorecards Recruiters/ })).toContainText("Recruiter");
  await expect(groups.getByRole("row", { name: /Scorecards Admins/ })).toContainText("Admin");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByLabel("Name").fill("Okta");
  await page.getByRole("button", { name: "Create SCIM token" }).click();
  const token = (await page.getByTestId("new-scim-token").textContent())!;
  expect(token).toMatch(/^scim_/);

  const idp = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
  });
  const email = `scim.${Date.now()}@demo.test`;
  const made = await idp.post("/scim/v2/Users", {
    data: { schemas: [USER], userName: email, displayName: "Scim Person" },
  });
  expect(made.status()).toBe(201);
  expect(made.headers()["content-type"]).toMatch(/^application\/scim\+json/);
  const id = (await made.json()).id;
  const granted = await idp.patch("/scim/v2/Groups/recruiter", {
    data: { schemas: [PATCH], Operations: [{ op: "Add", path: "members", value: [{ value: id }] }] },
  });
  expect(granted.status()).toBe(200);

  // the admin's Users screen shows the person with the role the group granted
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row", { name: /Scim Person/ })).toContainText("Recruiter");

  const off = await idp.patch(`/scim/v2/Users/${id}`, {
    data: { schemas: [PATCH], Operations: [{ op: "Replace", path: "active", value: "False" }] },
  });
  expect((await off.json()).active).toBe(false);

  await page.goto("/admin/scim");
  const row = page.getByRole("row", { name: /Okta/ });
  await row.getByRole("button", { name: "Revoke Okta" }).click();
  await row.getByRole("button", { name: "Yes, revoke Okta" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await idp.get("/scim/v2/Users");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
  await idp.dispose();
});
