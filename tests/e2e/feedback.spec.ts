import { expect, test, type Page } from "@playwright/test";
import { answerTopicCard, expectAccessible, login, logout } from "./fixtures";
import { approveTopicTitles } from "./topic-titles";

// The demo's closed consultation: the period is over, so its comments can be answered and the answers published.
const ID = 3;
const STAFF = `/admin/consultations/${ID}`;
const MATRIX = `${STAFF}/dispositions`;
const SUMMARY = `${STAFF}/summary`;
const FEEDBACK = `/consultations/${ID}/feedback`;
const ADOPTED_CHANGE = "第八条增加“村级零散烈士纪念设施由乡镇落实管护责任”";
// A private comment of the demo carries this number; no public page may show it.
const PRIVATE_PHONE = /186-?4023-?7519/;

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

async function runAnalysis(page: Page) {
  await page.goto(STAFF);
  await page.getByRole("link", { name: "意见分析" }).click();
  await page.getByRole("button", { name: "运行意见分析" }).click();
  await expect(page.getByText(/最近一次分析完成于/)).toBeVisible({ timeout: 90_000 });
}

/**
 * The demo's closed consultation has fewer than 50 comments, too few for machine topics: the
 * workspace says so and lists the comments, and staff set apart the topics they answer by hand.
 */
async function staffTopics(page: Page) {
  await expect(page.getByText("意见不足 50 条，暂不划分主题；以下按条款和原文列出。")).toBeVisible();
  for (const [text, label] of [
    ["我们村后山有一座烈士墓", "烈士纪念设施保护"],
    ["优待证现在能用的地方太少", "优待证适用场景"],
  ] as const) {
    await page.goto(`${STAFF}/analysis`);
    const comment = page.locator("article.analysis-comment", { hasText: text });
    await comment.locator("summary").filter({ hasText: "调整归类" }).click();
    await comment.getByLabel("单列为新话题，名称").fill(label);
    await comment.getByRole("button", { name: "单列为话题" }).click();
    await page.goto(`${STAFF}/analysis`);
    await expect(page.locator("article.analysis-comment", { hasText: text }).getByText("人工归类")).toBeVisible();
  }
}

/** Answers the first undecided topic on the matrix page. */
async function answerNext(page: Page, decision: "不采纳" | "已有规定" | "采纳") {
  const card = page.locator("section.topic-card.undecided").first();
  const title = (await card.locator("h2").innerText()).replace(/\s*未处理$/, "").trim();
  await answerTopicCard(
    card,
    decision === "采纳"
      ? { point: "加强零散烈士纪念设施管护", decision, article: "第八条", change: ADOPTED_CHANGE }
      : {
          point: "关于规划实施安排的意见",
          decision,
          reason: decision === "已有规定" ? "规划第九条已作相应规定。" : "该项内容将在年度工作计划中研究落实，规划中不作具体规定。",
        }
  );
  await expect(page.getByText("意见要点已保存。")).toBeVisible();
  await expect(page.locator("section.topic-card", { has: page.getByRole("heading", { level: 2, name: `${title} 已处理` }) })).toBeVisible();
  return title;
}

test("a drafter answers the topics, drafts the summary, a reviewer approves it, and the public page shows it", async ({ page, browser }) => {
  await login(page, "drafter");
  await runAnalysis(page);
  await staffTopics(page);

  await page.goto(STAFF);
  await page.getByRole("link", { name: "意见处理表" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "意见处理表" })).toBeVisible();
  const progress = page.getByText(/^已处理 \d+ \/ \d+ 个主题$/);
  await expect(progress).toHaveText(/^已处理 0 \/ \d+ 个主题$/);
  const total = Number((await progress.innerText()).match(/\/ (\d+)/)![1]);
  expect(total).toBeGreaterThan(1);
  await expectAccessible(page);

  // A refusal needs a reason: said beside the field, with the choice kept.
  const first = page.locator("section.topic-card.undecided").first();
  await answerTopicCard(first, { point: "暂不写理由的意见要点", decision: "不采纳" });
  const reason = page.locator("section.topic-card").first().locator("details[id$='-new']").getByLabel("理由");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("请填写理由：除“采纳”外，每种处理结果都须说明理由。")).toBeVisible();
  await expect(page.locator("section.topic-card").first().locator("details[id$='-new']").getByRole("radio", { name: "不采纳", exact: true })).toBeChecked();

  // Every topic but one is answered: one adopted (with the article and the change), the others not or already provided.
  await answerNext(page, "采纳");
  for (let i = 1; i < total - 1; i++) await answerNext(page, i % 2 ? "不采纳" : "已有规定");
  await expect(progress).toHaveText(`已处理 ${total - 1} / ${total} 个主题`);

  // The summary is drafted from the data; submitting it lists the topic still unanswered.
  await approveTopicTitles(page, page.url());
  await page.getByRole("link", { name: "意见采纳情况说明" }).first().click();
  await page.getByRole("button", { name: "生成初稿" }).click();
  await expect(page.getByText("已按最新数据生成说明初稿，请核对修改。")).toBeVisible();
  const body = page.getByLabel("说明正文");
  await expect(body).toHaveValue(/^关于《辽宁省“十五五”退役军人事业发展规划（征求意见稿）》公开征求意见采纳情况的说明/);
  await expect(body).toHaveValue(/共收到意见\d+条/);
  await expect(body).toHaveValue(new RegExp(`修改情况：${ADOPTED_CHANGE}`));
  await expect(body).not.toHaveValue(PRIVATE_PHONE);
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交审核" }).click();
  const warning = page.getByRole("region", { name: /还有 1 个主题尚未处理/ });
  await expect(warning).toBeVisible();
  await expect(page.getByText("仍有主题尚未处理。请先处理，或勾选确认后再提交。")).toBeVisible();

  // The warning links to the topic; once answered, the draft is made again and goes to review.
  await warning.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/dispositions#topic-\d+$/);
  await answerNext(page, "已有规定");
  await expect(page.getByText("全部主题均已处理。")).toBeVisible();
  await page.goto(SUMMARY);
  await page.getByLabel(/我确认覆盖/).check();
  await page.getByRole("button", { name: "重新生成" }).click();
  await expect(page.getByText("已按最新数据生成说明初稿，请核对修改。")).toBeVisible();
  await expect(page.getByLabel("说明正文")).not.toHaveValue(/尚未作出处理/);
  await page.getByLabel("说明正文").press("Control+End");
  await page.getByLabel("说明正文").pressSequentially("\n\n感谢社会各界对规划编制工作的关心和支持！");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交审核。")).toBeVisible();
  await expect(page.getByText("本说明由您起草，须由其他审核人员审核。")).toBeVisible();
  await logout(page);

  // A reviewer approves; the drafter hands the packet to the legal office, which finishes its review; then the drafter publishes.
  await login(page, "reviewer");
  await page.goto(SUMMARY);
  await expect(page.getByText("感谢社会各界对规划编制工作的关心和支持！")).toBeVisible();
  await page.getByRole("radio", { name: "审核通过" }).check();
  await page.getByRole("button", { name: "提交审核意见" }).click();
  await expect(page.getByText("审核意见已记录。")).toBeVisible();
  await logout(page);
  await login(page, "drafter");
  await page.goto(SUMMARY);
  // Publishing waits for the legal office: the page says why, and the button cannot be used.
  await expect(page.getByText("暂不能发布：请先将合法性审查材料报送法制机构，再公布意见采纳情况说明。")).toBeVisible();
  await expect(page.getByRole("button", { name: "发布", exact: true })).toBeDisabled();
  await page.goto(`/admin/consultations/${ID}/packet`);
  await page.getByRole("button", { name: "报送法制审核" }).click();
  await expect(page.getByText("已报送法制审核，法制机构将收到通知。")).toBeVisible();
  await logout(page);
  await login(page, "legal");
  await page.goto(`/admin/consultations/${ID}/packet`);
  await page.getByRole("button", { name: "登记接收" }).click();
  await page.getByLabel("审查结论").fill("经审查，同意公布。");
  await page.getByRole("button", { name: "登记审查完毕" }).click();
  await expect(page.getByText("已登记审查完毕，起草处室将收到通知。")).toBeVisible();
  await logout(page);
  await login(page, "drafter");
  await page.goto(SUMMARY);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText("意见采纳情况说明已发布，征求意见状态已改为“已公布反馈”。")).toBeVisible();

  // The public, in a context of their own, finds it from the consultation's page.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/consultations/${ID}`);
  await expect(visitor.locator(".badge", { hasText: "已公布反馈" })).toBeVisible();
  await visitor.getByRole("link", { name: "你们说了什么，我们做了什么——查看意见采纳情况说明和逐条答复" }).click();
  await expect(visitor).toHaveURL(new RegExp(`${FEEDBACK}$`));
  await expect(visitor.getByRole("heading", { level: 1, name: "你们说了什么，我们做了什么" })).toBeVisible();
  await expect(visitor.getByText("感谢社会各界对规划编制工作的关心和支持！")).toBeVisible();
  await expect(visitor.getByRole("img", { name: /各类处理结果的意见数的柱状图/ })).toBeVisible();
  await expect(visitor.getByRole("img", { name: /各条款收到的意见数的柱状图/ })).toBeVisible();
  await visitor.getByText("各类处理结果的意见数：数据表").click();
  await expect(visitor.getByRole("table", { name: "各类处理结果的意见数" })).toBeVisible();
  const eighth = visitor.locator("#answer-article-8");
  await expect(eighth.getByRole("heading", { level: 3, name: "第八条" })).toBeVisible();
  await expect(eighth).toContainText(`修改情况：${ADOPTED_CHANGE}`);
  await expect(visitor.locator("main")).not.toContainText(PRIVATE_PHONE);
  await expectAccessible(visitor);

  const api = await (await visitor.request.get(`/api/v1/consultations/${ID}`)).json();
  expect(api.feedback_url).toMatch(new RegExp(`${FEEDBACK}$`));
  expect(api.feedback.summary).toContain("感谢社会各界对规划编制工作的关心和支持！");
  await visitorContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the feedback page shows its figures as tables", async ({ page }) => {
    await page.goto(FEEDBACK);
    await expect(page.getByRole("table", { name: "各类处理结果的意见数" })).toBeVisible();
    await expect(page.getByRole("table", { name: "各条款收到的意见数" })).toBeVisible();
    await expect(page.getByRole("img")).toHaveCount(0);
  });
});
