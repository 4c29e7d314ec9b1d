import { insertedId } from "./sql-runner";
import { raw } from "~db/client.server";
import { collect } from "~/platform/collect";
// An answer per opinion (意见要点): a topic holds several opinions, each answering only the comments
// listed for it; a comment may be answered on its own; 重复提交 of one person are kept apart from
// campaigns; the feedback page answers every article with approved titles only, and its counts add up.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { answerForComment, answersByComment } from "~/features/responses/comment-answers.server";
import { campaignCards } from "~/features/analysis/analysis-campaigns.server";
import { duplicateCards, duplicateGroups } from "~/features/comments/comment-duplicates.server";
import { lookupComment } from "~/features/comments/comment-status.server";
import { publicFeedback } from "~/features/responses/feedback-page.server";
import { packetStats } from "~/features/packet/packet-stats.server";
import { registerRows } from "~/features/packet/register.server";
import { hashCheckCode } from "~/features/comments/receipt.server";
import { moveComment } from "~/features/analysis/topic-edits.server";
import { proposedPublicTitle } from "~/features/analysis/topic-title-proposal.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action, loader } from "~/routes/admin.consultations.$id.dispositions/route";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, unwrap } from "./helpers";
import { addComment, closedConsultationWithoutComments } from "./packet-fixtures";
import { seedAnalysis } from "./topic-fixtures";

const db = testDb();
let cookie = "";
let C = 0;
const article = new Map<number, number>(); // number → identity id
const DAY = 86_400_000;

/** A closed consultation with a draft of five articles, owned like the demo's closed one. */
async function consultationWithDraft(): Promise<number> {
  const id = await closedConsultationWithoutComments(raw(db), 3, "《答复测试办法（征求意见稿）》");
  const version = Number(
    await insertedId(raw(db), `INSERT INTO draft_versions (consultation_id, version_no, label, source_text) VALUES (?, 1, '征求意见稿', '')`, id)
  );
  const numerals = ["一", "二", "三", "四", "五"];
  for (const [i, n] of numerals.entries()) {
    const identity = Number(await insertedId(raw(db), `INSERT INTO article_identities (consultation_id) VALUES (?)`, id));
    await raw(db).run(
      `INSERT INTO draft_nodes (version_id, kind, position, number, label, text, article_identity_id) VALUES (?, 'article', ?, ?, ?, ?, ?)`,
      version,
      i,
      i + 1,
      `第${n}条`,
      `第${n}条内容。`,
      identity
    );
    article.set(i + 1, identity);
  }
  return id;
}

async function comment(body: string, articles: number[], extra: { email?: string; name?: string; at?: number } = {}): Promise<number> {
  const id = await addComment(raw(db), C, { body, name: extra.name ?? null, receivedAt: new Date(Date.now() - 5 * DAY + (extra.at ?? 0)) });
  if (extra.email) await raw(db).run(`UPDATE comments SET email = ? WHERE id = ?`, extra.email, id);
  for (const n of articles)
    await raw(db).run(`INSERT INTO comment_articles (comment_id, article_identity_id, source) VALUES (?, ?, 'commenter')`, id, article.get(n));
  return id;
}

const postMany = async (fields: Array<[string, string]>) =>
  action({
    request: new Request(`http://localhost/admin/consultations/${C}/dispositions`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    }),
    params: { id: String(C) },
    context: context(),
  });
const post = (fields: Record<string, string>) => postMany(Object.entries(fields));
const matrix = async () =>
  (
    await loader({
      request: new Request(`http://localhost/admin/consultations/${C}/dispositions`, { headers: { Cookie: cookie } }),
      params: { id: String(C) },
      context: context(),
    })
  ).matrix;
const opinionIdOf = async (title: string) => (await raw(db).value(`SELECT id FROM dispositions WHERE consultation_id = ? AND title = ?`, C, title)) as number;

let onThird: number, onFourth: number, onBoth: number, unlisted: number, general: number, mover: number;
let firstCopy: number, secondCopy: number;
let topicA: number, topicB: number, topicOther: number;

beforeAll(async () => {
  await seedDemo(db, new Date());
  cookie = (await createUserSession(new Request("http://localhost/login"), (await findUserByUsername(db, "drafter"))!.id)).split(";")[0];
  C = await consultationWithDraft();
  onThird = await comment("第三条应当增加一款，明确退役军人创业贷款的贴息期限。", [3]);
  onFourth = await comment("第四条的年龄限制过严，建议放宽到四十五周岁。", [4]);
  onBoth = await comment("第三条和第四条应当统一表述，避免理解上的冲突。", [3, 4]);
  unlisted = await comment("第四条规定的申请材料太多，建议精简。", [4]);
  mover = await comment("第五条的培训补贴标准建议提高。", [5]);
  general = await comment("总体支持出台本办法。", []);
  firstCopy = await comment("建议 第二条 增加对军属的就业帮扶。", [2], { email: "Same.Person@example.org", at: 1000 });
  secondCopy = await comment("建议第二条增加对军属的就业帮扶！", [2], { email: "same.person@example.org", at: 2000 });
  const fx = await seedAnalysis(
    raw(db),
    C,
    [
      { label: "张主任交办：创业贷款", commentIds: [onThird, onFourth, onBoth, unlisted, mover] },
      { label: "军属帮扶", commentIds: [firstCopy, secondCopy] },
      { label: "其他（未归类）", commentIds: [general] },
    ],
    // One sender's copies are found by the engine as a "campaign" with one distinct sender.
    [{ commentIds: [firstCopy, secondCopy], distinctSenders: 1 }]
  );
  [topicA, topicB, topicOther] = fx.topicIds;
});

describe("a topic with two opinions", () => {
  it("gives each comment only the answer of the opinion that lists it; an unlisted comment carries none", async () => {
    expect(
      await post({
        intent: "opinion",
        topicId: String(topicA),
        title: "关于贴息期限的意见",
        commentIds: String(onThird),
        decision: "partly_adopted",
        reason: "贴息期限由省财政统一规定。",
        changeMade: "在第三条中增加一款",
        articleIdentityId: String(article.get(3)),
      })
    ).toBeInstanceOf(Response);
    expect(
      await postMany([
        ["intent", "opinion"],
        ["topicId", String(topicA)],
        ["title", "关于年龄限制的意见"],
        ["commentIds", String(onFourth)],
        ["commentIds", String(onBoth)],
        ["decision", "not_adopted"],
        ["reason", "年龄条件与国家规定一致。"],
        ["articleIdentityId", String(article.get(4))],
      ])
    ).toBeInstanceOf(Response);

    expect(await answerForComment(db, onThird)).toMatchObject({ decision: "partly_adopted", changeMade: "在第三条中增加一款", source: "opinion" });
    // The 第四条 example: never stamped with the change made for 第三条.
    expect(await answerForComment(db, onFourth)).toMatchObject({ decision: "not_adopted", changeMade: null, title: "关于年龄限制的意见" });
    expect(await answerForComment(db, onBoth)).toMatchObject({ decision: "not_adopted" });
    expect(await answerForComment(db, unlisted)).toBeNull();

    const topic = (await matrix()).topics.find((t) => t.id === topicA)!;
    expect(topic.opinions.map((o) => [o.title, o.memberCount])).toEqual([
      ["关于贴息期限的意见", 1],
      ["关于年龄限制的意见", 2],
    ]);
    expect(topic).toMatchObject({ answeredCount: 3, decided: false });
    expect(topic.comments.find((c) => c.id === unlisted)).toMatchObject({ answered: false, opinionId: null });
  });

  it("moves a comment from one opinion to another when it is ticked there, and keeps unlisted members on revision", async () => {
    const age = await opinionIdOf("关于年龄限制的意见");
    // The form listed only onBoth and unlisted: onFourth (not shown) keeps its place; onBoth unticked leaves; unlisted joins.
    await postMany([
      ["intent", "opinion"],
      ["topicId", String(topicA)],
      ["opinionId", String(age)],
      ["title", "关于年龄限制的意见"],
      ["listedIds", String(onBoth)],
      ["listedIds", String(unlisted)],
      ["commentIds", String(unlisted)],
      ["decision", "not_adopted"],
      ["reason", "年龄条件与国家规定一致。"],
      ["articleIdentityId", String(article.get(4))],
    ]);
    expect((await answerForComment(db, onFourth))?.dispositionId).toBe(age);
    expect((await answerForComment(db, unlisted))?.dispositionId).toBe(age);
    expect(await answerForComment(db, onBoth)).toBeNull();
    await post({
      intent: "opinion",
      topicId: String(topicA),
      opinionId: String(await opinionIdOf("关于贴息期限的意见")),
      title: "关于贴息期限的意见",
      listedIds: String(onBoth),
      commentIds: String(onBoth),
      decision: "partly_adopted",
      reason: "贴息期限由省财政统一规定。",
      changeMade: "在第三条中增加一款",
      articleIdentityId: String(article.get(3)),
    });
    expect(await answerForComment(db, onBoth)).toMatchObject({ title: "关于贴息期限的意见" });
    expect(await answerForComment(db, onThird)).toMatchObject({ title: "关于贴息期限的意见" });
  });

  it("refuses a comment of another topic, keeping what was typed", async () => {
    const reply = unwrap(
      await post({ intent: "opinion", topicId: String(topicA), title: "越界", commentIds: String(general), decision: "not_adopted", reason: "x" })
    );
    expect(reply.status).toBe(400);
    expect(reply.body.errors.form).toMatch(/不在本主题中/);
    expect(reply.body.values.title).toBe("越界");
  });
});

describe("a comment moved or answered on its own", () => {
  it("a comment staff move leaves its opinion and carries no answer until answered again; its own answer wins and stays", async () => {
    await post({
      intent: "opinion",
      topicId: String(topicA),
      title: "关于培训补贴的意见",
      commentIds: String(mover),
      decision: "already_provided",
      reason: "第五条已作规定。",
    });
    expect(await answerForComment(db, mover)).toMatchObject({ decision: "already_provided" });
    await moveComment(db, C, { id: (await findUserByUsername(db, "drafter"))!.id, displayName: "drafter" }, { commentId: mover, toTopicId: topicOther });
    expect(await answerForComment(db, mover)).toBeNull();

    await post({ intent: "record", commentId: String(mover), decision: "adopted", changeMade: "第五条提高培训补贴标准" });
    expect(await answerForComment(db, mover)).toMatchObject({ decision: "adopted", source: "own" });
    await moveComment(db, C, { id: (await findUserByUsername(db, "drafter"))!.id, displayName: "drafter" }, { commentId: mover, toTopicId: topicA });
    expect(await answerForComment(db, mover)).toMatchObject({ decision: "adopted", source: "own" });
  });
});

describe("重复提交 and campaigns", () => {
  it("groups one person's copies of one text as 重复提交, not as a campaign, and gives the copy the first one's answer, saying so", async () => {
    expect(await duplicateGroups(db, C)).toEqual([{ firstId: firstCopy, duplicateIds: [secondCopy] }]);
    expect(await duplicateCards(db, C)).toEqual([
      expect.objectContaining({ first: expect.objectContaining({ id: firstCopy }), copies: [expect.objectContaining({ id: secondCopy })] }),
    ]);
    expect(await campaignCards(db, C, [])).toEqual([]);

    await post({
      intent: "opinion",
      topicId: String(topicB),
      title: "关于军属就业帮扶的意见",
      commentIds: String(firstCopy),
      decision: "adopted",
      changeMade: "第二条增加军属就业帮扶",
    });
    expect(await answerForComment(db, secondCopy)).toMatchObject({ decision: "adopted", source: "duplicate", duplicateOf: firstCopy });
    // Nobody is mailed while answering: both copies' sender hears the final answer at publication.
    const told = await raw(db).column(
      `SELECT dedupe_key FROM email_outbox WHERE kind = 'disposition' AND dedupe_key IN (?, ?)`,
      `result:${firstCopy}`,
      `result:${secondCopy}`
    );
    expect(told).toHaveLength(0);
    expect((await answersByComment(db, C)).get(secondCopy)).toMatchObject({ source: "duplicate", duplicateOf: firstCopy });
    const copyRow = (await collect(registerRows(db, C, "internal"))).find((r) => r.text.startsWith("建议第二条增加对军属的就业帮扶！"))!;
    expect(copyRow.disposition).toBe("采纳");
    expect(copyRow.reason).toContain("重复提交");
    // The packet's statistics count by the same rule as the register.
    const adoptedRows = (await collect(registerRows(db, C, "internal"))).filter((r) => r.disposition === "采纳").length;
    expect((await packetStats(db, C)).byDisposition.find((d) => d.label === "采纳")?.count).toBe(adoptedRows);
  });

  it("keeps a campaign of many senders a campaign", async () => {
    const a = await comment("本办法应当把退役军人子女入学优待写得更具体一些，便于基层执行。", [], { email: "a@example.org" });
    const b = await comment("本办法应当把退役军人子女入学优待写得更具体一些，便于基层执行。", [], { email: "b@example.org" });
    await seedAnalysis(raw(db), C, [{ label: "入学优待", commentIds: [a, b] }], [{ commentIds: [a, b], distinctSenders: 2 }]);
    expect((await campaignCards(db, C, [])).map((c) => c.distinctSenders)).toEqual([2]);
    expect((await duplicateGroups(db, C)).some((g) => g.firstId === a)).toBe(false);
  });
});

describe("the register and the status page", () => {
  it("show the comment's own answer, and 尚未答复 / 尚未处理 for a comment no opinion lists", async () => {
    const general2 = await comment("第一条立法目的表述可以更简洁。", [1]);
    await seedAnalysis(raw(db), C, [{ label: "张主任交办：创业贷款", commentIds: [general2] }]);
    const rows = await collect(registerRows(db, C, "internal"));
    const row = (fragment: string) => rows.find((r) => r.text.includes(fragment))!;
    expect(row("年龄限制过严")).toMatchObject({ disposition: "不采纳", reason: "年龄条件与国家规定一致。" });
    expect(row("贴息期限")).toMatchObject({ disposition: "部分采纳", reason: "贴息期限由省财政统一规定。\n修改情况：在第三条中增加一款" });
    expect(row("立法目的")).toMatchObject({ disposition: "尚未处理", reason: "" });

    const code = "ABCD2345";
    for (const id of [onFourth, general2]) {
      const receipt = (await raw(db).value(`SELECT receipt_no FROM comments WHERE id = ?`, id)) as string;
      await raw(db).run(`UPDATE comments SET check_code_hash = ? WHERE id = ?`, hashCheckCode(receipt, code), id);
    }
    const studied = async (id: number) => {
      const receipt = (await raw(db).value(`SELECT receipt_no FROM comments WHERE id = ?`, id)) as string;
      return (await lookupComment(db, receipt, code))!.steps.find((s) => s.label === "已研究")!;
    };
    // The answer reaches the status page once the feedback is published.
    expect(await studied(onFourth)).toEqual({ label: "已研究", state: "todo", detail: "尚未答复" });
    const before = await raw(db).value(`SELECT status FROM consultations WHERE id = ?`, C);
    await raw(db).run(`UPDATE consultations SET status = 'feedback_published' WHERE id = ?`, C);
    try {
      expect(await studied(onFourth)).toMatchObject({ label: "已研究", detail: "处理结果：不采纳。年龄条件与国家规定一致。" });
      expect(await studied(general2)).toMatchObject({ label: "已研究", detail: "尚未答复" });
    } finally {
      await raw(db).run(`UPDATE consultations SET status = ? WHERE id = ?`, before, C);
    }
  });
});

describe("public titles and the feedback page", () => {
  const publish = async () => {
    await raw(db).run(`UPDATE consultations SET status = 'feedback_published' WHERE id = ?`, C);
    const author = (await findUserByUsername(db, "drafter"))!.id;
    await raw(db).run(
      `INSERT INTO feedback_summaries (consultation_id, body, author_id, status, published_at) VALUES (?, '说明正文。', ?, 'published', ?)`,
      C,
      author,
      new Date()
    );
  };

  it("proposes a title from the label without working markers or names, and refuses the working label as a title", async () => {
    expect(proposedPublicTitle({ label: "其他（未归类）" })).toBe("其他意见");
    expect(proposedPublicTitle({ label: "培训、补贴、标准" })).toBe("培训、补贴、标准");
    expect(proposedPublicTitle({ label: "王建国、创业、贷款" })).not.toContain("王建国");
    expect(proposedPublicTitle({ label: "张主任交办：创业贷款" })).toBe("创业贷款");
    const topic = (await matrix()).topics.find((t) => t.id === topicOther)!;
    expect(topic).toMatchObject({ publicTitle: null, proposedTitle: "其他意见" });
    const refused = unwrap(await post({ intent: "title", topicId: String(topicOther), publicTitle: "其他（未归类）" }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.publicTitle).toMatch(/工作标签/);
  });

  it("never shows a working label or an unapproved title; an approved title appears once confirmed", async () => {
    await publish();
    const page = (await publicFeedback(db, C, "测试厅"))!;
    const json = JSON.stringify(page);
    for (const label of ["张主任交办", "其他（未归类）", "军属帮扶"]) expect(json).not.toContain(label);
    const third = page.answers.find((a) => a.number === 3)!;
    expect(third.items.find((i) => i.kind === "answer")).toMatchObject({ topicTitle: null, subject: "关于贴息期限的意见" });

    await raw(db).run(`UPDATE consultations SET status = 'processing' WHERE id = ?`, C);
    expect(await post({ intent: "title", topicId: String(topicA), publicTitle: "创业扶持政策" })).toBeInstanceOf(Response);
    await raw(db).run(`UPDATE consultations SET status = 'feedback_published' WHERE id = ?`, C);
    const after = (await publicFeedback(db, C, "测试厅"))!;
    expect(after.answers.find((a) => a.number === 3)!.items.find((i) => i.kind === "answer")).toMatchObject({ topicTitle: "创业扶持政策" });
    expect(JSON.stringify(after)).not.toContain("张主任交办");
  });

  it("lists every article with its count and answers or a link, counts a comment on several articles under each, and the totals add up", async () => {
    const page = (await publicFeedback(db, C, "测试厅"))!;
    expect(page.answers.map((a) => a.label)).toEqual(["第一条", "第二条", "第三条", "第四条", "第五条", "总体意见（未涉及具体条款）"]);
    const byNumber = (n: number | null) => page.answers.find((a) => a.number === n)!;
    expect(byNumber(3).commentCount).toBe(2); // onThird, onBoth
    expect(byNumber(4).commentCount).toBe(3); // onFourth, onBoth, unlisted
    // The opinion on 第三条 is printed under 第三条; 第四条's comment it answers (onBoth) links there.
    const link = byNumber(4).items.find((i) => i.kind === "link")!;
    const home = byNumber(3).items.find((i) => i.kind === "answer")!;
    expect(link).toMatchObject({ count: 1, homeLabel: "第三条", anchor: home.anchor });
    // Within each article, the answers and the unanswered add up to its count.
    for (const a of page.answers) {
      const carried = a.items.reduce((n, i) => n + i.count, 0);
      expect(carried + a.unanswered).toBe(a.commentCount);
    }
    const t = page.totals;
    expect(t.onArticles + t.general).toBe(t.comments);
    expect(t.answered + t.unanswered).toBe(t.comments);
    expect(t.multiArticle).toBe(1);
    expect(page.answers.reduce((n, a) => n + a.commentCount, 0)).toBe(t.articleCountSum + t.general);
    expect(t.articleCountSum).toBe(t.onArticles + 1);
    expect(page.perDisposition.reduce((n, d) => n + d.count, 0) + page.undecided).toBe(t.comments);
    expect(byNumber(1).items).toEqual([]);
    expect(byNumber(2).items).toEqual([expect.objectContaining({ kind: "answer", count: 2, duplicates: 1 })]);
  });
});
