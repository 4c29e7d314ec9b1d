// The staff workflow a legal office would accept: pages that work in a real browser, the period
// the public really gets, a Word-numbered draft, and an audit log people can read.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from "docx";
import { expect, test, type Page } from "@playwright/test";
import { login, logout } from "./fixtures";

const shanghai = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
const day = 86_400_000;

/** Every uncaught exception and console error the page reports while the test runs. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    // A failed request is reported below with its address; the console line does not name it.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

/** Loads a page and waits until React has hydrated it, failing on the first error it reports. */
async function visit(page: Page, url: string, errors: string[]) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
}

test("the admin's pages, the outbox included, run in a real browser without errors", async ({ page }) => {
  const errors = collectErrors(page);
  await login(page, "admin");
  for (const url of ["/admin", "/admin/outbox", "/admin/outbox?status=held", "/admin/audit", "/admin/users", "/admin/calendar"]) {
    await visit(page, url, errors);
  }
  await visit(page, "/admin/outbox", errors);
  // Client-side navigation works once hydrated: a status filter and back.
  await page
    .getByRole("navigation", { name: "按状态筛选" })
    .getByRole("link", { name: /^待发送/ })
    .click();
  await expect(page.locator("caption")).toContainText("（待发送）");
  await page.getByRole("navigation", { name: "按状态筛选" }).getByRole("link", { name: /^全部/ }).click();
  await expect(page.locator("caption")).not.toContainText("（");
  const mail = page.locator("table a[href^='/admin/outbox/']").first();
  if (await mail.count()) {
    await mail.click();
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});

test("a late approval publishes the real period: it starts at approval and the audit log says so in words", async ({ page }) => {
  const errors = collectErrors(page);
  const unique = `迟审${Date.now().toString(36)}`;
  const title = `关于${unique}的管理办法（征求意见稿）`;
  const chosenStart = Date.now() - 35 * day;
  await login(page, "drafter");
  await page.getByRole("link", { name: "新建征求意见" }).click();
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("文件类型").selectOption("rule");
  await page.getByLabel("正文", { exact: true }).fill(`${title}\n第一条　为了规范${unique}，制定本办法。\n第二条　本办法自发布之日起施行。`);
  await page.getByLabel("起草说明（决策依据）").fill("一、必要性。二、依据。");
  await page.getByLabel("开始时间").fill(shanghai(chosenStart));
  await page.getByLabel("截止时间").fill(shanghai(Date.now() + 32 * day));
  const hint = page.locator("#period-hint");
  await expect(hint).toContainText("法定最短征求意见期为 30 日");
  await expect(hint).not.toContainText("个日");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交审核。")).toBeVisible();
  const staffUrl = page.url().replace(/\?.*$/, "");
  const id = /consultations\/(\d+)/.exec(staffUrl)![1];
  await logout(page);

  await login(page, "reviewer");
  await page.goto(staffUrl);
  await expect(page.getByRole("note")).toContainText("已过。审核通过即发布，实际开始时间为通过之时");
  await page.getByLabel("同意发布").check();
  const approvedFrom = Date.now();
  await page.getByRole("button", { name: "提交审核意见" }).click();
  await expect(page.getByText("审核意见已记录。")).toBeVisible();
  const approvedTo = Date.now();
  await logout(page);

  await page.goto(`/consultations/${id}`);
  const start = page.locator("time").filter({ hasText: /年/ }).first();
  const startAt = Date.parse((await start.getAttribute("datetime"))!);
  expect(startAt).toBeGreaterThanOrEqual(approvedFrom - 1000);
  expect(startAt).toBeLessThanOrEqual(approvedTo + 1000);
  const chosenDay = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" }).format(chosenStart);
  await expect(page.getByText(/征求意见期：/).first()).not.toContainText(chosenDay);

  await login(page, "admin");
  await visit(page, "/admin/audit", errors);
  const row = page
    .getByRole("row")
    .filter({ hasText: `征求意见（编号 ${id}）` })
    .filter({ hasText: "审核通过并发布" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("状态：待审核 → 已发布");
  await expect(row).toContainText(`开始时间：${chosenDay}`);
  const table = await page.locator("table").innerText();
  expect(table).not.toMatch(/[{}"]|\d{4}-\d{2}-\d{2}T\d{2}/);
  expect(errors).toEqual([]);
});

test("a draft numbered by Word (第%1条 in numbering.xml) imports with its articles", async ({ page }) => {
  const article = (text: string) => new Paragraph({ text, numbering: { reference: "articles", level: 0 } });
  const doc = new Document({
    numbering: {
      config: [{ reference: "articles", levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: "第%1条", alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph("自动编号办法（征求意见稿）"),
          article("为了测试，制定本办法。"),
          article("本办法适用于本省。"),
          article("本办法自发布之日起施行。"),
        ],
      },
    ],
  });
  await login(page, "drafter");
  await page.getByRole("link", { name: "新建征求意见" }).click();
  await page.getByLabel("上传 .docx 文件（选填，将替换下方正文）").setInputFiles({
    name: "自动编号.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await Packer.toBuffer(doc),
  });
  await page.getByRole("button", { name: "解析正文" }).click();
  await expect(page.getByRole("status").filter({ hasText: "共识别出" })).toContainText("3 条");
  await expect(page.getByLabel("正文", { exact: true })).toHaveValue(/第三条　本办法自发布之日起施行。/);
});

test("an article of another document (购房合同第5条, 劳动合同第三条) is not counted as this draft's", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, "drafter");
  // The open consultation: staff may enter letters only while a consultation takes comments.
  await page.getByRole("link", { name: "辽宁省退役军人就业创业促进办法（征求意见稿）" }).first().click();
  await page.waitForURL(/\/admin\/consultations\/\d+$/);
  const staffUrl = page.url();
  const analyse = async () => {
    await page.goto(`${staffUrl}/analysis`);
    // The last finished run is shown while the new one goes on: this run is over when a later finish is named.
    const finished = page.locator(".run-panel time").first();
    const previous = (await finished.count()) ? await finished.getAttribute("datetime") : null;
    await page.getByRole("button", { name: /^(运行意见分析|重新运行分析)$/ }).click();
    await expect(page.getByText(/最近一次分析完成于/)).toBeVisible({ timeout: 60_000 });
    if (previous) await expect(finished).not.toHaveAttribute("datetime", previous, { timeout: 60_000 });
    await expect(page.locator("progress")).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByText(/此后又收到/)).toHaveCount(0);
    await page.getByRole("navigation", { name: "分析视图" }).getByRole("link", { name: "按条款" }).click();
    const ranking = page.getByRole("table", { name: /各条款的意见数/ });
    const headers = (await ranking.getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
    const detected = headers.indexOf("正文提及");
    const mentioned = async (label: string) => {
      const row = ranking.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
      if ((await row.count()) === 0) return 0;
      // The row header is a th, so the cells after it are shifted by one among the tds.
      return Number(await row.locator("th, td").nth(detected).innerText());
    };
    return { fifth: await mentioned("第五条"), third: await mentioned("第三条"), table: await ranking.innerText() };
  };
  const before = await analyse();
  for (const body of [
    "购房合同第5条约定的交房时间一再推迟，希望有关部门督促开发商。",
    "劳动合同第三条写明的岗位与实际不符，服务站招聘时应当如实告知。",
    "建议本办法第五条增加服务站工作人员的配备标准。",
  ]) {
    await page.goto(`${staffUrl}/comments/new`);
    await page.getByLabel("收到渠道").selectOption("letter");
    await page.getByLabel("意见内容（照录原文）").fill(body);
    await page.getByRole("button", { name: "录入", exact: true }).click();
    await expect(page.getByText(/已录入，回执编号/)).toBeVisible();
  }
  const after = await analyse();
  expect(after.fifth - before.fifth, after.table).toBe(1);
  expect(after.third - before.third, after.table).toBe(0);
});
