import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// /consultations/:id/feedback before the answers are published: the page says so and by when,
// instead of a bare 404. The demo's open (1) and upcoming (2) consultations have no answers yet.

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript at 360 px";
  test.describe(how, () => {
    test.use({ javaScriptEnabled, ...(javaScriptEnabled ? {} : { viewport: { width: 360, height: 740 } }) });

    test(`the feedback page before publication says 意见采纳情况尚未公布 and when it is expected (${how})`, async ({ page }) => {
      for (const [id, stage] of [
        [1, /征求意见正在进行，将于 .+ 截止/],
        [2, /征求意见将于 .+ 开始，.+ 截止/],
      ] as const) {
        const response = await page.goto(`/consultations/${id}/feedback`);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("意见采纳情况尚未公布");
        await expect(page.locator(".period-box")).toContainText(stage);
        const expected = page.locator(".period-box time").last();
        await expect(page.locator(".period-box")).toContainText(/意见采纳情况预计于 \d{4}年\d{1,2}月\d{1,2}日 前在本页公布（截止后 20 个工作日内）/);
        // The expected day comes after the close.
        const [close, due] = await page.locator(".period-box time").evaluateAll((times) => times.slice(-2).map((t) => Date.parse(t.getAttribute("datetime")!)));
        expect(due - close).toBeGreaterThan(20 * 86_400_000);
        await expect(expected).toBeVisible();
        await expect(page.getByRole("link", { name: "返回征求意见页面" })).toHaveAttribute("href", `/consultations/${id}`);
        await expect(page).toHaveTitle(/^意见采纳情况尚未公布：/);
        if (javaScriptEnabled) await expectAccessible(page);
        else expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      }
    });
  });
}

test("a consultation that does not exist (or is not public) still has no feedback page", async ({ request }) => {
  expect((await request.get("/consultations/9999/feedback")).status()).toBe(404);
  expect((await request.get("/consultations/abc/feedback")).status()).toBe(404);
});
