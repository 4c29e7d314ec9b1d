import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible, login } from "./fixtures";

const OPEN = "/consultations/1";
const QUEUE = "/admin/consultations/1/moderation";

/** Three comments from the public under one marker: two plain, one with a phone number nobody has reviewed yet. */
async function threeComments(browser: Browser, marker: string, phone: string) {
  const context = await browser.newContext();
  const visitor = await context.newPage();
  for (const text of [`${marker}，其一：建议简化贴息申请材料。`, `${marker}，其二：建议延长贴息期限。`, `${marker}，其三：请回电 ${phone}。`]) {
    await visitor.goto(OPEN);
    await visitor.getByRole("textbox", { name: "意见内容" }).fill(text);
    await visitor.getByLabel("您的身份").selectOption("退役军人");
    await visitor.getByRole("radio", { name: /匿名公开/ }).check();
    await visitor.getByLabel(/我已阅读并同意/).check();
    await visitor.getByRole("button", { name: "提交意见" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  }
  return { visitor, context };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("bulk approval of everything a filter matches asks for confirmation with the count, and holds what has unreviewed personal data", async ({
      page,
      browser,
    }) => {
      const marker = `按筛选批量通过${javaScriptEnabled ? "甲" : "乙"}${Date.now()}`;
      const phone = javaScriptEnabled ? "13912340001" : "13912340002";
      const { visitor, context } = await threeComments(browser, marker, phone);

      await login(page, "drafter");
      await page.goto(`${QUEUE}?q=${encodeURIComponent(marker)}`);
      await expect(page.locator("[data-queue-card]")).toHaveCount(3);
      await page.getByLabel("对筛选结果的操作").selectOption("approve");
      await page.getByRole("button", { name: "对筛选出的全部 3 条意见执行…" }).click();

      // The confirmation: the count, the filters and what will happen; nothing has happened yet.
      const confirm = page.getByRole("region", { name: /确认：对筛选出的全部 3 条意见执行“通过并公开”/ });
      await expect(confirm).toBeVisible();
      await expect(confirm).toContainText(`筛选条件：待审核、内容包含“${marker}”。`);
      await expect(confirm).toContainText("其中 1 条含有待确认的个人信息，不会公开，仍留在待审核队列中");
      // axe needs the page's own scripts; the page is the same without them.
      if (javaScriptEnabled) await expectAccessible(page);
      await expect(page.locator("[data-queue-card]")).toHaveCount(3);

      await confirm.getByRole("button", { name: "确认执行（3 条）" }).click();
      await expect(page.getByText("已通过筛选出的意见 2 条。")).toBeVisible();
      await expect(page.getByText("另有 1 条含有待确认的个人信息，未予通过，仍在待审核队列中")).toBeVisible();
      const left = page.locator("[data-queue-card]");
      await expect(left).toHaveCount(1);
      await expect(left).toContainText("其三");
      await expect(left).toContainText("有 1 处检出尚待确认");

      await visitor.goto(OPEN);
      const comments = visitor.locator("#comments");
      await expect(comments.getByText(`${marker}，其一`)).toBeVisible();
      await expect(comments.getByText(`${marker}，其二`)).toBeVisible();
      await expect(comments).not.toContainText(`${marker}，其三`);
      await expect(comments).not.toContainText(phone);
      await context.close();
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a bulk rejection by filter without a reason is refused with the reason's field marked", async ({ page }) => {
    await login(page, "drafter");
    await page.goto(`${QUEUE}?status=all`);
    await page.getByLabel("对筛选结果的操作").selectOption("reject");
    await page.getByRole("button", { name: /对筛选出的全部 \d+ 条意见执行…/ }).click();
    await expect(page.getByText("请选择不予公开的理由。")).toBeVisible();
    await expect(page.getByRole("region", { name: /确认：/ })).toHaveCount(0);
  });
});
