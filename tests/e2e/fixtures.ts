import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const ACCOUNTS = {
  admin: { username: "admin", password: "demo-admin-2026" },
  drafter: { username: "drafter", password: "demo-drafter-2026" },
  drafter2: { username: "drafter2", password: "demo-drafter2-2026" },
  reviewer: { username: "reviewer", password: "demo-reviewer-2026" },
  legal: { username: "legal", password: "demo-legal-2026" },
} as const;

export type AccountName = keyof typeof ACCOUNTS;

export async function login(page: Page, who: AccountName) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(ACCOUNTS[who].username);
  await page.getByLabel("密码").fill(ACCOUNTS[who].password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "工作人员登录" })).toBeVisible();
}

/** No serious or critical violation of WCAG 2.0/2.1/2.2 A and AA rules on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}
