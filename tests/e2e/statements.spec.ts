import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// The accessibility statement and the privacy notice: reachable from every public page's footer,
// readable with and without JavaScript, on a phone, and passing axe.

const DEPARTMENT = { email: "bgs@zhengqiu.localhost", phone: "024-86536021" }; // the defaults in .env.example

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript at 360 px";
  test.describe(how, () => {
    test.use({ javaScriptEnabled, ...(javaScriptEnabled ? {} : { viewport: { width: 360, height: 740 } }) });

    test(`the footer links to the accessibility statement and the privacy notice (${how})`, async ({ page }) => {
      for (const url of ["/", "/consultations/1", "/status"]) {
        await page.goto(url);
        const footer = page.getByRole("contentinfo");
        await expect(footer.getByRole("link", { name: "无障碍声明" })).toHaveAttribute("href", "/accessibility");
        await expect(footer.getByRole("link", { name: "个人信息保护说明" })).toHaveAttribute("href", "/privacy");
      }
      await page.getByRole("contentinfo").getByRole("link", { name: "无障碍声明" }).click();
      await expect(page).toHaveURL(/\/accessibility$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("无障碍声明");
    });

    test(`the accessibility statement names the standards, the tests, the gaps and how to ask for another format (${how})`, async ({ page }) => {
      const response = await page.goto("/accessibility");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle("无障碍声明 - 征求意见平台");
      const main = page.getByRole("main");
      await expect(main).toContainText("GB/T 37668-2019");
      await expect(main).toContainText("WCAG）2.2 AA 级");
      for (const heading of ["依据的标准和符合情况", "我们如何测试", "已知问题", "获取其他格式、反馈问题"]) {
        await expect(main.getByRole("heading", { level: 2, name: heading })).toBeVisible();
      }
      for (const tested of ["axe-core", "键盘", "320 像素", "关闭 JavaScript", "读屏语义"]) await expect(main).toContainText(tested);
      await expect(main.getByRole("link", { name: DEPARTMENT.email })).toHaveAttribute("href", `mailto:${DEPARTMENT.email}`);
      await expect(main).toContainText(DEPARTMENT.phone);
      if (javaScriptEnabled) await expectAccessible(page);
      else expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });

    test(`the privacy notice says what is collected, why, how long it is kept and who sees it (${how})`, async ({ page }) => {
      const response = await page.goto("/privacy");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle("个人信息保护说明 - 征求意见平台");
      const main = page.getByRole("main");
      await expect(main).toContainText("《中华人民共和国个人信息保护法》");
      for (const heading of ["我们收集哪些信息", "为什么收集", "谁能看到", "保存多久", "您的权利", "联系我们"]) {
        await expect(main.getByRole("heading", { level: 2, name: heading })).toBeVisible();
      }
      // The comment form's fields, and the honest answer on retention.
      for (const field of ["身份类别", "姓名、单位（选填）", "电子邮箱", "（IP 地址）的加密摘要"]) await expect(main).toContainText(field);
      await expect(main).toContainText("平台目前没有按期限自动删除或匿名化个人信息的功能");
      await expect(main.getByRole("link", { name: DEPARTMENT.email })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      else expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });
  });
}
