import { Link } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { MIN_COMMENTS_FOR_TOPICS } from "~/engine/small-consultation";
import { ARTICLE_SOURCE_LABELS, STANCE_LABELS, workspaceSearch, type WorkspaceFilters } from "~/features/analysis";
import { STANCES } from "~db/vocabulary";
import { CommentItem } from "./comment-item";
import type { Reply } from "./edit.server";
import type { ViewData } from "~/features/analysis/index.server";

type ArticlesView = Extract<ViewData, { kind: "articles" }>;
const SOURCES = ["commenter", "detected", "inferred", "staff"] as const;

/**
 * Articles ranked by how many comments concern them, with where that link came from; choosing an article
 * lists its comments, each article tag saying whether the commenter chose it, the text names it or the
 * analysis inferred it.
 */
export function ArticleView({ filters, view, canEdit, reply }: { filters: WorkspaceFilters; view: ArticlesView; canEdit: boolean; reply?: Reply }) {
  const { ranking, comments } = view;
  const current = ranking.ranked.find((a) => a.number === filters.article);
  const tooFew = "tooFewForTopics" in view && view.tooFewForTopics;
  return (
    <section aria-labelledby="articles-title">
      {tooFew ? (
        <div className="alert warning" role="status">
          <p>意见不足 {MIN_COMMENTS_FOR_TOPICS} 条，暂不划分主题；以下按条款和原文列出。</p>
        </div>
      ) : null}
      <h2 id="articles-title">按条款</h2>
      <p className="hint">
        “提出人选择”是提出人提交时勾选的条款；“正文提及”是意见正文写明的条款；“推断”是分析根据内容判断最可能涉及的条款，注明可信度，仅供参考，请核对后确认或改正，下次分析将据此调整。一条意见可涉及多个条款。
      </p>
      <div className="table-wrap">
        <table>
          <caption>各条款的意见数（按意见数从多到少排列）</caption>
          <thead>
            <tr>
              <th scope="col">排名</th>
              <th scope="col">条款</th>
              <th scope="col">意见数</th>
              {SOURCES.map((s) => (
                <th key={s} scope="col">
                  {ARTICLE_SOURCE_LABELS[s]}
                </th>
              ))}
              <StanceHeads />
            </tr>
          </thead>
          <tbody>
            {ranking.ranked.map((a, i) => (
              <tr key={a.number} aria-current={a.number === filters.article ? "true" : undefined}>
                <td>{i + 1}</td>
                <th scope="row">
                  <Link to={workspaceSearch(filters, { view: "articles", article: a.number, page: 1 })}>{a.label}</Link>
                </th>
                <td>{a.total}</td>
                {SOURCES.map((s) => (
                  <td key={s}>{a.bySource[s]}</td>
                ))}
                <StanceCells counts={a.stances} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>未涉及具体条款的整体意见：{ranking.general} 条。</p>
      {filters.article && comments ? (
        <section aria-labelledby="article-comments-title">
          <h3 id="article-comments-title">
            {current?.label ?? view.options.articles.find((a) => a.number === filters.article)?.label ?? `第${filters.article}条`}的意见（{comments.total} 条）
          </h3>
          <p>
            <Link to={workspaceSearch(filters, { article: undefined, page: 1 })}>查看全部条款</Link>
          </p>
          {"digest" in view && view.digest ? <ArticleDigestView digest={view.digest} /> : null}
          {comments.items.length === 0 ? <p className="no-results">没有符合条件的意见。</p> : null}
          {comments.items.map((item) => (
            <CommentItem
              key={item.id}
              item={item}
              topics={view.topics}
              canEdit={false}
              canCorrectArticles={canEdit}
              articles={view.options.articles}
              reply={reply?.commentId === item.id ? reply : undefined}
              showTopic
              highlightArticle={filters.article}
            />
          ))}
          <Pagination page={comments.page} pageCount={comments.pageCount} href={(p) => workspaceSearch(filters, { page: p })} />
        </section>
      ) : null}
      {tooFew && !filters.article && comments ? (
        <section aria-labelledby="all-comments-title">
          <h3 id="all-comments-title">全部意见原文（{comments.total} 条）</h3>
          {comments.items.length === 0 ? <p className="no-results">没有符合条件的意见。</p> : null}
          {comments.items.map((item) => (
            // Too few for machine topics: staff may set comments apart into topics of their own here.
            <CommentItem
              key={item.id}
              item={item}
              topics={view.topics}
              canEdit={canEdit}
              articles={view.options.articles}
              reply={reply?.values.commentId === String(item.id) ? reply : undefined}
              showTopic
            />
          ))}
          <Pagination page={comments.page} pageCount={comments.pageCount} href={(p) => workspaceSearch(filters, { page: p })} />
        </section>
      ) : null}
    </section>
  );
}

type Digest = NonNullable<Extract<ArticlesView, { digest: unknown }>["digest"]>;

/** What the article's comments say: stances (a campaign counted once), then the distinct arguments with quotes. */
function ArticleDigestView({ digest }: { digest: Digest }) {
  const letters = digest.campaigns.reduce((n, c) => n + c.size, 0);
  return (
    <section aria-labelledby="article-digest-title" className="article-digest">
      <h4 id="article-digest-title">意见概要</h4>
      <div className="table-wrap">
        <table>
          <caption>对本条的态度（同一模板来信计为 1 条）</caption>
          <thead>
            <tr>
              <StanceHeads />
            </tr>
          </thead>
          <tbody>
            <tr>
              <StanceCells counts={digest.stances} />
            </tr>
          </tbody>
        </table>
      </div>
      {digest.campaigns.length ? (
        <p>
          其中 {digest.campaigns.length} 组同一模板来信，共 {letters} 封，每组计为 1 条：
          {digest.campaigns.map((c) => `${STANCE_LABELS[c.stance]} ${c.size} 封`).join("；")}。
        </p>
      ) : null}
      <h4>主要论点（按话题）</h4>
      <ol className="argument-groups">
        {digest.groups.map((g) => (
          <li key={g.topicId ?? "none"}>
            <p>
              <strong>{g.label}</strong>（{g.size} 条{g.voices !== g.size ? `，计 ${g.voices} 条` : ""}）
            </p>
            {g.quotes.map((q) => (
              <blockquote key={q.id}>
                <p>{q.text}</p>
                <footer>意见编号 {digest.receipts[q.id]}</footer>
              </blockquote>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A column per stance, in one order for every table of this view. */
function StanceHeads() {
  return STANCES.map((s) => (
    <th key={s} scope="col">
      {STANCE_LABELS[s]}
    </th>
  ));
}

function StanceCells({ counts }: { counts: Record<(typeof STANCES)[number], number> }) {
  return STANCES.map((s) => <td key={s}>{counts[s]}</td>);
}
