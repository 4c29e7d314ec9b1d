import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

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
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Answers a topic of the matrix page with one opinion (意见要点) covering every comment of the
 * topic still unanswered: its point, the decision, and the reason or the article and the change.
 */
export async function answerTopicCard(
  card: Locator,
  answer: {
    point: string;
    decision: "采纳" | "部分采纳" | "不采纳" | "已有规定" | "不属于征求范围";
    reason?: string;
    article?: string;
    change?: string;
    submit?: boolean;
  }
) {
  const form = card.locator("details.disposition-editor[id$='-new'] form");
  await form.getByLabel("意见要点", { exact: true }).fill(answer.point);
  await form.getByRole("checkbox", { name: "本主题中尚未答复的全部意见" }).check();
  await form.getByRole("radio", { name: answer.decision, exact: true }).check();
  if (answer.reason !== undefined) await form.getByLabel("理由").fill(answer.reason);
  if (answer.article) await form.getByLabel("涉及条款").selectOption({ label: answer.article });
  if (answer.change) await form.getByLabel("修改情况").fill(answer.change);
  if (answer.submit !== false) await form.getByRole("button", { name: /^保存“.*”的新意见要点$/ }).click();
}
