import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// The issue "The citizen's journey", §4 (search the way citizens search) and §5 (the published
// comments filtered by identity category and searched), with and without JavaScript.

const OPEN = "/consultations/1";
const OPEN_TITLE = "辽宁省退役军人就业创业促进办法";
const TEXT = "写到一半的意见：第十五条的贴息期限应当延长。";
const mainBox = (page: Page) => page.locator("#comment-form").getByRole("textbox", { name: "意见内容" });
// By its label: with its list of suggestions the box is a combobox to assistive technology.
const searchBox = (page: Page) => page.getByRole("search", { name: "搜索征求意见" }).getByLabel("搜索征求意见", { exact: true });

async function search(page: Page, q: string) {
  await searchBox(page).fill(q);
  await page.getByRole("search", { name: "搜索征求意见" }).getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: `“${q}”的搜索结果` })).toBeVisible();
}

const openResult = (page: Page) => page.getByRole("article").filter({ hasText: OPEN_TITLE });

// With JavaScript on a desktop; without it on a 360 px phone, where nothing may scroll sideways.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript, at 360 px", () => {
    test.use({ javaScriptEnabled, ...(javaScriptEnabled ? {} : { viewport: { width: 360, height: 740 } }) });
    test.afterEach(async ({ page }) => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });

    test("a quoted phrase finds exactly that phrase, in ASCII or Chinese quotes", async ({ page }) => {
      await page.goto("/consultations");
      for (const q of [`"创业担保贷款"`, "“创业担保贷款”"]) {
        await search(page, q);
        await expect(page.getByRole("article")).toHaveCount(1);
        const hit = openResult(page).locator(".search-hits li").first();
        await expect(hit.getByRole("link")).toHaveText("第十五条");
        await expect(hit.locator("mark").first()).toHaveText("创业担保贷款");
      }
      await search(page, "“创业贷款”");
      await expect(page.getByText("没有找到包含该词语的公开征求意见。")).toBeVisible();
      await expect(page.getByText(/已改为查找同时包含/)).toHaveCount(0);
    });

    test("第十五条 and 15条 find the article itself, which the hit links to", async ({ page }) => {
      await page.goto("/consultations");
      for (const q of ["第十五条", "15条"]) {
        await search(page, q);
        const first = openResult(page).locator(".search-hits li").first();
        await expect(first.getByRole("link")).toHaveText("第十五条");
        await expect(first).toContainText("自主创业的退役军人");
      }
      await openResult(page).locator(".search-hits li").first().getByRole("link").click();
      await expect(page).toHaveURL(/\/consultations\/1#article-15$/);
      await expect(page.locator("#article-15")).toContainText("创业担保贷款");
    });

    test("a status-only filter says what is listed", async ({ page }) => {
      await page.goto("/consultations");
      await page.getByLabel("状态").selectOption({ label: "征求中" });
      await page.getByRole("button", { name: "筛选" }).click();
      await expect(page).toHaveURL(/status=open/);
      await expect(page.getByRole("heading", { level: 2, name: "征求中的征求意见" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "全部征求意见" })).toHaveCount(0);
      // axe runs in the page: only with JavaScript.
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test("the published comments filter by identity category and search, keeping the comment form's text", async ({ page }) => {
      await page.goto(OPEN);
      await mainBox(page).fill(TEXT);
      const comments = page.locator("#comments");
      const identities = comments.getByRole("navigation", { name: "按身份类别筛选公开的意见" });
      const second = identities.getByRole("listitem").nth(1);
      const [, label, count] = /^(.+)（(\d+)）$/.exec((await second.textContent())!.trim())!;
      await second.getByText(label).click();
      await expect(comments.getByText(`正在显示身份为“${label}”的公开意见 ${count} 条。`)).toBeVisible();
      await expect(mainBox(page)).toHaveValue(TEXT);
      await expect(page).toHaveURL(new RegExp(`cidentity=${encodeURIComponent(label)}`));

      await comments.getByRole("searchbox", { name: "搜索公开的意见" }).fill("就业");
      await comments.getByRole("button", { name: "搜索意见" }).click();
      const status = comments.getByText(new RegExp(`正在显示身份为“${label}”包含“就业”的公开意见 \\d+ 条。`));
      await expect(status).toBeVisible();
      const shown = Number(/(\d+) 条/.exec((await status.textContent())!)![1]);
      expect(shown).toBeLessThanOrEqual(Number(count));
      const texts = comments.locator(".public-comment-text");
      await expect(texts).toHaveCount(Math.min(shown, 20));
      if (shown > 0) await expect(texts.first().locator("mark").first()).toHaveText("就业");
      await expect(mainBox(page)).toHaveValue(TEXT);
      if (javaScriptEnabled) await expectAccessible(page);

      await comments.getByText("查看全部公开意见").click();
      await expect(comments.getByText(/正在显示/)).toHaveCount(0);
      await expect(mainBox(page)).toHaveValue(TEXT);
    });
  });
}

test("suggestions come from the consultations' own words as the person types", async ({ page }) => {
  await page.goto("/consultations");
  const box = searchBox(page);
  const list = await box.getAttribute("list");
  await box.pressSequentially("贷");
  await expect(page.locator(`datalist#${list} option[value="贷款"]`)).toHaveCount(1);
  await box.fill("");
  await box.pressSequentially("服务站");
  await expect(page.locator(`datalist#${list} option[value="关于加强退役军人服务站规范化建设的实施意见（征求意见稿）"]`)).toHaveCount(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("suggestions are on the page: 您是不是要找 and the box's list", async ({ page }) => {
    await page.goto("/consultations");
    await search(page, "贷");
    const didYouMean = page.getByRole("list", { name: "您是不是要找：" });
    await expect(didYouMean.getByRole("link", { name: "贷款" })).toBeVisible();
    const list = await searchBox(page).getAttribute("list");
    await expect(page.locator(`datalist#${list} option[value="贷款"]`)).toHaveCount(1);
    await didYouMean.getByRole("link", { name: "贷款" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "“贷款”的搜索结果" })).toBeVisible();
  });
});
