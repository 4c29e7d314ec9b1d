import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login } from "./fixtures";

const OPEN = "/consultations/1";
const QUEUE = "/admin/consultations/1/moderation";
const PHONE = "13898765432";
const MARKER = "建议第十五条把创业担保贷款额度提高到三十万元";

/** A member of the public leaves an anonymous comment with a phone number in it. */
async function commentWithPhone(page: Page) {
  await page.goto(OPEN);
  await page.getByRole("textbox", { name: "意见内容" }).fill(`${MARKER}。如需了解情况请打我电话 ${PHONE}。`);
  await page.getByLabel("您的身份").selectOption("退役军人");
  await page.getByRole("radio", { name: /匿名公开/ }).check();
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: "提交意见" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
}

test("a drafter approves a comment with its phone number redacted, and the public sees only the redacted text", async ({ page, browser }) => {
  // The visitor has a context of their own: no staff session, and axe needs a context's page.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await commentWithPhone(visitor);

  await login(page, "drafter");
  await page.goto(QUEUE);
  await expect(page.getByRole("heading", { level: 1, name: "意见审核" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("含个人信息").check();
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/pii=1/);
  const card = page.locator("[data-queue-card]", { hasText: MARKER });
  await expect(card).toHaveCount(1);
  // Staff see the original with the detected number highlighted; the proposed text hides it.
  await expect(card.locator("mark.pii")).toContainText(PHONE);
  const text = card.getByLabel("公开文本");
  await expect(text).toHaveValue(/\[手机号已隐去\]/);
  await expect(text).not.toHaveValue(new RegExp(PHONE));
  await card.getByRole("button", { name: /通过并公开/ }).click();
  await expect(page.getByText("已通过。意见将按提出人选择的方式公开。")).toBeVisible();
  await expect(page.locator("[data-queue-card]", { hasText: MARKER })).toHaveCount(0);

  await visitor.goto(OPEN);
  const comments = visitor.locator("#comments");
  await expect(comments.getByText(MARKER)).toContainText("[手机号已隐去]");
  await expect(comments).not.toContainText(PHONE);
  await expect(comments.getByRole("article", { name: "网友的意见" }).first()).toBeVisible();
  await expect(visitor.locator("#article-15").getByRole("link", { name: /条公开意见/ })).toBeVisible();
  await expectAccessible(visitor);
  await visitorContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a public text that still holds a phone number is refused beside the field, keeping what was typed", async ({ page }) => {
    await login(page, "drafter");
    await page.goto(QUEUE);
    const card = page.locator("[data-queue-card]").first();
    const typed = "请回电 13700001111，谢谢。";
    await card.getByLabel("公开文本").fill(typed);
    await card.getByRole("button", { name: /通过并公开/ }).click();
    const again = page.locator("[data-queue-card]").first();
    await expect(again.getByLabel("公开文本")).toHaveAttribute("aria-invalid", "true");
    await expect(again.getByLabel("公开文本")).toHaveValue(typed);
    await expect(again.getByText(/公开文本中仍有疑似个人信息：手机号“13700001111”/)).toBeVisible();
    await expect(again.getByLabel("已核对，确认无个人信息")).toBeVisible();
  });
});

test("keyboard shortcuts move between comments and select them", async ({ page }) => {
  await login(page, "drafter");
  await page.goto(QUEUE);
  const cards = page.locator("[data-queue-card]");
  await page.keyboard.press("j");
  await expect(cards.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press("x");
  await expect(cards.nth(1).getByRole("checkbox", { name: "选择此条" })).toBeChecked();
  await page.keyboard.press("k");
  await expect(cards.nth(0)).toBeFocused();
  // Typing in a field never triggers a shortcut.
  await cards.nth(0).getByLabel("补充说明（可选，仅内部可见）").fill("jkx");
  await expect(cards.nth(0).getByRole("checkbox", { name: "选择此条" })).not.toBeChecked();
});

test("bulk approval holds back a comment with personal data in its name field, and the page says how many and why", async ({ page, browser }) => {
  const marker = `建议第十条增加技能培训补贴${Date.now()}`;
  const namePhone = "13912345670";
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  for (const name of ["赵六", `王小明 ${namePhone}`]) {
    await visitor.goto(OPEN);
    await visitor.getByRole("textbox", { name: "意见内容" }).fill(`${marker}，${name === "赵六" ? "甲" : "乙"}。`);
    await visitor.getByLabel("您的身份").selectOption("退役军人");
    await visitor.getByLabel("姓名（选填）").fill(name);
    await visitor.getByRole("radio", { name: /实名公开/ }).check();
    await visitor.getByLabel(/我已阅读并同意/).check();
    await visitor.getByRole("button", { name: "提交意见" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  }

  await login(page, "drafter");
  await page.goto(`${QUEUE}?q=${encodeURIComponent(marker)}`);
  const cards = page.locator("[data-queue-card]");
  await expect(cards).toHaveCount(2);
  // The name's detection is shown to the moderator, and the proposed public name hides it.
  const held = cards.filter({ hasText: "乙" });
  await expect(held.locator("mark.pii")).toContainText(namePhone);
  await expect(held.getByLabel("公开的姓名")).toHaveValue("王小明 [手机号已隐去]");
  for (const box of await cards.getByRole("checkbox", { name: "选择此条" }).all()) await box.check();
  await page.getByRole("button", { name: "批量通过所选" }).click();

  const message = page.locator("#bulk-error");
  await expect(message).toContainText("已通过 1 条；另有 1 条含有尚未确认的疑似个人信息，未予通过，仍在待审核队列中");
  await expect(message).toContainText(`待确认的姓名：手机号“${namePhone}”`);
  await page.goto(`${QUEUE}?q=${encodeURIComponent(marker)}`);
  await expect(page.locator("[data-queue-card]")).toHaveCount(1);
  await expect(page.locator("[data-queue-card]")).toContainText("乙");

  await visitor.goto(OPEN);
  const comments = visitor.locator("#comments");
  await expect(comments.getByText(`${marker}，甲。`)).toBeVisible();
  await expect(comments).not.toContainText(`${marker}，乙。`);
  await expect(comments).not.toContainText(namePhone);
  await visitorContext.close();
});
