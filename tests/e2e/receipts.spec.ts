import { expect, test, type Page } from "@playwright/test";

// The receipt on a shared computer (a 服务站): the check code never lands in the address bar or
// the history, the text is shown redacted, nothing is kept by a cache, and a form's key reused by
// the next person never opens the previous person's receipt.

const OPEN = "/consultations/1";
const PHONE = "13987654321";

async function fill(page: Page, text: string) {
  await page.getByRole("textbox", { name: "意见内容" }).fill(text);
  await page.getByLabel("您的身份").selectOption("退役军人");
  await page.getByLabel(/我已阅读并同意/).check();
}

async function submit(page: Page, text: string) {
  await fill(page, text);
  await page.getByRole("button", { name: "提交意见" }).click();
}

async function historyUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send("Page.getNavigationHistory");
  await cdp.detach();
  return entries.map((e) => e.url);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("the receipt keeps its code out of the address and the history, survives a reload, is redacted and never cached", async ({ page }) => {
      await page.goto(OPEN);
      const text = `请回电 ${PHONE}，商量第八条的创业补贴（${javaScriptEnabled ? "有" : "无"}脚本）。`;
      await submit(page, text);
      await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
      const [receipt, code] = await page.locator(".receipt-no").allTextContents();
      expect(code).toMatch(/^[0-9A-Z]{10}$/);

      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/status");
      for (const url of await historyUrls(page)) expect(url).not.toContain(code);

      const reloaded = await page.reload();
      expect(reloaded!.headers()["cache-control"]).toBe("private, no-store");
      await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
      await expect(page.locator(".receipt-no").first()).toHaveText(receipt);
      await page.getByText("您提交的意见（已隐去个人信息）").click();
      await expect(page.getByText("[手机号已隐去]")).toBeVisible();
      expect(await page.content()).not.toContain(PHONE);

      // 结束查看: the next person at this computer sees only the empty look-up form.
      await page.getByRole("button", { name: "结束查看" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "意见处理情况查询" })).toBeVisible();
      await page.reload();
      await expect(page.getByRole("heading", { level: 1, name: "意见处理情况查询" })).toBeVisible();
      expect(await page.content()).not.toContain(receipt);
    });
  });
}

test("a look-up by number and code posts them, and an old link with the code is moved out of the address", async ({ page }) => {
  await page.goto(OPEN);
  await submit(page, "查询测试用的意见。");
  await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  const [receipt, code] = await page.locator(".receipt-no").allTextContents();
  await page.getByRole("button", { name: "结束查看" }).click();

  await page.getByLabel("回执编号").fill(receipt);
  await page.getByLabel("查询码").fill(code);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "意见处理情况" })).toBeVisible();
  expect(page.url()).not.toContain(code);
  await page.getByRole("button", { name: "结束查看" }).click();

  await page.goto(`/status?receipt=${receipt}&code=${code}`);
  await expect(page.getByRole("heading", { level: 1, name: "意见处理情况" })).toBeVisible();
  expect(new URL(page.url()).search).toBe("");
  for (const url of await historyUrls(page)) expect(url).not.toContain(code);
});

test("a second person reusing the first person's form key gets a message and their own receipt, never the first", async ({ browser }) => {
  const first = await browser.newContext();
  const a = await first.newPage();
  await a.goto(OPEN);
  // The page's HTML carries no key (a cache may share it); the browser makes one when the form appears.
  await expect(a.locator('#comment-form input[name="idempotencyKey"]')).toHaveValue(/^[0-9a-f]{32}$/);
  const key = await a.locator('#comment-form input[name="idempotencyKey"]').inputValue();
  await submit(a, `第一位群众的意见，电话 ${PHONE}。`);
  await expect(a.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  const firstReceipt = (await a.locator(".receipt-no").first().textContent())!;
  await first.close();

  const second = await browser.newContext();
  const b = await second.newPage();
  await b.goto(OPEN);
  await fill(b, "第二位群众的意见。");
  // As if the previous person's page were still in this browser: their form, with their key.
  await b.locator('#comment-form input[name="idempotencyKey"]').evaluate((el, k) => ((el as HTMLInputElement).value = k), key);
  await b.getByRole("button", { name: "提交意见" }).click();
  await expect(b.getByText(/此表单已提交过一条内容不同的意见/).first()).toBeVisible();
  await expect(b.getByRole("textbox", { name: "意见内容" })).toHaveValue("第二位群众的意见。");
  expect(await b.content()).not.toContain(firstReceipt);
  expect(await b.content()).not.toContain(PHONE);
  expect(await b.locator('#comment-form input[name="idempotencyKey"]').inputValue()).not.toBe(key);
  const look = await second.newPage();
  await look.goto("/status");
  await expect(look.getByRole("heading", { level: 1, name: "意见处理情况查询" })).toBeVisible();

  // The page came back with a fresh key: sending again stores the second person's own comment.
  await submit(b, "第二位群众的意见。");
  await expect(b.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  await expect(b.locator(".receipt-no").first()).not.toHaveText(firstReceipt);
  await second.close();
});

test("pages and router data carry an explicit Cache-Control: only the public pages, without cookies, may be shared", async ({ request }) => {
  // The same for everyone (docs/decisions/0041): a shared cache may keep them 5 s.
  for (const path of ["/", "/consultations", OPEN, `${OPEN}/versions`]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=5");
    expect(res.headers()["content-type"], path).toContain("text/html");
  }
  for (const path of ["/status", "/subscribe", "/login", "/consultations/99999", "/no-such-page"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()["cache-control"], path).toBe("private, no-store");
    expect(res.headers()["content-type"], path).toContain("text/html");
  }
  const data = await request.get("/status.data", { maxRedirects: 0 });
  expect(data.headers()["cache-control"]).toBe("private, no-store");
  expect((await request.get("/status")).headers()["referrer-policy"]).toBe("same-origin");
});
