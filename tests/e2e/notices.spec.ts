import { expect, test } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { expectAccessible } from "./fixtures";

// The e2e server sends to SMTP_PORT = its port + 1000 (tests/setup/e2e-server.mjs): this real SMTP
// server receives there, and the tests follow the links in what it receives.
let sink: SmtpSink;
test.beforeAll(async () => {
  sink = await startSmtpSink(Number(process.env.E2E_SMTP_PORT));
});
test.afterAll(async () => {
  await sink?.stop();
});

const linkIn = (text: string, path: RegExp) => {
  const found = text.match(new RegExp(`https?://[^\\s]+${path.source}[^\\s]*`))?.[0];
  if (!found) throw new Error(`no link matching ${path} in:\n${text}`);
  return found;
};

test("a commenter's receipt arrives by mail and its status link opens the comment's status", async ({ page, browser }) => {
  const email = `commenter-${Date.now()}@example.com`;
  await page.goto("/consultations/1");
  await page.getByRole("textbox", { name: "意见内容" }).fill("建议第八条明确创业补贴的申领期限。");
  await page.getByLabel("您的身份").selectOption("退役军人");
  await page.getByLabel(/电子邮箱/).fill(email);
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: "提交意见" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  const receipt = (await page.locator(".receipt-no").first().textContent())!;

  const [mail] = await sink.waitFor((m) => m.envelopeTo.includes(email), { timeoutMs: 30_000 });
  expect(mail.envelopeTo).toEqual([email]);
  expect(mail.subject).toContain(`意见回执 ${receipt}`);
  expect(mail.text).toContain(`回执编号：${receipt}`);
  const status = linkIn(mail.text, /\/status\/ZQ/);
  expect(mail.html).toContain(status);
  // The link opens this receipt's status by a signed token; the code is in the mail's text only, never in an address.
  const code = /查询码：([0-9A-Z]{10})/.exec(mail.text)![1];
  expect(status).not.toContain(code);

  // Opened later, in another browser (at home): the status shows at once, without the code.
  const home = await browser.newContext();
  const reader = await home.newPage();
  await reader.goto(status);
  await expect(reader.getByRole("heading", { level: 1, name: "意见处理情况" })).toBeVisible();
  await expect(reader.locator(".receipt-no").first()).toHaveText(receipt);
  await expect(reader.getByText("审核中（当前）")).toBeVisible();
  await expect(reader.locator("main")).not.toContainText(code);
  await expect(reader.locator(".alert.error")).toHaveCount(0);
  // The page holds to what every public page must (public-pages.ts): axe, and at 320 px with the
  // largest text nothing scrolls sideways.
  await expectAccessible(reader);
  await reader.setViewportSize({ width: 320, height: 640 });
  for (let i = 0; i < 2; i++) await reader.getByRole("button", { name: "放大字号" }).click();
  await expect(reader.locator("html")).toHaveAttribute("data-text-size", "larger");
  expect(await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await home.close();
});

test("a subscription is refused with a bad address, then confirmed and cancelled through the mailed links", async ({ page, request }) => {
  const email = `reader-${Date.now()}@example.com`;
  await page.goto("/");
  await page.getByRole("link", { name: "订阅征求意见通知" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "订阅征求意见通知" })).toBeVisible();
  await expectAccessible(page);

  // The browser's own check is bypassed to reach the server's, as without a modern browser.
  await page.locator(`form[action="/subscribe"]`).evaluate((f) => f.setAttribute("novalidate", ""));
  await page.getByLabel("电子邮箱").fill("reader@@example");
  await page.getByRole("button", { name: "订阅" }).click();
  await expect(page.getByText("请输入有效的邮箱地址，例如 name@example.com。")).toBeVisible();
  await expect(page.getByLabel("电子邮箱")).toHaveValue("reader@@example");
  await expect(page.getByLabel("电子邮箱")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("某类文件的征求意见").check();
  await page.getByLabel(/文件类型/).selectOption({ label: "政府规章" });
  await page.getByRole("button", { name: "订阅" }).click();
  await expect(page.getByRole("status")).toContainText(`确认邮件已发送至 ${email}`);

  const [confirm] = await sink.waitFor((m) => m.envelopeTo.includes(email) && m.subject === "请确认订阅征求意见通知", { timeoutMs: 30_000 });
  await page.goto(linkIn(confirm.text, /\/subscribe\/confirm\//));
  await expect(page.getByText("政府规章的征求意见")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "确认订阅" }).click();
  await expect(page.getByRole("heading", { name: "订阅成功" })).toBeVisible();

  const [welcome] = await sink.waitFor((m) => m.envelopeTo.includes(email) && m.subject.startsWith("订阅已生效"), { timeoutMs: 30_000 });
  const unsubscribe = linkIn(welcome.text, /\/unsubscribe\//);
  expect(welcome.header("list-unsubscribe")).toBe(`<${unsubscribe}>`);
  expect(welcome.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

  // A tampered link does nothing and says so.
  await page.goto(unsubscribe.slice(0, -3) + "xyz");
  await expect(page.getByRole("alert")).toContainText("未作任何处理");

  await page.goto(unsubscribe);
  await expectAccessible(page);
  await page.getByRole("button", { name: "确认退订" }).click();
  await expect(page.getByRole("heading", { name: "已退订" })).toBeVisible();

  // What a mail client sends for the List-Unsubscribe header (RFC 8058): a plain POST, no cookies.
  const oneClick = await request.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(oneClick.status()).toBe(200);
  const tampered = await request.post(unsubscribe.slice(0, -3) + "xyz", { form: { "List-Unsubscribe": "One-Click" } });
  expect(tampered.status()).toBe(400);
});
