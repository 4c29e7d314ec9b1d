import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./fixtures";

const STAFF_PAGE = "/admin/consultations/1";
const WORKSPACE = "/admin/consultations/1/analysis";
const MERGED = "合并后的话题";

// One consultation, one analysis: the tests build on each other's result.
test.describe.configure({ mode: "serial" });

test("a drafter runs the analysis, merges two topics and reads the per-article view", async ({ page }) => {
  await login(page, "drafter");
  await page.goto(STAFF_PAGE);
  await page.getByRole("link", { name: "意见分析" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "意见分析" })).toBeVisible();
  await expect(page.getByText("尚未运行意见分析。")).toBeVisible();
  await expectAccessible(page);

  // The run goes on in the background; the page polls its progress and reloads when it is done.
  await page.getByRole("button", { name: "运行意见分析" }).click();
  await expect(page.getByText("已开始意见分析。")).toBeVisible();
  await expect(page.getByText(/最近一次分析完成于/)).toBeVisible({ timeout: 45_000 });
  await expect(page.locator("progress")).toHaveCount(0);
  const cards = page.locator(".topic-card");
  await expect(cards.first()).toBeVisible();
  await expectAccessible(page);

  // The topics stand under their themes, each a heading with its comments.
  await expect(page.getByRole("heading", { level: 3, name: /^议题：.+（\d+ 个话题，\d+ 条意见）$/ }).first()).toBeVisible();
  const heading = (i: number) => cards.nth(i).locator(".topic-card-head").getByRole("heading");
  const first = (await heading(0).innerText()).trim();
  const second = (await heading(1).innerText()).trim();
  const size = async (i: number) => Number((await cards.nth(i).locator(".topic-size").innerText()).replace(/\D/g, ""));
  const total = (await size(0)) + (await size(1));
  await cards
    .nth(0)
    .getByLabel(/选择合并/)
    .check();
  await cards
    .nth(1)
    .getByLabel(/选择合并/)
    .check();
  await page.getByLabel("合并后保留的话题").selectOption({ label: first });
  await page.getByLabel("合并后的名称（可选）").fill(MERGED);
  await page.getByRole("button", { name: "合并所选话题" }).click();

  // The merged topic opens, with the comments of both.
  await expect(page.getByText("话题已合并。")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `话题：${MERGED} 已人工调整` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: `本话题的意见（${total} 条）` })).toBeVisible();
  // The topic's cited summary: each argument with how many comments make it and the receipts it cites.
  const summary = page.getByRole("region", { name: "意见摘要" });
  await expect(summary.getByRole("listitem").first()).toContainText(/^\d+ 条意见认为：“.+”/);
  await expect(summary.getByRole("listitem").first()).toContainText("依据：");
  await page.getByRole("link", { name: "返回话题列表" }).click();
  await expect(page.getByRole("link", { name: MERGED, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: second, exact: true })).toHaveCount(0);

  // Articles ranked by comment count; the top one lists its comments with where each article came from.
  await page.getByRole("navigation", { name: "分析视图" }).getByRole("link", { name: "按条款" }).click();
  const ranking = page.getByRole("table", { name: /各条款的意见数/ });
  await expect(ranking).toBeVisible();
  const top = ranking.getByRole("row").nth(1);
  const topLabel = (await top.getByRole("link").innerText()).trim();
  await top.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`^${topLabel}的意见（\\d+ 条）$`) })).toBeVisible();
  await expect(page.locator(".article-tag.current").first()).toBeVisible();
  // The article's digest: stances towards it, then its arguments with quotes from its comments.
  await expect(page.getByRole("heading", { level: 4, name: "意见概要" })).toBeVisible();
  await expect(page.getByRole("table", { name: /对本条的态度/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 4, name: "主要论点（按话题）" })).toBeVisible();
  await expect(page.locator(".argument-groups blockquote").first()).toContainText("意见编号");
  await expectAccessible(page);
  await expect(page.getByText("（提出人选择）").first()).toBeVisible();
  await expectAccessible(page);

  // Charts are drawn in the browser, each with its table and an image to download.
  await page.getByRole("navigation", { name: "分析视图" }).getByRole("link", { name: "统计图表" }).click();
  await expect(page.getByRole("img", { name: /每日收到的意见数/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^下载图片\s*：每日收到的意见数$/ })).toHaveAttribute("href", /^data:image\/png;base64,/);
  await page.getByText("意见倾向：数据表").click();
  await expect(page.getByRole("table", { name: "意见倾向" })).toBeVisible();
  await expectAccessible(page);

  // The form letter is one card with its count and members.
  await page.getByRole("navigation", { name: "分析视图" }).getByRole("link", { name: "内容基本相同的意见" }).click();
  const card = page.locator(".campaign-card").first();
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(/第 1 组：(1\d|[2-9]\d) 条/);
  await card.getByText(/全部 \d+ 条意见的提交人/).click();
  await expect(card.getByRole("row")).not.toHaveCount(1);
  await expectAccessible(page);
});

test("a drafter corrects an inferred article, and the next run keeps the correction", async ({ page }) => {
  await login(page, "drafter");
  await page.goto(`${WORKSPACE}?view=articles`);
  const ranking = page.getByRole("table", { name: /各条款的意见数/ });
  const rows = ranking.getByRole("row");
  // The articles with inferred links, and every article's size: the smallest lists fit on one page.
  const inferredColumn = (await ranking.getByRole("columnheader").allInnerTexts()).findIndex((h) => h.trim() === "推断");
  const articles: Array<{ label: string; total: number; inferred: number }> = [];
  for (let i = 1; i < (await rows.count()); i++) {
    const cells = await rows.nth(i).locator("th, td").allInnerTexts();
    articles.push({ label: cells[1].trim(), total: Number(cells[2]), inferred: Number(cells[inferredColumn]) });
  }
  const withInferred = articles.filter((a) => a.inferred > 0 && a.total <= 50).sort((a, b) => a.total - b.total);
  expect(withInferred.length).toBeGreaterThan(0);
  const judged = withInferred[0];
  const replacement = articles.filter((a) => a.label !== judged.label).sort((a, b) => a.total - b.total)[0];
  await ranking.getByRole("link", { name: judged.label, exact: true }).click();

  // An inferred article says how sure the analysis was.
  const tag = page.locator(".article-tag.source-inferred.current").first();
  await expect(tag).toContainText(/推断，可信度 \d+%/);
  const comment = page.locator("article.analysis-comment", { has: tag });
  const commentId = await comment.getAttribute("id");
  await comment.getByText("核对推断的条款").click();
  await comment.getByLabel(/^不涉及.*改为（可不选）$/).selectOption({ label: replacement.label });
  await comment.getByRole("button", { name: /^否定第/ }).click();
  await expect(page.getByText("已记录对推断条款的核对。")).toBeVisible();
  await expect(page.locator(`#${commentId}`)).toHaveCount(0);
  await expectAccessible(page);

  // The next run neither brings the rejected article back nor drops staff's. It is over when the page
  // names a later finish than the run before it (the finished run stays shown while the next one goes on).
  const finished = page.locator(".run-panel time").first();
  const previous = await finished.getAttribute("datetime");
  await page.getByRole("button", { name: "重新运行分析" }).click();
  await expect(page.getByText("已开始意见分析。")).toBeVisible();
  await expect(finished).not.toHaveAttribute("datetime", previous ?? "", { timeout: 60_000 });
  await expect(page.locator("progress")).toHaveCount(0);
  await page.goto(`${WORKSPACE}?view=articles`);
  await ranking.getByRole("link", { name: judged.label, exact: true }).click();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`^${judged.label}的意见`) })).toBeVisible();
  await expect(page.locator(`#${commentId}`)).toHaveCount(0);
  await page.goto(`${WORKSPACE}?view=articles`);
  await ranking.getByRole("link", { name: replacement.label, exact: true }).click();
  await expect(page.locator(`#${commentId} .article-tag.source-staff.current`)).toContainText("工作人员标注");
});

test("without JavaScript a reviewer re-runs it, follows it by refreshing, and the merge is kept", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "reviewer");
  await page.goto(WORKSPACE);
  await page.getByRole("button", { name: "重新运行分析" }).click();
  await expect(page.getByText("已开始意见分析。")).toBeVisible();
  // Until this run is reported done: the page's own 刷新查看进度 link while it shows one (a page
  // read between two stages may lack it: then the page is simply loaded again).
  const done = page.getByText(/最近一次分析完成于.*由赵审核（办公室）运行/);
  for (let i = 0; i < 240 && (await done.count()) === 0; i++) {
    await page.waitForTimeout(500);
    const refresh = page.getByRole("link", { name: "刷新查看进度" });
    if (await refresh.count()) await refresh.click();
    else await page.reload();
  }
  await expect(done).toBeVisible();
  await expect(page.getByRole("link", { name: MERGED, exact: true })).toBeVisible();
  // Filters are a GET form.
  await page.getByLabel("提交渠道").selectOption("letter");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/channel=letter/);
  await expect(page.getByText("以下结果只包括符合筛选条件的意见。")).toBeVisible();
  await context.close();
});

test("the legal office reads the analysis but cannot run or change it", async ({ page }) => {
  await login(page, "legal");
  await page.goto(WORKSPACE);
  await expect(page.getByRole("link", { name: MERGED, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /运行/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "合并所选话题" })).toHaveCount(0);
  await expectAccessible(page);
});
