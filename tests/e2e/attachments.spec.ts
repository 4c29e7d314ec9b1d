import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login } from "./fixtures";

const OPEN = "/consultations/1";
const MAX = 20_000;
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1"
);
// What a long submission looks like: the limit's worth of text, then five characters over.
const LONG = "律".repeat(MAX) + "超出的五字";

const body = (page: Page) => page.getByRole("textbox", { name: "意见内容" });

async function fillRest(page: Page) {
  await page.getByLabel("您的身份").selectOption("律师");
  await page.getByLabel(/我已阅读并同意/).check();
}

async function expectOverLimitAtField(page: Page) {
  // Nothing was cut, the field is marked invalid, and the excess is named and shown.
  expect(await body(page).inputValue()).toBe(LONG);
  await expect(body(page)).toHaveAttribute("aria-invalid", "true");
  const over = page.locator("#comment-body-over");
  await expect(over.getByRole("alert")).toHaveText(`意见内容已超过 ${MAX} 字上限，超出部分不会被截断，但须删减后才能提交。`);
  await expect(over).toContainText(`超出 5 字：从第 ${MAX + 1} 字起为超出部分（下方标出）。`);
  await expect(over.locator("mark.over-limit-excess")).toContainText("超出的五字");
  await expect(body(page)).toHaveAccessibleDescription(/超出 5 字/);
}

test.describe("with JavaScript", () => {
  test("pasting more than the limit: a loud message at the field, nothing cut", async ({ page }) => {
    await page.goto(OPEN);
    await body(page).fill(LONG);
    await expectOverLimitAtField(page);
    // Back within the limit, the alarm goes quiet.
    await body(page).fill("律".repeat(MAX));
    await expect(page.locator("#comment-body-over mark")).toHaveCount(0);
    await expect(body(page)).not.toHaveAttribute("aria-invalid", "true");
  });

  test("a comment with a PDF attachment gets a receipt", async ({ page }) => {
    await page.goto(OPEN);
    await body(page).fill("完整意见见附件（有 JavaScript）。");
    await page.getByLabel("附件（选填）").setInputFiles({ name: "律师意见书.pdf", mimeType: "application/pdf", buffer: PDF });
    await fillRest(page);
    const sent = page.waitForRequest((r) => r.method() === "POST");
    await page.getByRole("button", { name: "提交意见" }).click();
    expect((await sent).headers()["content-type"]).toMatch(/^multipart\/form-data/);
    await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  });

  test("a text-only comment is still sent url-encoded (the intake fast path)", async ({ page }) => {
    await page.goto(OPEN);
    await body(page).fill("没有附件的意见。");
    await fillRest(page);
    const sent = page.waitForRequest((r) => r.method() === "POST");
    await page.getByRole("button", { name: "提交意见" }).click();
    expect((await sent).headers()["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  });
});

test("the over-limit message, the file field and a moderation card with files pass axe", async ({ page }) => {
  await page.goto(OPEN);
  await body(page).fill(LONG);
  await expect(page.locator("#comment-body-over mark")).toBeVisible();
  await expectAccessible(page);
  await login(page, "drafter");
  await page.goto("/admin/consultations/1/comments/new");
  await page.getByLabel("收到渠道").selectOption("department_letter");
  await page.getByLabel("来函部门（部门来函必填）").fill("辽宁省民政厅");
  await page.getByLabel("意见内容（照录原文）").fill("民政厅来函：建议第三条补充。");
  await page.getByLabel("来函扫描件（选填）").setInputFiles({ name: "民政厅来函.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "录入", exact: true }).click();
  await expect(page.getByText(/已录入，回执编号/)).toBeVisible();
  await page.goto("/admin/consultations/1/moderation?status=pending");
  await expect(page.locator("article.moderation-card", { hasText: "民政厅来函：建议第三条补充。" }).locator(".attachment-review")).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an over-limit text comes back whole, with the excess marked at the field", async ({ page }) => {
    await page.goto(OPEN);
    await body(page).fill(LONG);
    await fillRest(page);
    await page.getByRole("button", { name: "提交意见" }).click();
    await expect(page.locator("#comment-body-error")).toHaveText(
      `意见内容超出 5 字（共 ${MAX + 5} 字，上限 ${MAX} 字）。请精简，或将较长的材料作为附件上传；您填写的内容已全部保留。`
    );
    await expectOverLimitAtField(page);
  });

  test("a comment with a PDF attachment gets a receipt; a disguised file is refused with the text kept", async ({ page }) => {
    await page.goto(OPEN);
    await body(page).fill("附件是伪装成 PDF 的程序。");
    await page
      .getByLabel("附件（选填）")
      .setInputFiles({ name: "意见.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 not a pdf", "latin1") });
    await fillRest(page);
    await page.getByRole("button", { name: "提交意见" }).click();
    await expect(page.getByLabel("附件（选填）")).toHaveAccessibleDescription(/“意见”不是可接受的文件类型.*请重新选择要上传的文件/);
    await expect(body(page)).toHaveValue("附件是伪装成 PDF 的程序。");

    await body(page).fill("完整意见见附件（无 JavaScript）。");
    await page.getByLabel("附件（选填）").setInputFiles({ name: "律师意见书.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole("button", { name: "提交意见" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  });

  test("staff enter a 部门来函 with its scanned letter, which moderation then lists, not public", async ({ page }) => {
    await login(page, "drafter");
    await page.goto("/admin/consultations/1/comments/new");
    await page.getByLabel("收到渠道").selectOption("department_letter");
    await page.getByLabel("来函部门（部门来函必填）").fill("辽宁省人力资源和社会保障厅");
    await page.getByLabel("意见内容（照录原文）").fill("来函意见：建议第五条与人社部门的安置政策衔接。");
    await page.getByLabel("来函扫描件（选填）").setInputFiles({ name: "人社厅来函.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "录入", exact: true }).click();
    await expect(page.getByText(/已录入，回执编号/)).toBeVisible();

    await page.goto("/admin/consultations/1/moderation?status=pending");
    const card = page.locator("article.moderation-card", { hasText: "来函意见：建议第五条与人社部门的安置政策衔接。" });
    await expect(card).toContainText("部门来函");
    await expect(card).toContainText("辽宁省人力资源和社会保障厅");
    await expect(card.getByRole("link", { name: "人社厅来函.pdf" })).toBeVisible();
    await expect(card.locator(".attachment-review")).toContainText("不公开");

    // Not on the public page until the file is marked public and the comment approved.
    await card.getByRole("button", { name: /设为公开.*人社厅来函\.pdf/ }).click();
    await expect(page.getByRole("status")).toContainText("附件已设为公开");
    await page.goto(OPEN);
    await expect(page.getByRole("link", { name: "人社厅来函.pdf" })).toHaveCount(0);
    await page.goto("/admin/consultations/1/moderation?status=pending");
    await page
      .locator("article.moderation-card", { hasText: "来函意见：建议第五条与人社部门的安置政策衔接。" })
      .getByRole("button", { name: /通过并公开/ })
      .click();
    await expect(page.getByRole("status")).toContainText("已通过");
    await page.goto(OPEN);
    const link = page.locator("#comments").getByRole("link", { name: "人社厅来函.pdf" });
    await expect(link).toBeVisible();
    const file = await page.request.get((await link.getAttribute("href"))!);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
  });
});
