import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

test.describe("display preferences", () => {
  test.use({ javaScriptEnabled: false });

  test("text size and high contrast persist across pages, without JavaScript", async ({ page }) => {
    await page.goto("/consultations/1");
    await page.getByRole("button", { name: "放大字号" }).click();
    await expect(page).toHaveURL(/\/consultations\/1$/);
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "large");
    await page.getByRole("button", { name: "放大字号" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
    await expect(page.getByRole("button", { name: "放大字号" })).toBeDisabled();
    await page.getByRole("button", { name: "高对比度" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-contrast", "high");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
    await expect(page.locator("html")).toHaveAttribute("data-contrast", "high");
    await expect(page.getByRole("button", { name: "高对比度" })).toHaveAttribute("aria-pressed", "true");
  });
});

test("larger text really is larger, and high contrast passes axe", async ({ page }) => {
  await page.goto("/");
  const before = await page.locator("h1").evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  await page.getByRole("button", { name: "放大字号" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "large");
  const after = await page.locator("h1").evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  expect(after).toBeGreaterThan(before * 1.1);
  await page.getByRole("button", { name: "高对比度" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-contrast", "high");
  await expectAccessible(page);
});

test("focus is always visible on links and buttons", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth), tag: el.tagName };
    });
    expect(outline.outline, `focus ring on ${outline.tag}`).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
  }
});
