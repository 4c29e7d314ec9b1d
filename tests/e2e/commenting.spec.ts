import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

const OPEN = "/consultations/1";

// The full form; each article also has a compact form of its own (tests/e2e/citizen-keep.spec.ts).
async function fillComment(page: Page, text: string) {
  const form = page.locator("#comment-form");
  await form.getByRole("textbox", { name: "意见内容" }).fill(text);
  await form.getByLabel("您的身份").selectOption("退役军人");
  await form.getByLabel(/我已阅读并同意/).check();
}

async function receiptFrom(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  const numbers = await page.locator(".receipt-no").allTextContents();
  expect(numbers[0]).toMatch(/^ZQ\d{8}-[0-9A-Z]{6}$/);
  expect(numbers[1]).toMatch(/^[0-9A-Z]{10}$/);
  return { receipt: numbers[0], code: numbers[1] };
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a member of the public comments on an article and gets a receipt", async ({ page }) => {
    // A link from elsewhere (a notice, the feedback page) preselects the article in the full form.
    await page.goto(`${OPEN}?article=10#comment-form`);
    await expect(page.getByRole("checkbox", { name: "第十条" })).toBeChecked();
    await fillComment(page, "建议第十条明确放宽年龄的具体幅度。");
    await page.getByRole("button", { name: "提交意见" }).click();
    const { receipt, code } = await receiptFrom(page);

    // The status page by number and code, as someone without the email would use it.
    await page.getByRole("button", { name: "结束查看" }).click();
    await page.getByLabel("回执编号").fill(receipt);
    await page.getByLabel("查询码").fill(code);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByText("审核中（当前）")).toBeVisible();
  });

  test("bad input keeps the text and explains, without JavaScript", async ({ page }) => {
    await page.goto(OPEN);
    await page.getByRole("textbox", { name: "意见内容" }).fill("没有选择身份的意见");
    // Native constraints are bypassed to reach the server's own validation.
    await page.locator("#comment-form").evaluate((f) => f.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "提交意见" }).click();
    // Each message beside its field (and, as a link, in the summary above the form).
    await expect(page.locator("#comment-form").getByLabel("您的身份")).toHaveAccessibleDescription("请选择身份类别。");
    await expect(page.locator("#comment-form").getByLabel(/我已阅读并同意/)).toHaveAccessibleDescription("请阅读并同意意见处理说明。");
    await expect(page.getByRole("textbox", { name: "意见内容" })).toHaveValue("没有选择身份的意见");
  });

  test("a wrong check code gets the same answer as an unknown receipt", async ({ page }) => {
    await page.goto("/status?receipt=ZQ20261126-AAAAAA&code=AAAAAAAAAA");
    await expect(page.getByRole("alert")).toHaveText("回执编号或查询码不正确，请核对后重新输入。");
  });
});

// axe runs in the page, so the accessibility checks need JavaScript on; the pages themselves do not.
test("the consultation page, its comment form, the receipt and the status pages pass axe", async ({ page }) => {
  await page.goto(OPEN);
  await expectAccessible(page);
  await fillComment(page, "无障碍检查用的意见。");
  await page.getByRole("button", { name: "提交意见" }).click();
  const { receipt, code } = await receiptFrom(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "结束查看" }).click();
  await page.getByLabel("回执编号").fill(receipt);
  await page.getByLabel("查询码").fill(code);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "意见处理情况" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "结束查看" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "意见处理情况查询" })).toBeVisible();
  await expectAccessible(page);
});

test("on a 360 px phone the form fits and submits", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${OPEN}?article=8#comment-form`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("checkbox", { name: "第八条" })).toBeChecked();
  const text = "手机上提交：第八条的创业孵化基地应当向退役军人优先开放。";
  await fillComment(page, text);
  await expect(page.locator("#comment-form").getByText(/已输入 \d+ 字/)).toContainText(`已输入 ${text.length} 字`);
  await page.getByRole("button", { name: "提交意见" }).click();
  await receiptFrom(page);
});

test("the comment form can be completed by keyboard alone", async ({ page }) => {
  await page.goto(`${OPEN}#comment-form`);
  await page.getByRole("textbox", { name: "意见内容" }).focus();
  await page.keyboard.type("键盘提交的意见。");
  await page.keyboard.press("Tab"); // 清除草稿 (the draft kept on this device)
  await page.keyboard.press("Tab"); // 附件
  await page.keyboard.press("Tab"); // 您的身份
  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 5; i++) await page.keyboard.press("Tab"); // 姓名, 单位, 邮箱, 关注本条意见, first radio
  for (let i = 0; i < 1; i++) await page.keyboard.press("Tab"); // consent
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "提交意见" })).toBeFocused();
  await page.keyboard.press("Enter");
  await receiptFrom(page);
});
