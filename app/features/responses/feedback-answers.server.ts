// 逐条答复 on the public feedback page: every article of the draft (and 总体意见) with how many
// comments concern it and the answer each of them carries. An answer is printed once, under the
// article it names (its "home"; when it names none, the article at least half its comments name,
// else 总体意见); every other article whose comments it answers links to it. A comment on several articles counts under each, and the totals say so.
// Only staff-written text reaches this page: opinion points, reasons, changes, and approved topic
// titles (topic-titles.ts), all passed through the publication screen; never a working label.
import { raw, type Db } from "~db/client.server";
import type { Disposition } from "~db/vocabulary";
import { latestArticles } from "~/features/consultations/index.server";
import { answersByComment, type CommentAnswer } from "./comment-answers.server";
import { screenGenerated } from "~/features/comments/index.server";
import { publishedTopicTitle } from "~/features/analysis";

export interface PublishedAnswer {
  kind: "answer";
  anchor: string;
  /** The approved topic title, or null when the topic has none approved (then no title is shown). */
  topicTitle: string | null;
  subject: string;
  decision: Disposition;
  reason: string;
  changeMade: string | null;
  /** Comments on this article that carry this answer. */
  count: number;
  /** All comments that carry it, on any article. */
  total: number;
  /** Of `total`, repeats of an earlier submission by the same person. */
  duplicates: number;
}

export interface AnswerLink {
  kind: "link";
  anchor: string;
  subject: string;
  homeLabel: string;
  count: number;
}

export interface ArticleAnswers {
  id: string;
  number: number | null;
  label: string;
  commentCount: number;
  items: Array<PublishedAnswer | AnswerLink>;
  unanswered: number;
}

export interface FeedbackTotals {
  comments: number;
  onArticles: number;
  general: number;
  multiArticle: number;
  /** The sum of the per-article counts: onArticles plus one for each further article a comment names. */
  articleCountSum: number;
  answered: number;
  unanswered: number;
}

const GENERAL = "总体意见（未涉及具体条款）";
const screen = (text: string) => screenGenerated(text).text;

interface Block {
  key: string;
  anchor: string;
  home: number | null;
  topicTitle: string | null;
  subject: string;
  decision: Disposition;
  reason: string;
  changeMade: string | null;
  total: number;
  duplicates: number;
  /** Whether staff named the article; if not, the one at least half its comments name becomes its home. */
  named: boolean;
  tally: Map<number, number>;
}

export async function articleAnswers(db: Db, consultationId: number): Promise<{ articles: ArticleAnswers[]; totals: FeedbackTotals }> {
  const articles = await latestArticles(db, consultationId);
  const known = new Set(articles.map((a) => a.identityId));
  const answers = await answersByComment(db, consultationId);
  const titles = new Map(
    (
      (await raw(db).all(`SELECT id, label, public_title AS "publicTitle" FROM topics WHERE consultation_id = ?`, consultationId)) as Array<{
        id: number;
        label: string;
        publicTitle: string | null;
      }>
    ).map((t) => [t.id, publishedTopicTitle(t)])
  );
  // What the commenter or staff said a comment concerns; the engine's inferred guesses are not published as fact.
  const links = new Map<number, number[]>();
  const linkRows = await raw(db).all<{ commentId: number; identityId: number }>(
    `SELECT l.comment_id AS "commentId", l.article_identity_id AS "identityId" FROM comment_articles l
       JOIN comments c ON c.id = l.comment_id WHERE c.consultation_id = ? AND l.source <> 'inferred'`,
    consultationId
  );
  for (const l of linkRows) if (known.has(l.identityId)) links.set(l.commentId, [...(links.get(l.commentId) ?? []), l.identityId]);

  // Identical own answers (one reason given to several comments alone) print once.
  const blocks = new Map<string, Block>();
  const blockOf = (a: CommentAnswer): Block => {
    const home = a.articleIdentityId !== null && known.has(a.articleIdentityId) ? a.articleIdentityId : null;
    const key = a.title === null && a.topicId === null ? `own:${home}:${a.decision}:${a.reason}:${a.changeMade ?? ""}` : `opinion:${a.dispositionId}`;
    let block = blocks.get(key);
    if (!block) {
      const topicTitle = a.topicId !== null ? titles.get(a.topicId) ?? null : null;
      const subject = a.topicId === null ? "个别意见" : a.title?.trim() || topicTitle || "相关意见";
      block = {
        key,
        anchor: `answer-${blocks.size + 1}`,
        home,
        topicTitle,
        subject,
        decision: a.decision,
        reason: a.reason,
        changeMade: a.changeMade,
        total: 0,
        duplicates: 0,
        named: home !== null,
        tally: new Map(),
      };
      blocks.set(key, block);
    }
    return block;
  };

  const perArticle = new Map<number | null, { count: number; unanswered: number; byBlock: Map<string, number> }>();
  const slot = (id: number | null) => {
    let s = perArticle.get(id);
    if (!s) perArticle.set(id, (s = { count: 0, unanswered: 0, byBlock: new Map() }));
    return s;
  };
  const totals: FeedbackTotals = { comments: 0, onArticles: 0, general: 0, multiArticle: 0, articleCountSum: 0, answered: 0, unanswered: 0 };
  const ids = await raw(db).column<number>(`SELECT id FROM comments WHERE consultation_id = ?`, consultationId);
  for (const id of ids) {
    const on = [...new Set(links.get(id) ?? [])];
    const answer = answers.get(id);
    const block = answer ? blockOf(answer) : null;
    if (block) {
      block.total++;
      if (answer?.source === "duplicate") block.duplicates++;
      for (const article of on) block.tally.set(article, (block.tally.get(article) ?? 0) + 1);
    }
    totals.comments++;
    if (block) totals.answered++;
    else totals.unanswered++;
    if (on.length === 0) totals.general++;
    else totals.onArticles++;
    if (on.length > 1) totals.multiArticle++;
    totals.articleCountSum += on.length;
    for (const article of on.length ? on : [null]) {
      const s = slot(article);
      s.count++;
      if (block) s.byBlock.set(block.key, (s.byBlock.get(block.key) ?? 0) + 1);
      else s.unanswered++;
    }
  }

  for (const b of blocks.values()) {
    if (b.named) continue;
    const [top] = [...b.tally].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    if (top && top[1] * 2 >= b.total) b.home = top[0];
  }

  const entries: Array<{ id: number | null; number: number | null; label: string }> = [
    ...articles.map((a) => ({ id: a.identityId, number: a.number, label: a.label })),
    { id: null, number: null, label: GENERAL },
  ];
  const labelOf = new Map(entries.map((e) => [e.id, e.label]));
  const publish = (b: Block, count: number): PublishedAnswer => ({
    kind: "answer",
    anchor: b.anchor,
    topicTitle: b.topicTitle === null ? null : screen(b.topicTitle),
    subject: screen(b.subject),
    decision: b.decision,
    reason: screen(b.reason),
    changeMade: b.changeMade === null ? null : screen(b.changeMade),
    count,
    total: b.total,
    duplicates: b.duplicates,
  });
  const out = entries.map((e): ArticleAnswers => {
    const s = perArticle.get(e.id) ?? { count: 0, unanswered: 0, byBlock: new Map<string, number>() };
    const homed = [...blocks.values()].filter((b) => b.home === e.id).map((b) => publish(b, s.byBlock.get(b.key) ?? 0));
    const linked = [...s.byBlock]
      .map(([key, count]) => ({ b: blocks.get(key)!, count }))
      .filter(({ b }) => b.home !== e.id)
      .map(({ b, count }): AnswerLink => ({ kind: "link", anchor: b.anchor, subject: screen(b.subject), homeLabel: labelOf.get(b.home) ?? GENERAL, count }));
    return {
      id: e.number !== null ? `answer-article-${e.number}` : "answer-general",
      number: e.number,
      label: e.label,
      commentCount: s.count,
      items: [...homed, ...linked],
      unanswered: s.unanswered,
    };
  });
  return { articles: out, totals };
}
