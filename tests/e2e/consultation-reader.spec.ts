import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

// The consultation page reads like a government document: 起草说明 and 政策解读 with their numbered
// headings and questions and answers, prints as the document, downloads as DOCX and PDF, shows
// participation while open and, once closed, says so where the form was. On a fresh demo of its
// own (1 open, 2 upcoming with a Q&A interpretation, 3 closed), so other specs cannot change it.

const PORT = freePortSync();
let server: Awaited<ReturnType<typeof startOwnServer>>;
test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.beforeAll(async () => {
  server = await startOwnServer(PORT, "consultation-reader");
});
test.afterAll(() => server?.stop());

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test.describe(`at 360 px ${how}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 360, height: 740 } });

    test(`起草说明 and 政策解读: numbered sections are headings under their section, Q&A a list (${how})`, async ({ page }) => {
      await page.goto("/consultations/1");
      const basis = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "起草说明" }) });
      await expect(basis.getByRole("heading", { level: 3, name: "一、制定的必要性" })).toBeVisible();
      await expect(basis.getByRole("heading", { level: 3, name: "五、需要说明的问题" })).toBeVisible();
      await expect(basis.getByRole("heading", { level: 4, name: "（一）关于年龄和学历条件的放宽幅度" })).toBeVisible();
      const interpretation = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "政策解读" }) });
      await expect(interpretation.getByRole("heading", { level: 3, name: "一、这个办法要解决什么问题？" })).toBeVisible();

      await page.goto("/consultations/2");
      const qa = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "政策解读" }) }).locator("dl.qa-list");
      await expect(qa.locator("dt")).toHaveCount(3);
      await expect(qa.locator("dt").nth(1)).toHaveText("问：服务站每周开放几天？");
      await expect(qa.locator("dd").nth(1)).toContainText("答：实施意见要求服务站每周至少开放五个工作日");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test(`open: comment and participant counts, the other channels; closed: the end and the expected answers where the form was (${how})`, async ({ page }) => {
      await page.goto("/consultations/1");
      await expect(page.locator(".period-box")).toContainText(/已收到意见 \d+ 条，\d+ 人参与/);
      await expect(page.locator(".period-box")).toContainText("也可通过电子邮件（jycy@zhengqiu.localhost）或信函");
      if (javaScriptEnabled) await expectAccessible(page);

      await page.goto("/consultations/3");
      const closed = page.locator("#comment-form");
      await expect(closed.getByRole("heading", { level: 2, name: "征求意见已结束" })).toBeVisible();
      await expect(closed).toContainText(/本次征求意见已于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 截止（北京时间），不再接收意见。/);
      await expect(closed).toContainText(/意见采纳情况预计于 \d{4}年\d{1,2}月\d{1,2}日 前公布（截止后 20 个工作日内）/);
      await expect(closed.getByRole("link", { name: "意见采纳情况页面" })).toHaveAttribute("href", "/consultations/3/feedback");
      await expect(page.getByText(/也可通过电子邮件|信函（/)).toHaveCount(0);
      await expect(page.getByText(/已收到意见 \d+ 条/)).toHaveCount(0);
      await expect(page.getByRole("textbox")).toHaveCount(0);
      if (javaScriptEnabled) await expectAccessible(page);
    });
  });
}

test("printing gives the title, period, draft, basis and interpretation, not the toolbar, navigation or form", async ({ page }) => {
  await page.goto("/consultations/1");
  await page.emulateMedia({ media: "print" });
  for (const hidden of [
    ".toolbar",
    ".main-nav",
    "form.comment-form, .comment-form",
    ".site-footer",
    ".draft-downloads",
    ".article-comment",
    ".comment-entry",
  ]) {
    const all = page.locator(hidden);
    expect(await all.count(), hidden).toBeGreaterThan(0);
    for (const el of await all.all()) await expect(el, hidden).toBeHidden();
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".period-box")).toContainText("征求意见期");
  await expect(page.locator(".period-box")).toBeVisible();
  await expect(page.locator("#article-22")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "起草说明" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "政策解读" })).toBeVisible();
  // Links read as text on paper.
  const label = page.locator("#article-1 .article-label");
  expect(await label.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe("none");
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".toolbar")).toBeVisible();
});

test("the draft downloads from the page as DOCX and PDF, with their types and Chinese file names", async ({ page, request }) => {
  await page.goto("/consultations/1");
  for (const [name, type, ext] of [
    ["Word 文档（.docx）", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["PDF 文件（.pdf）", "application/pdf", "pdf"],
  ] as const) {
    const link = page.getByRole("link", { name });
    await expect(link).toHaveAttribute("href", `/consultations/1/draft.${ext}`);
    const res = await request.get(`/consultations/1/draft.${ext}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe(type);
    expect(decodeURIComponent(res.headers()["content-disposition"].split("UTF-8''")[1])).toBe(`辽宁省退役军人就业创业促进办法（征求意见稿）-全文.${ext}`);
    expect((await res.body()).length).toBeGreaterThan(1000);
    // Kept by browsers and proxies until a new version changes its tag.
    expect(res.headers()["cache-control"]).toBe("public, max-age=3600");
    expect((await request.get(`/consultations/1/draft.${ext}`, { headers: { "If-None-Match": res.headers()["etag"] } })).status()).toBe(304);
  }
  expect((await request.get("/consultations/9999/draft.pdf")).status()).toBe(404);
});
