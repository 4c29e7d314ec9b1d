import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { answerTopicCard, login, logout } from "./fixtures";
import { startOwnServer } from "./own-server";
import { approveTopicTitles } from "./topic-titles";
import { freePortSync } from "../setup/free-port";

// One comment's whole life, on a server of its own: a member of the public comments without
// JavaScript; a moderator publishes it with its phone number hidden; the period ends; the drafter
// analyses and answers every topic, drafts the summary; a reviewer approves it; the packet goes to
// the legal office, who takes it in and finishes its review; the feedback is published; the commenter's status page shows
// what became of the comment.

const PORT = freePortSync();
const ID = 1;
const STAFF = `/admin/consultations/${ID}`;
const MARKER = "全程测试：建议第十条明确招录退役军人的年龄放宽幅度";
const PHONE = "13912345678";
let server: Awaited<ReturnType<typeof startOwnServer>>;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.setTimeout(300_000);
test.beforeAll(async () => {
  server = await startOwnServer(PORT, "journey");
});
test.afterAll(() => server?.stop());

/** Answers every topic still undecided on the matrix page, the first adopted, the rest explained. */
async function answerAll(page: Page) {
  for (let i = 0; ; i++) {
    const card = page.locator("section.topic-card.undecided").first();
    if ((await card.count()) === 0) return;
    const title = (await card.locator("h2").innerText()).replace(/\s*未处理$/, "").trim();
    await answerTopicCard(
      card,
      i === 0
        ? { point: "建议放宽招录年龄", decision: "采纳", article: "第十条", change: "第十条增加“年龄放宽至四十周岁”" }
        : { point: "关于招录安排的意见", decision: "已有规定", reason: "第十条及有关招录规定已作相应安排。" }
    );
    // Wait for this topic's new state, not just the message (which the previous save also showed).
    await expect(page.getByRole("heading", { level: 2, name: `${title} 已处理` })).toBeVisible();
  }
}

test("a comment's life, from the public form to the published answer", async ({ browser, page }) => {
  // 1. The public, without JavaScript, comments on article 10.
  const publicContext = await browser.newContext({ baseURL: server.base, javaScriptEnabled: false });
  const visitor = await publicContext.newPage();
  await visitor.goto(`/consultations/${ID}?article=10#comment-form`);
  await visitor.getByRole("textbox", { name: "意见内容" }).fill(`${MARKER}。有事请打 ${PHONE}。`);
  await visitor.getByLabel("您的身份").selectOption("退役军人");
  await visitor.getByLabel(/电子邮箱/).fill("journey@example.com");
  await visitor.getByLabel(/我已阅读并同意/).check();
  await visitor.getByRole("button", { name: "提交意见" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  // Without the fragment the form left on it: going "to" the same URL with it would not reload.
  const statusUrl = visitor.url().replace(/#.*$/, "");

  // 2. The drafter publishes it with the number hidden.
  await login(page, "drafter");
  await page.goto(`${STAFF}/moderation`);
  const card = page.locator("[data-queue-card]", { hasText: MARKER });
  await expect(card.getByLabel("公开文本")).toHaveValue(/\[手机号已隐去\]/);
  await card.getByRole("button", { name: /通过并公开/ }).click();
  await expect(page.getByText("已通过。意见将按提出人选择的方式公开。")).toBeVisible();
  await expect(page.locator("[data-queue-card]", { hasText: MARKER })).toHaveCount(0);
  await visitor.goto(statusUrl);
  await expect(visitor.getByText("已公开（当前）")).toBeVisible();

  // 3. The period ends. The test moves the deadline rather than waiting thirty days.
  const db = new Database(path.join(server.dataDir, "zhengqiu.db"));
  db.prepare("UPDATE consultations SET closes_at = ? WHERE id = ?").run(Date.now() - 1000, ID);
  db.close();

  // 4. Analysis, then an answer for every topic.
  await page.goto(STAFF);
  await page.getByRole("link", { name: "意见分析" }).click();
  await page.getByRole("button", { name: "运行意见分析" }).click();
  await expect(page.getByText(/最近一次分析完成于/)).toBeVisible({ timeout: 120_000 });
  await page.goto(`${STAFF}/dispositions`);
  await answerAll(page);
  await expect(page.getByText("全部主题均已处理。")).toBeVisible();

  // 5. The summary: drafted, submitted, approved by a reviewer (once every topic has an approved title).
  await approveTopicTitles(page, `${STAFF}/dispositions`);
  await page.goto(`${STAFF}/summary`);
  await page.getByRole("button", { name: "生成初稿" }).click();
  await expect(page.getByLabel("说明正文")).toHaveValue(/共收到意见\d+条/);
  await expect(page.getByLabel("说明正文")).not.toHaveValue(new RegExp(PHONE));
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交审核。")).toBeVisible();
  await logout(page);
  await login(page, "reviewer");
  await page.goto(`${STAFF}/summary`);
  await page.getByRole("radio", { name: "审核通过" }).check();
  await page.getByRole("button", { name: "提交审核意见" }).click();
  await expect(page.getByText("审核意见已记录。")).toBeVisible();
  await logout(page);

  // 6. The packet goes to the legal office, who downloads it, takes it in and finishes its review.
  await login(page, "drafter");
  await page.goto(`${STAFF}/packet`);
  await page.getByRole("button", { name: "报送法制审核" }).click();
  await expect(page.getByText("已报送法制审核，法制机构将收到通知。")).toBeVisible();
  await logout(page);
  await login(page, "legal");
  await page.goto("/admin/legal");
  await page
    .getByRole("link", { name: /辽宁省退役军人就业创业促进办法/ })
    .first()
    .click();
  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Word 文档/ }).click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  await page.getByRole("button", { name: "登记接收" }).click();
  await expect(page.getByText("已登记接收。")).toBeVisible();
  await page.getByLabel("审查结论").fill("经审查，同意公布。");
  await page.getByRole("button", { name: "登记审查完毕" }).click();
  await expect(page.getByText("已登记审查完毕，起草处室将收到通知。")).toBeVisible();
  await logout(page);

  // 7. The drafter publishes the feedback.
  await login(page, "drafter");
  await page.goto(`${STAFF}/summary`);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText("意见采纳情况说明已发布，征求意见状态已改为“已公布反馈”。")).toBeVisible();

  // 8. The commenter sees what became of the comment, and the public sees the answers.
  await visitor.goto(statusUrl);
  await expect(visitor.getByText("已研究（当前）")).toBeVisible();
  await expect(visitor.getByText(/处理结果：(采纳|已有规定)/)).toBeVisible();
  await visitor.goto(`/consultations/${ID}/feedback`);
  await expect(visitor.getByRole("heading", { level: 1, name: "你们说了什么，我们做了什么" })).toBeVisible();
  await expect(visitor.locator("main")).not.toContainText(PHONE);
  await publicContext.close();
});
