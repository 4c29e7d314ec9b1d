import { expect, test } from "@playwright/test";
import { login } from "./fixtures";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";
import { createDatabase, dropDatabase, onServer, withDatabase } from "../setup/postgres";

// The browser suite runs on the SQLite file; this journey runs the same server on PostgreSQL
// (DATABASE_URL): a citizen without JavaScript comments and follows the comment, a drafter publishes
// it, and the public page and the Chinese search show it, all read from PostgreSQL.

const PORT = freePortSync();
const ID = 1;
const SERVER = process.env.ZQ_TEST_PG_SERVER || "postgres://zhengqiu:zhengqiu@127.0.0.1:5432/postgres";
const NAME = `zq_e2e_${process.pid}`;
const MARKER = "数据库迁移测试：建议第十条明确退役军人培训补贴的申领时限";
let server: Awaited<ReturnType<typeof startOwnServer>>;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.setTimeout(180_000);
test.beforeAll(async () => {
  await dropDatabase(SERVER, NAME);
  await createDatabase(SERVER, NAME);
  server = await startOwnServer(PORT, "postgres-journey", { DATABASE_URL: withDatabase(SERVER, NAME) });
});
test.afterAll(async () => {
  server?.stop();
  await dropDatabase(SERVER, NAME);
});

test("on PostgreSQL: comment without JavaScript, receipt, moderation, the public page and search", async ({ browser, page }) => {
  const citizen = await (await browser.newContext({ baseURL: server.base, javaScriptEnabled: false })).newPage();
  await citizen.goto(`/consultations/${ID}?article=10#comment-form`);
  await citizen.getByRole("textbox", { name: "意见内容" }).fill(`${MARKER}。`);
  await citizen.getByLabel("您的身份").selectOption("退役军人");
  await citizen.getByLabel(/我已阅读并同意/).check();
  await citizen.getByRole("button", { name: "提交意见" }).click();
  await expect(citizen.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  const statusUrl = citizen.url().replace(/#.*$/, "");

  await login(page, "drafter");
  await page.goto(`/admin/consultations/${ID}/moderation`);
  const card = page.locator("[data-queue-card]", { hasText: MARKER });
  await card.getByRole("button", { name: /通过并公开/ }).click();
  await expect(page.getByText("已通过。意见将按提出人选择的方式公开。")).toBeVisible();

  await citizen.goto(statusUrl);
  await expect(citizen.getByText("已公开（当前）")).toBeVisible();
  await citizen.goto(`/consultations/${ID}`);
  await expect(citizen.getByText(MARKER)).toBeVisible();
  // Three characters or more go through pg_trgm's index; fewer through instr() over the same rows.
  for (const term of ["创业促进", "就业"]) {
    await citizen.goto(`/consultations?q=${encodeURIComponent(term)}`);
    await expect(citizen.getByRole("heading", { level: 2, name: `“${term}”的搜索结果` })).toBeVisible();
    const open = citizen.getByRole("article").filter({ hasText: "辽宁省退役军人就业创业促进办法" });
    await expect(open.locator(".search-hits li").first().locator("mark").first()).toHaveText(term);
  }
  expect(server.stderr()).not.toMatch(/error/i);
});
