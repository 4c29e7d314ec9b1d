import { fromSqlite } from "../integration/sql-runner";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { seedAnalysis } from "../integration/topic-fixtures";
import { freePortSync } from "../setup/free-port";
import { expectAccessible, login } from "./fixtures";
import { startOwnServer } from "./own-server";

// Staff record two opinions (意见要点) in one topic, each answering its own comments, and approve the
// topic's public title; the published feedback page lists every article with its answer or a link to
// it, and no working label anywhere. On a server of its own: it publishes the demo's closed consultation.

const PORT = freePortSync();
const ID = 3;
const MATRIX = `/admin/consultations/${ID}/dispositions`;
const SHORTHAND = "处内简称：甲组";
let server: Awaited<ReturnType<typeof startOwnServer>>;
let picked: Array<{ id: number; receiptNo: string; number: number; label: string }>;
let articleCount = 0;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.setTimeout(180_000);
test.beforeAll(async () => {
  server = await startOwnServer(PORT, "opinions");
  const db = new Database(path.join(server.dataDir, "zhengqiu.db"));
  // Three approved comments, each on exactly one article, on three different articles.
  const rows = db
    .prepare(
      `SELECT c.id, c.receipt_no AS receiptNo, min(n.number) AS number, min(n.label) AS label FROM comments c
       JOIN comment_articles l ON l.comment_id = c.id AND l.source <> 'inferred'
       JOIN draft_nodes n ON n.article_identity_id = l.article_identity_id AND n.kind = 'article'
       WHERE c.consultation_id = ? AND c.moderation_status = 'approved'
       GROUP BY c.id HAVING count(DISTINCT l.article_identity_id) = 1 ORDER BY c.id`
    )
    .all(ID) as typeof picked;
  picked = [];
  for (const r of rows) if (!picked.some((p) => p.number === r.number) && picked.length < 3) picked.push(r);
  articleCount = db
    .prepare(
      `SELECT count(*) FROM draft_nodes n JOIN draft_versions v ON v.id = n.version_id WHERE v.consultation_id = ? AND n.kind = 'article' AND v.version_no = (SELECT max(version_no) FROM draft_versions WHERE consultation_id = ?)`
    )
    .pluck()
    .get(ID, ID) as number;
  await seedAnalysis(fromSqlite(db), ID, [
    { label: SHORTHAND, commentIds: [picked[0].id, picked[1].id] },
    { label: "其他（未归类）", commentIds: [picked[2].id] },
  ]);
  db.close();
});
test.afterAll(() => server?.stop());

test("two opinions in a topic, an approved title, and a feedback page that answers every article", async ({ page }) => {
  expect(picked).toHaveLength(3);
  const [first, second, third] = picked;
  await login(page, "drafter");
  await page.goto(MATRIX);
  const card = page.locator("section.topic-card", { has: page.getByRole("heading", { level: 2, name: new RegExp(SHORTHAND) }) });
  const newOpinion = () => card.locator("details[id$='-new'] form");

  // Opinion 1: partly adopted, for the first comment only.
  await newOpinion().getByLabel("意见要点", { exact: true }).fill("建议完善烈士纪念设施管护");
  await newOpinion()
    .getByRole("checkbox", { name: new RegExp(first.receiptNo) })
    .check();
  await newOpinion().getByRole("radio", { name: "部分采纳", exact: true }).check();
  await newOpinion().getByLabel("理由").fill("管护责任由乡镇落实。");
  await newOpinion().getByLabel("涉及条款").selectOption({ label: first.label });
  await newOpinion().getByLabel("修改情况").fill(`在${first.label}中增加一款`);
  await newOpinion()
    .getByRole("button", { name: /的新意见要点$/ })
    .click();
  await expect(page.getByText("意见要点已保存。")).toBeVisible();

  // Opinion 2: not adopted, for the second comment, answered under the first comment's article.
  await card.locator("summary", { hasText: "新增意见要点" }).click();
  await newOpinion().getByLabel("意见要点", { exact: true }).fill("建议另行规定相关事项");
  await newOpinion()
    .getByRole("checkbox", { name: new RegExp(second.receiptNo) })
    .check();
  await newOpinion().getByRole("radio", { name: "不采纳", exact: true }).check();
  await newOpinion().getByLabel("理由").fill("相关事项已由其他规定调整。");
  await newOpinion().getByLabel("涉及条款").selectOption({ label: first.label });
  await newOpinion()
    .getByRole("button", { name: /的新意见要点$/ })
    .click();
  await expect(card.getByRole("heading", { level: 2, name: `${SHORTHAND} 已处理` })).toBeVisible();
  await expect(card.getByRole("heading", { level: 4 })).toHaveText(["意见要点：建议完善烈士纪念设施管护", "意见要点：建议另行规定相关事项"]);

  // The public title: a proposal from the label, which staff rewrite and confirm.
  // The shorthand before the colon is a working note: the proposal drops it.
  await expect(card.getByLabel("公开标题", { exact: true })).toHaveValue("甲组");
  await card.getByLabel("公开标题", { exact: true }).fill("烈士纪念设施保护");
  await card.getByRole("button", { name: "确认公开标题" }).click();
  await expect(page.getByText("公开标题已确认。")).toBeVisible();
  await expect(card.getByText("烈士纪念设施保护")).toBeVisible();

  // The catch-all topic: its proposal is never the working label; it is answered without approving a title.
  const other = page.locator("section.topic-card", { has: page.getByRole("heading", { level: 2, name: /其他（未归类）/ }) });
  await expect(other.getByLabel("公开标题", { exact: true })).toHaveValue("其他意见");
  await other.locator("details[id$='-new'] form").getByLabel("意见要点", { exact: true }).fill("关于办法总体的其他意见");
  await other.locator("details[id$='-new'] form").getByRole("checkbox", { name: "本主题中尚未答复的全部意见" }).check();
  await other.locator("details[id$='-new'] form").getByRole("radio", { name: "已有规定", exact: true }).check();
  await other.locator("details[id$='-new'] form").getByLabel("理由").fill("办法已作相应规定。");
  await other
    .locator("details[id$='-new'] form")
    .getByRole("button", { name: /的新意见要点$/ })
    .click();
  await expect(other.getByRole("heading", { level: 2, name: "其他（未归类） 已处理" })).toBeVisible();
  await expectAccessible(page);

  // Publication itself is covered by feedback.spec.ts; here the published state is set directly.
  const db = new Database(path.join(server.dataDir, "zhengqiu.db"));
  const author = db.prepare(`SELECT id FROM users WHERE username = 'drafter'`).pluck().get();
  db.prepare(`UPDATE consultations SET status = 'feedback_published' WHERE id = ?`).run(ID);
  db.prepare(
    `INSERT INTO feedback_summaries (consultation_id, body, author_id, status, published_at) VALUES (?, '意见采纳情况说明正文。', ?, 'published', ?)`
  ).run(ID, author, Date.now());
  db.close();

  await page.goto(`/consultations/${ID}/feedback`);
  const main = page.locator("main");
  await expect(main).toContainText(/共收到意见 \d+ 条：涉及具体条款的 \d+ 条，未涉及具体条款的 \d+ 条。/);
  await expect(page.locator("li.article-answer")).toHaveCount(articleCount + 1);
  const home = page.locator(`#answer-article-${first.number}`);
  await expect(home).toContainText("【烈士纪念设施保护】建议完善烈士纪念设施管护");
  await expect(home).toContainText(`修改情况：在${first.label}中增加一款`);
  await expect(home).toContainText("建议另行规定相关事项");
  // The second comment's article links to the answer printed under the first's.
  const link = page.locator(`#answer-article-${second.number}`).getByRole("link", { name: /建议另行规定相关事项/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/#answer-\d+$/);
  // The catch-all topic's opinion is listed under its article without a title.
  await expect(page.locator(`#answer-article-${third.number}`)).toContainText("关于办法总体的其他意见");
  await expect(main).not.toContainText(SHORTHAND);
  await expect(main).not.toContainText("其他（未归类）");
  await expect(main).not.toContainText("未归类");
  await expectAccessible(page);
});
