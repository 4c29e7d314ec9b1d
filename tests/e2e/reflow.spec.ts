import { expect, test, type Page } from "@playwright/test";
import { PUBLIC_PAGES } from "./public-pages";

// WCAG 1.4.10 reflow: at 320 CSS px with the largest text setting nothing scrolls sideways, and the
// receipt number stays on one line (it used to break at its hyphen).

const PUBLIC = PUBLIC_PAGES;

async function largestText(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "放大字号" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "large");
  await page.getByRole("button", { name: "放大字号" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** How many lines the element's text takes. */
const lines = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    })
  );

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test.describe(how, () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } });

    test(`at 320 px with the largest text no public page scrolls sideways (${how})`, async ({ page }) => {
      await largestText(page);
      for (const url of PUBLIC) {
        await page.goto(url);
        await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
        expect(await sideways(page), url).toBeLessThanOrEqual(0);
      }
    });

    test(`the receipt number stays on one line at 320 px with the largest text (${how})`, async ({ page }) => {
      await largestText(page);
      await page.goto("/consultations/1#comment-form");
      await page.getByRole("textbox", { name: "意见内容" }).fill("在最小屏幕上提交的意见：回执编号应当完整显示在一行。");
      await page.getByLabel("您的身份").selectOption("媒体");
      await page.getByLabel(/我已阅读并同意/).check();
      await page.getByRole("button", { name: "提交意见" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
      const [receipt] = await page.locator(".receipt-no").allTextContents();
      expect(receipt).toMatch(/^ZQ\d{8}-[0-9A-Z]{6}$/);
      expect(await lines(page, ".receipt-no")).toEqual([1, 1]);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      // Still a readable size, not shrunk to nothing.
      const size = await page
        .locator(".receipt-no")
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(18);
    });
  });
}
