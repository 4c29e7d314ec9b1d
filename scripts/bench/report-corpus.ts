// The benchmark's consultation: a closed one with `size` comments made by recombining the sentences
// of the demo's comments, on the demo's 22-article draft, with a finished analysis (eight topics,
// one form-letter campaign), answers for six topics and a few comments answered on their own.
// Inserted with prepared statements in one transaction.
import { parseDraft } from "~/engine/draft-parser";
import { seededRandom, type Random } from "~/engine/prng";
import { insertDraftVersion } from "~/features/consultations/draft.server";
import { raw, type Db } from "~db/client.server";
import { closedConsultation, openConsultation } from "~db/seed/demo-content";
import type { Disposition } from "~db/vocabulary";

const DAY = 86_400_000;
const NAMES = ["王建国", "李红梅", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴霞"];
const ORGANISATIONS = ["沈阳市老兵之家志愿服务协会", "大连海晟物流有限公司", "鞍山市退役军人就业促进会", null, null, null];
const IDENTITIES = ["退役军人", "退役军人", "退役军人", "军属", "企业", "社会组织", "其他群众"];
const CHANNELS = ["web", "web", "web", "web", "web", "web", "email", "letter", "phone", "meeting"] as const;
const ANSWERS: Array<[Disposition, string]> = [
  ["adopted", "已采纳，在相应条款中予以明确。"],
  ["partly_adopted", "部分采纳，具体标准由主管部门另行规定。"],
  ["not_adopted", "国家已有统一规定，地方规章不宜作出不同规定。"],
  ["already_provided", "现行条款已有规定，将在解读中予以说明。"],
  ["out_of_scope", "不属于本办法调整范围，已转有关部门研究。"],
  ["adopted", "已采纳，增加相应表述。"],
];

function sentences(): string[] {
  const all = new Set<string>();
  for (const c of [...openConsultation.comments, ...closedConsultation.comments]) {
    if (c.note === "spam" || c.note === "pii") continue; // no advertising, no personal data in the corpus
    for (const s of c.text.split(/(?<=[。！？!?；;])/)) if (s.trim().length >= 4) all.add(s.trim());
  }
  return [...all];
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

export interface BenchConsultation {
  consultationId: number;
  authorId: number;
}

export async function buildReportConsultation(db: Db, size: number, now = new Date(), seed = 11): Promise<BenchConsultation> {
  const random = seededRandom(seed);
  const pool = sentences();
  const author = (await raw(db).get(`SELECT id, division_id AS divisionId FROM users WHERE username = 'drafter'`)) as { id: number; divisionId: number };
  const opensAt = now.getTime() - 40 * DAY;
  const closesAt = now.getTime() - 10 * DAY;
  const consultationId = Number(
    (
      await raw(db).run(
        `INSERT INTO consultations (title, doc_type, summary, division_id, author_id, status, basis, opens_at, closes_at, published_at)
         VALUES (?, 'rule', '性能测试', ?, ?, 'published', '性能测试', ?, ?, ?)`,
        "辽宁省退役军人就业创业促进办法（征求意见稿·十万条意见测试）",
        author.divisionId,
        author.id,
        opensAt,
        closesAt,
        opensAt - DAY
      )
    ).lastInsertRowid
  );
  const { articleIdentities } = await db.transaction((tx) =>
    insertDraftVersion(
      tx,
      { consultationId, label: "征求意见稿", sourceText: openConsultation.draft, createdBy: author.id },
      parseDraft(openConsultation.draft)
    )
  );
  const articles = [...articleIdentities.values()];
  const campaignText = `我是一名退役军人，对${openConsultation.title}第十条提出意见：建议明确年龄放宽的具体幅度，并公开定向招录岗位的数量和条件。`;

  const sql = db.$client;
  const insertComment = sql.prepare(
    `INSERT INTO comments (consultation_id, receipt_no, check_code_hash, body, body_normalized, published_body, name, organisation,
       identity_category, email, publish_preference, channel, received_at, moderation_status, reject_reason, moderated_at)
     VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const insertArticle = sql.prepare(`INSERT OR IGNORE INTO comment_articles (comment_id, article_identity_id, source) VALUES (?, ?, ?)`);
  const insertAnalysis = sql.prepare(`INSERT INTO comment_analysis (comment_id, run_id, topic_id, campaign_id) VALUES (?, ?, ?, ?)`);
  sql.transaction(() => {
    const runId = Number(
      sql.prepare(`INSERT INTO analysis_runs (consultation_id, status, progress, comment_count) VALUES (?, 'done', 1, ?)`).run(consultationId, size)
        .lastInsertRowid
    );
    const topicIds = Array.from({ length: 8 }, (_, i) =>
      Number(
        sql.prepare(`INSERT INTO topics (consultation_id, run_id, label, keywords) VALUES (?, ?, ?, '[]')`).run(consultationId, runId, `主题${i + 1}`)
          .lastInsertRowid
      )
    );
    let campaignId: number | null = null;
    const ids: number[] = [];
    for (let i = 0; i < size; i++) {
      const inCampaign = i % 50 === 7; // 2% form letters
      const body = inCampaign ? campaignText : Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, pool)).join("");
      const named = random() < 0.3;
      const status = random() < 0.9 ? "approved" : random() < 0.5 ? "rejected" : "pending";
      const received = opensAt + Math.floor((i / size) * (closesAt - opensAt));
      const id = Number(
        insertComment.run(
          consultationId,
          `BENCH-${consultationId}-${i}`,
          body,
          body.normalize("NFKC"),
          status === "approved" ? body : null,
          named ? pick(random, NAMES) : null,
          named ? pick(random, ORGANISATIONS) : null,
          pick(random, IDENTITIES),
          random() < 0.2 ? `user${i}@example.com` : null,
          named ? "named" : random() < 0.9 ? "anonymous" : "private",
          pick(random, CHANNELS),
          received,
          status,
          status === "rejected" ? "off_topic" : null,
          status === "pending" ? null : received + 3_600_000
        ).lastInsertRowid
      );
      ids.push(id);
      for (let k = Math.floor(random() * 3); k > 0; k--) insertArticle.run(id, pick(random, articles), random() < 0.7 ? "commenter" : "detected");
      if (inCampaign && campaignId === null) {
        campaignId = Number(
          sql
            .prepare(`INSERT INTO campaigns (consultation_id, run_id, representative_comment_id, size, distinct_senders) VALUES (?, ?, ?, ?, ?)`)
            .run(consultationId, runId, id, Math.ceil(size / 50), Math.ceil(size / 60)).lastInsertRowid
        );
      }
      insertAnalysis.run(id, runId, topicIds[i % topicIds.length], inCampaign ? campaignId : null);
    }
    const answer = sql.prepare(
      `INSERT INTO dispositions (consultation_id, topic_id, comment_id, decision, reason, change_made, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?)`
    );
    const opinionIds = ANSWERS.map(([decision, reason], i) =>
      Number(answer.run(consultationId, topicIds[i], null, decision, reason, decision === "adopted" ? "增加一款" : null, author.id).lastInsertRowid)
    );
    // Each opinion answers the comments its topic holds, listed explicitly.
    const list = sql.prepare(`INSERT INTO opinion_comments (comment_id, disposition_id) SELECT comment_id, ? FROM comment_analysis WHERE topic_id = ?`);
    opinionIds.forEach((opinionId, i) => list.run(opinionId, topicIds[i]));
    const overridden = new Set(Array.from({ length: Math.min(50, size) }, () => pick(random, ids)));
    for (const id of overridden) answer.run(consultationId, null, id, "not_adopted", "个别意见，不予采纳。", null, author.id);
  })();
  return { consultationId, authorId: author.id };
}
