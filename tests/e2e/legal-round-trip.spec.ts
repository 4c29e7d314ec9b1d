import { fromSqlite } from "../integration/sql-runner";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { freePortsSync } from "../setup/free-port";
import { seedAnalysis } from "../integration/topic-fixtures";
import { expectAccessible, login, logout } from "./fixtures";
import { startOwnServer } from "./own-server";

// The legal office's review as a round trip, on a server of its own with its own SMTP server: the
// packet is returned with an opinion on an article, the drafter answers and resubmits, the legal
// office finishes; publication is refused until then, and works after. The commenter's result mail,
// read from the SMTP server, links to a status page that opens without an error.

const [PORT, SMTP_PORT] = freePortsSync(2);
const ID = 3; // the demo's closed consultation
const STAFF = `/admin/consultations/${ID}`;
const EMAIL = `round-trip-${Date.now()}@example.com`;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let sink: SmtpSink;
let receiptNo: string;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.setTimeout(180_000);

test.beforeAll(async () => {
  sink = await startSmtpSink(SMTP_PORT);
  server = await startOwnServer(PORT, "legal-round-trip", {
    PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(SMTP_PORT),
    MAIL_POLL_MS: "200",
    MAIL_RETRY_BASE_MS: "500",
  });
  // The answers and an approved summary, as the drafter and a reviewer would have left them (the
  // feedback spec drives those pages); one commenter gave an email and follows the comment.
  const db = new Database(path.join(server.dataDir, "zhengqiu.db"));
  const ids = (db.prepare("SELECT id FROM comments WHERE consultation_id = ? ORDER BY id").all(ID) as Array<{ id: number }>).map((r) => r.id);
  const { topicIds } = await seedAnalysis(fromSqlite(db), ID, [{ label: "综合意见", commentIds: ids }]);
  const user = (name: string) => (db.prepare("SELECT id FROM users WHERE username = ?").get(name) as { id: number }).id;
  // One opinion (意见要点) of the topic answers every comment in it.
  const opinion = db
    .prepare(
      "INSERT INTO dispositions (consultation_id, topic_id, title, decision, reason, decided_by) VALUES (?, ?, '综合意见', 'not_adopted', '将在年度工作计划中研究落实。', ?)"
    )
    .run(ID, topicIds[0], user("drafter")).lastInsertRowid;
  for (const id of ids) db.prepare("INSERT INTO opinion_comments (comment_id, disposition_id) VALUES (?, ?)").run(id, opinion);
  db.prepare("UPDATE comments SET email = ?, notify_result = 1 WHERE id = ?").run(EMAIL, ids[0]);
  receiptNo = (db.prepare("SELECT receipt_no AS r FROM comments WHERE id = ?").get(ids[0]) as { r: string }).r;
  const now = Date.now();
  db.prepare(
    "INSERT INTO feedback_summaries (consultation_id, status, body, author_id, submitted_at, approved_by, approved_at) VALUES (?, 'approved', ?, ?, ?, ?, ?)"
  ).run(ID, "关于规划公开征求意见采纳情况的说明：经研究，相关意见将在年度工作计划中研究落实。", user("drafter"), now, user("reviewer"), now);
  db.close();
});
test.afterAll(async () => {
  server?.stop();
  await sink?.stop();
});

async function as(page: Page, who: "drafter" | "legal", path: string) {
  await logout(page);
  await login(page, who);
  await page.goto(path);
}

test("the legal office returns the packet with an article opinion, the drafter answers and resubmits, and only the finished review lets the feedback out", async ({
  page,
  browser,
}) => {
  await login(page, "drafter");
  await page.goto(`${STAFF}/packet`);
  await page.getByRole("button", { name: "报送法制审核" }).click();
  await expect(page.getByText("已报送法制审核，法制机构将收到通知。")).toBeVisible();
  await page.goto(`${STAFF}/summary`);
  await expect(page.getByText(/暂不能发布：法制机构尚未审查完毕（第 1 轮，待登记）/)).toBeVisible();
  await expect(page.getByRole("button", { name: "发布", exact: true })).toBeDisabled();

  // The legal office takes it in and returns it with an opinion on article 8.
  await as(page, "legal", `${STAFF}/packet`);
  await page.getByRole("button", { name: "登记接收" }).click();
  await expect(page.getByText("已登记接收。")).toBeVisible();
  await page.getByLabel("针对条款").selectOption({ label: "第八条" });
  await page.getByLabel("审查意见", { exact: true }).fill("第八条“管护责任”的主体不明确，请明确。");
  await page.getByRole("button", { name: "添加审查意见" }).click();
  await expect(page.getByText("已添加审查意见。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByText("已退回修改，起草处室将收到通知。")).toBeVisible();

  // The drafter sees the opinion, cannot resubmit before answering, answers and resubmits.
  await as(page, "drafter", `${STAFF}/summary`);
  await expect(page.getByText(/暂不能发布：法制机构已退回修改（第 1 轮）/)).toBeVisible();
  await page.goto(`${STAFF}/packet`);
  await expect(page.getByRole("heading", { level: 3, name: "第 1 轮审查意见" })).toBeVisible();
  await expect(page.getByText("第八条“管护责任”的主体不明确，请明确。")).toBeVisible();
  await page.getByRole("button", { name: "重新报送法制审核" }).click();
  await expect(page.getByText("还有 1 条审查意见尚未答复，答复全部意见后才能重新报送。").first()).toBeVisible();
  await page.getByLabel("答复“第八条”的审查意见").fill("已明确由乡镇人民政府落实管护责任。");
  await page.getByRole("button", { name: "保存答复" }).click();
  await expect(page.getByText("已保存答复。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "重新报送法制审核" }).click();
  await expect(page.getByText("已重新报送法制审核，法制机构将收到通知。")).toBeVisible();

  // Round 2: the legal office sees the answer, takes it in and finishes with its conclusion.
  await as(page, "legal", `${STAFF}/packet`);
  await expect(page.getByText("已明确由乡镇人民政府落实管护责任。")).toBeVisible();
  await page.getByRole("button", { name: "登记接收" }).click();
  await page.getByLabel("审查结论").fill("经审查，同意公布。");
  await page.getByRole("button", { name: "登记审查完毕" }).click();
  await expect(page.getByText("已登记审查完毕，起草处室将收到通知。")).toBeVisible();
  await expect(page.getByText("第 2 轮：")).toBeVisible();

  // Now the drafter can publish.
  await as(page, "drafter", `${STAFF}/summary`);
  await expect(page.getByText(/暂不能发布/)).toHaveCount(0);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText("意见采纳情况说明已发布，征求意见状态已改为“已公布反馈”。")).toBeVisible();

  // The drafter was told of each legal step; the commenter gets the result, whose link opens the status page.
  await sink.waitFor((m) => m.subject.startsWith("合法性审查完毕（第 2 轮）"), { timeoutMs: 30_000 });
  const [mail] = await sink.waitFor((m) => m.envelopeTo.includes(EMAIL) && m.subject.startsWith("您的意见处理结果"), { timeoutMs: 30_000 });
  expect(mail.subject).toBe(`您的意见处理结果：不采纳 ${receiptNo}`);
  const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/status\/[^\s)]+/)![0];
  const home = await browser.newContext();
  const reader = await home.newPage();
  const response = await reader.goto(link);
  expect(response!.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: "意见处理情况" })).toBeVisible();
  await expect(reader.locator(".receipt-no").first()).toHaveText(receiptNo);
  await expect(reader.getByText("已研究（当前）")).toBeVisible();
  await expect(reader.getByText(/处理结果：不采纳/)).toBeVisible();
  await expect(reader.locator(".alert.error")).toHaveCount(0);
  await expectAccessible(reader);
  await home.close();
});
