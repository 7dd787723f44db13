import { expect, type Locator } from "@playwright/test";

/**
 * Fills `field` once React has taken it over from the server's HTML, and checks what it holds.
 * Typed into before that, a form's script is not yet listening (a click submits natively) and
 * React, taking the field over, can put its own value back, or the two end up side by side. The
 * page's load events say nothing about this on a busy machine: the props React attaches to each
 * element it hydrates do.
 */
export async function fillHydrated(field: Locator, value: string) {
  await expect
    .poll(() => field.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), {
      message: "the page's script has taken the field over",
    })
    .toBe(true);
  await expect(async () => {
    await field.fill(value);
    await expect(field).toHaveValue(value, { timeout: 1_000 });
  }).toPass();
}
