import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo";

/** Signs in through the real sign-in page (any earlier session is dropped first). */
export async function signIn(page: Page, email = "interviewer@demo.test", password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}
