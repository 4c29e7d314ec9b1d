import { expect, type Page } from "@playwright/test";

/**
 * Staff confirm a public title for every topic still without one, through the 意见处理 page's
 * 确认公开标题 forms (the proposed title is kept), as a reviewer's approval of the summary
 * requires (summary-titles.server.ts). `dispositionsUrl` is that page's address.
 */
export async function approveTopicTitles(page: Page, dispositionsUrl: string): Promise<void> {
  await page.goto(dispositionsUrl);
  const pending = page.locator(".public-title:has(.topic-undecided)");
  for (let left = await pending.count(); left > 0; left--) {
    await pending.first().getByRole("button", { name: "确认公开标题" }).click();
    await expect(page.getByText("公开标题已确认。").first()).toBeVisible();
    await expect(pending).toHaveCount(left - 1);
  }
}
