import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// The comment form with a screen reader in mind: what is announced while typing, where focus goes
// after a failed submit, and how each group's error is tied to its group.

const OPEN = "/consultations/1";

/** Every text the form's live regions take from now on, in order. */
async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    for (const region of document.querySelectorAll("#comment-form [aria-live]")) {
      new MutationObserver(() => heard.push(region.textContent ?? "")).observe(region, { subtree: true, childList: true, characterData: true });
    }
  });
  return () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((t, i, all) => t !== all[i - 1]));
}

/** Submits with the browser's own checks off, so that the server's validation answers. */
async function submitUnchecked(page: Page) {
  await page.locator("#comment-form").evaluate((f) => f.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "提交意见" }).click();
}

test("the character count is announced when it crosses a threshold, not at every keystroke", async ({ page }) => {
  await page.goto(OPEN);
  const box = page.getByRole("textbox", { name: "意见内容" });
  await expect(page.locator("#comment-form [aria-live]")).toHaveCount(1);
  const heard = await recordAnnouncements(page);
  await box.click();
  await page.keyboard.type("第八条建议增加创业补贴的申请渠道。");
  // The visible count follows every keystroke; nothing was announced.
  await expect(page.locator("#comment-form").getByText(/已输入 \d+ 字/)).toContainText("已输入 17 字");
  expect(await heard()).toEqual([]);

  await box.fill("意".repeat(19001));
  await expect(page.locator("#comment-form [aria-live]")).toHaveText("还可输入不到 1000 字。");
  await page.keyboard.type("再写几个字");
  await box.fill("意".repeat(19600));
  await box.fill("意".repeat(19950));
  await box.fill("意".repeat(20000));
  await expect(page.locator("#comment-form").getByText(/已输入 \d+ 字/)).toContainText("已输入 20000 字，还可输入 0 字");
  expect(await heard()).toEqual(["还可输入不到 1000 字。", "还可输入不到 500 字。", "还可输入不到 100 字。", "已达到 20000 字上限。"]);
  // The description read with the field still gives the exact count.
  await expect(box).toHaveAccessibleDescription(/已输入 20000 字/);
});

test("the identity categories include 律师, 专家学者 and 媒体, with 其他群众 last", async ({ page }) => {
  await page.goto(OPEN);
  const options = await page.getByLabel("您的身份").locator("option").allTextContents();
  expect(options).toEqual(expect.arrayContaining(["律师", "专家学者", "媒体"]));
  expect(options.at(-1)).toBe("其他群众");
});

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test.describe(how, () => {
    test.use({ javaScriptEnabled, viewport: javaScriptEnabled ? { width: 1280, height: 800 } : { width: 360, height: 740 } });

    test(`after a failed submit focus is on an error summary whose entries lead to the fields (${how})`, async ({ page }) => {
      await page.goto(OPEN);
      await page.getByRole("textbox", { name: "意见内容" }).fill("没有选择身份、也没有同意说明的意见");
      await submitUnchecked(page);

      const summary = page.locator("#comment-form-errors");
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("heading")).toHaveText("意见未提交，请修改以下 2 处");
      // First in the form, before any field.
      expect(await page.locator("#comment-form > :is(div, fieldset)").first().getAttribute("id")).toBe("comment-form-errors");
      const links = summary.getByRole("link");
      await expect(links).toHaveText(["请选择身份类别。", "请阅读并同意意见处理说明。"]);
      await expect(page.getByRole("textbox", { name: "意见内容" })).toHaveValue("没有选择身份、也没有同意说明的意见");

      await links.filter({ hasText: "请选择身份类别。" }).click();
      await expect(page.getByLabel("您的身份")).toBeFocused();
      await expect(page.getByLabel("您的身份")).toHaveAccessibleDescription("请选择身份类别。");
      await summary.getByRole("link", { name: "请阅读并同意意见处理说明。" }).click();
      await expect(page.getByLabel(/我已阅读并同意/)).toBeFocused();
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test(`each group's error is tied to its fieldset (${how})`, async ({ page }) => {
      await page.goto(OPEN);
      await page.getByRole("textbox", { name: "意见内容" }).fill("条款和公开方式都被篡改的意见");
      await page.getByLabel("您的身份").selectOption("律师");
      await page.getByLabel(/我已阅读并同意/).check();
      // Values no browser would send from this form, to reach the server's checks of the two groups.
      await page.getByRole("checkbox", { name: "第三条" }).evaluate((box: HTMLInputElement) => {
        box.value = "第三条";
        box.checked = true;
      });
      await page.locator('input[name="publishPreference"]').evaluateAll((radios: HTMLInputElement[]) => radios.forEach((r) => (r.value = "everyone")));
      await submitUnchecked(page);

      const articles = page.getByRole("group", { name: /针对的条款/ });
      await expect(articles).toHaveAccessibleDescription("所选条款无效。");
      const publish = page.getByRole("group", { name: "是否公开" });
      await expect(publish).toHaveAccessibleDescription("请选择是否公开。");
      const summary = page.locator("#comment-form-errors");
      await expect(summary).toBeFocused();
      await summary.getByRole("link", { name: "请选择是否公开。" }).click();
      await expect(publish.getByRole("radio").first()).toBeFocused();
      await summary.getByRole("link", { name: "所选条款无效。" }).click();
      await expect(articles.getByRole("checkbox").first()).toBeFocused();
      await expect(page.getByLabel("您的身份")).toHaveValue("律师");
    });
  });
}
