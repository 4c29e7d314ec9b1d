import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, login, logout, type AccountName } from "./fixtures";

test("the home page lists the demo consultations with the department's footer", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "公开征求意见" })).toBeVisible();
  const open = page.getByRole("region", { name: "正在征求意见" });
  await expect(open.getByRole("article")).toHaveCount(1);
  await expect(open.getByText("征求中")).toBeVisible();
  await expect(page.getByRole("region", { name: "即将开始" }).getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toContainText("沈阳市皇姑区细河街9号");
  await expect(page.getByRole("contentinfo")).toContainText("024-86536021");
  await expectAccessible(page);
});

test("the home page works on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("link", { name: "工作人员登录" })).toBeVisible();
});

for (const who of Object.keys(ACCOUNTS) as AccountName[]) {
  test(`${who} can log in and out`, async ({ page }) => {
    await login(page, who);
    await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
    await logout(page);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin/);
  });
}

test("a drafter gets 403 on admin pages", async ({ page }) => {
  await login(page, "drafter");
  for (const path of ["/admin/users", "/admin/users/new", "/admin/audit", "/admin/calendar"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  }
});

test("an admin creates an account, which can then log in", async ({ page, browser }) => {
  await login(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill("e2e.drafter");
  await page.getByLabel("初始密码").fill("a-long-enough-password");
  await page.getByLabel("姓名").fill("测试起草人");
  await page.getByLabel("角色").selectOption("drafter");
  await page.getByRole("button", { name: "创建账号" }).click();
  // Only the server knows that a drafter needs a division: its message stands beside the field,
  // and what was typed is kept (except the password, which is never sent back).
  const division = page.getByLabel("所属处室");
  await expect(division).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("起草处室人员必须选择所属处室。")).toBeVisible();
  await expect(page.getByLabel("用户名")).toHaveValue("e2e.drafter");
  await expect(page.getByLabel("姓名")).toHaveValue("测试起草人");
  await page.getByLabel("初始密码").fill("a-long-enough-password");
  await page.getByLabel("所属处室").selectOption({ label: "就业创业处" });
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText("账号已创建。")).toBeVisible();

  const other = await browser.newPage();
  await other.goto("/login");
  await other.getByLabel("用户名").fill("e2e.drafter");
  await other.getByLabel("密码").fill("a-long-enough-password");
  await other.getByRole("button", { name: "登录" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await other.close();
});

test("a bad password gets a clear message that does not say whether the account exists", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByLabel("用户名").fill("reviewer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  const known = await page.getByRole("alert").textContent();
  expect(known).toContain("用户名或密码错误");
  await expect(page.getByLabel("用户名")).toHaveValue("reviewer");

  await page.getByLabel("用户名").fill("no-such-user");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByLabel("用户名")).toHaveValue("no-such-user");
  expect(await page.getByRole("alert").textContent()).toBe(known);
});

test("an unknown URL answers a proper 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
});

test("the health check answers 200 with JSON", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});

test("a tampered session cookie is treated as logged out", async ({ page, context }) => {
  await login(page, "reviewer");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "zq_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  await context.addCookies([{ ...session!, value: session!.value.replace(/.$/, (c) => (c === "A" ? "B" : "A")) }]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("static files committed in public/ are served: the favicon in both forms and robots.txt", async ({ request, page }) => {
  for (const [file, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/favicon.svg", /image\/svg\+xml/],
    ["/robots.txt", /text\/plain/],
  ] as const) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"], file).toMatch(type);
  }
  expect(await (await request.get("/robots.txt")).text()).toMatch(/^Disallow: \/admin$/m);
  await page.goto("/");
  await expect(page.locator('link[rel="icon"][href="/favicon.svg"]')).toHaveCount(1);
});
