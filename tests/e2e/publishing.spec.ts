import { expect, test } from "@playwright/test";
import { login, logout } from "./fixtures";

const shanghai = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
const unique = `候鸟式养老${Date.now().toString(36)}`;
const DRAFT = `关于${unique}服务的若干规定（征求意见稿）
第一章　总则
第一条　为了规范${unique}服务，根据有关法律法规，结合本省实际，制定本规定。

第二条　本规定适用于本省行政区域内的${unique}服务活动。
　　前款所称服务，包括异地居住、医疗结算和文化活动。
第二章　附则
第三条　有下列情形之一的，不予登记：
（一）材料不全的；
（二）弄虚作假的。
第四条　本规定自发布之日起施行。`;

test("a drafter pastes a draft, a reviewer approves it, the public finds and reads it, the feed and API list it", async ({ page, request }) => {
  const title = `关于${unique}服务的若干规定（征求意见稿）`;
  await login(page, "drafter");
  await page.getByRole("link", { name: "新建征求意见" }).click();
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("文件类型").selectOption("rule");
  await page.getByLabel("正文", { exact: true }).fill(DRAFT);
  await page.getByRole("button", { name: "解析正文" }).click();
  await expect(page.getByRole("status").filter({ hasText: "共识别出" })).toContainText("共识别出 2 章、4 条");
  await expect(page.getByLabel("正文", { exact: true })).toHaveValue(DRAFT);
  await page.getByLabel("起草说明（决策依据）").fill("一、必要性：规范服务。二、依据：有关法律法规。");
  await page.getByLabel("开始时间").fill(shanghai(Date.now() - 3600_000));
  await page.getByLabel("截止时间").fill(shanghai(Date.now() + 40 * 86_400_000));
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交审核。")).toBeVisible();
  const staffUrl = page.url().replace(/\?.*$/, "");
  const id = /consultations\/(\d+)/.exec(staffUrl)![1];
  // Not public while waiting for review.
  expect((await request.get(`/consultations/${id}`)).status()).toBe(404);
  await logout(page);

  await login(page, "reviewer");
  await page.goto(staffUrl);
  await page.getByLabel("同意发布").check();
  await page.getByRole("button", { name: "提交审核意见" }).click();
  await expect(page.getByText("审核意见已记录。")).toBeVisible();
  await logout(page);

  await page.goto("/consultations");
  await page.getByRole("combobox", { name: "搜索征求意见" }).fill(unique);
  await page.getByRole("combobox", { name: "搜索征求意见" }).press("Enter");
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goto(`/consultations/${id}#article-3`);
  const article = page.locator("#article-3");
  await expect(article).toContainText("有下列情形之一的，不予登记");
  await expect(article.getByRole("listitem")).toHaveCount(2);

  const feed = await (await request.get("/feeds/consultations.atom")).text();
  expect(feed).toContain(title);
  const list = await (await request.get("/api/v1/consultations?per_page=100")).json();
  expect(list.data.map((c: { title: string }) => c.title)).toContain(title);
  const detail = await (await request.get(`/api/v1/consultations/${id}`)).json();
  expect(detail.data?.draft ?? detail.draft).toBeTruthy();
});

test("a later version keeps the first, and the public sees what changed article by article", async ({ page }) => {
  await login(page, "drafter");
  await page.goto("/admin");
  await page.getByRole("link", { name: "辽宁省退役军人就业创业促进办法（征求意见稿）" }).click();
  await page.getByRole("link", { name: "发布新版本" }).click();
  const text = page.getByLabel("新版本正文");
  const current = await text.inputValue();
  await text.fill(current.replace(/第二条[^\n]*/, "第二条　本办法适用于本省行政区域内退役军人就业创业的促进、服务、保障和管理工作。"));
  await page.getByLabel("修改说明（将向社会公开）").fill("根据第一轮意见，扩大第二条的适用范围。");
  await page.getByRole("button", { name: "发布新版本" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await logout(page);

  await page.goto("/consultations/1");
  await expect(page.getByText("修改说明：根据第一轮意见，扩大第二条的适用范围。")).toBeVisible();
  await page.getByRole("link", { name: "查看各版本逐条修改对照" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "版本对照" })).toBeVisible();
  const changed = page.getByRole("region", { name: "第二条的修改" });
  await expect(changed.locator("ins.diff-added").first()).toBeVisible();
});

test("the legal office cannot create consultations", async ({ page }) => {
  await login(page, "legal");
  const response = await page.goto("/admin/consultations/new");
  expect(response?.status()).toBe(403);
});
