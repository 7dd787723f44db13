import { expect, test, type Locator, type Page } from "@playwright/test";

/** The phone the issues were found on: 390 × 844 (the phone project's Pixel 7 is 412 wide). */
export async function atPhoneSize(page: Page) {
  if (test.info().project.name === "phone") await page.setViewportSize({ width: 390, height: 844 });
}

/**
 * The rendered height of every piece of text inside `root`, in CSS pixels as drawn (a scaled SVG
 * draws its text smaller than its font-size says). A text's box is about 1.15 × its font size, so
 * a height under 12 px means text under 12 px.
 */
export async function renderedTextHeights(root: Locator) {
  return root.evaluate((el) => {
    const out: { text: string; height: number }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent?.trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const height = range.getBoundingClientRect().height || node.parentElement!.getBoundingClientRect().height;
      out.push({ text, height: Math.round(height * 10) / 10 });
    }
    return out;
  });
}

/** The element is wholly inside the window, with nothing to scroll to see it. */
export async function expectOnScreen(page: Page, target: Locator) {
  const found = await target.boundingBox();
  expect(found, "rendered").not.toBeNull();
  const box = found!;
  const { width, height } = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
  return box;
}
