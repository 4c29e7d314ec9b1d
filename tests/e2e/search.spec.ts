import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

test("the public searches 就业 and follows an article hit to the article", async ({ page }) => {
  await page.goto("/consultations");
  await expect(page.getByRole("heading", { level: 1, name: "征求意见" })).toBeVisible();
  await expect(page.getByText(/第 1 页，共 1 页/)).toBeVisible();
  await expectAccessible(page);

  const search = page.getByRole("search", { name: "搜索征求意见" });
  await search.getByRole("combobox", { name: "搜索征求意见" }).fill("就业");
  await search.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/consultations\?q=%E5%B0%B1%E4%B8%9A(&|$)/);
  await expect(page.getByRole("heading", { level: 2, name: "“就业”的搜索结果" })).toBeVisible();

  const open = page.getByRole("article").filter({ hasText: "辽宁省退役军人就业创业促进办法" });
  await expect(open.getByText("征求中")).toBeVisible();
  await expect(open.getByRole("heading").locator("mark")).toHaveText(["就业"]);
  const hit = open.locator(".search-hits li").first();
  await expect(hit.locator("mark").first()).toHaveText("就业");
  await expectAccessible(page);

  const articleLink = hit.getByRole("link");
  const label = (await articleLink.textContent())!;
  expect(label).toMatch(/^第.+条$/);
  await articleLink.click();
  await expect(page).toHaveURL(/\/consultations\/\d+#article-\d+$/);
  const article = page.locator(new URL(page.url()).hash);
  await expect(article).toHaveAttribute("aria-label", label);
  await expect(article).toContainText("就业");
  await expect(article).toBeInViewport();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page's search box and the list's filters work as plain forms", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "搜索征求意见" }).fill("服务站");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/\/consultations\?q=/);
    await expect(page.getByRole("article").first()).toContainText("关于加强退役军人服务站规范化建设的实施意见");

    await page.goto("/consultations?status=nonsense");
    await expect(page.getByRole("alert")).toHaveText("状态无效，已显示全部状态。");
    await page.getByLabel("状态").selectOption({ label: "即将开始" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/status=upcoming/);
    await expect(page.getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("article").getByText("即将开始")).toBeVisible();
  });
});
