import { toChineseNumeral } from "~/analysis/chinese-numerals";
import type { PublicCommentsPage } from "~/models/public-comments.server";
import { formatDate, isoInstant } from "~/utils/dates";
import { KeepLink } from "./keep-form";
import { Pagination } from "./pagination";

const articleLabel = (n: number) => `第${toChineseNumeral(n)}条`;

/**
 * `?carticle=5&cpage=2#comments`: paging keeps the article filter, and lands on the list. The
 * filter is not `article`, which preselects an article in the comment form: reading an article's
 * comments is not choosing to comment on it.
 */
export const COMMENTS_ARTICLE_PARAM = "carticle";

export function publicCommentsHref(page: number, article: number | null): string {
  const params = new URLSearchParams();
  if (article) params.set(COMMENTS_ARTICLE_PARAM, String(article));
  if (page > 1) params.set("cpage", String(page));
  return `?${params}#comments`;
}

/**
 * The approved comments on a consultation's page, newest first. Only published (redacted) texts
 * reach this component; which name to show was decided on the server from the author's choice.
 */
export function PublicComments({ data }: { data: PublicCommentsPage }) {
  const { comments, received, shown, matching, article, page, pageCount } = data;
  return (
    <section id="comments" className="public-comments" aria-labelledby="comments-title">
      <h2 id="comments-title">公开的意见</h2>
      <p>
        共收到意见 <strong>{received}</strong> 条，其中公开 <strong>{shown}</strong> 条。
      </p>
      <p className="hint">意见经审核后公开，个人信息已隐去。提出人选择不公开的意见不在此显示，但计入意见总数并同样研究处理。</p>
      {article ? (
        <p className="public-comments-filter">
          正在显示对<a href={`#article-${article}`}>{articleLabel(article)}</a>的公开意见 {matching} 条。{" "}
          <KeepLink to={publicCommentsHref(1, null)}>查看全部公开意见</KeepLink>
        </p>
      ) : null}
      {comments.length === 0 ? (
        <p className="no-results">{article ? "该条款暂无公开的意见。" : "暂无公开的意见。"}</p>
      ) : (
        <ol className="public-comment-list">
          {comments.map((c) => (
            <li key={c.id}>
              <article className="public-comment" aria-label={`${c.author}的意见`}>
                <p className="meta">
                  <span>
                    {c.author}
                    {c.detail ? `（${c.detail}）` : ""}
                  </span>
                  <time dateTime={isoInstant(c.receivedAt)}>{formatDate(c.receivedAt)}</time>
                  <span>
                    {c.articles.length ? (
                      <>
                        涉及：
                        {c.articles.map((n, i) => (
                          <span key={n}>
                            {i > 0 ? "、" : ""}
                            <a href={`#article-${n}`}>{articleLabel(n)}</a>
                          </span>
                        ))}
                      </>
                    ) : (
                      "对征求意见稿整体"
                    )}
                  </span>
                </p>
                <p className="public-comment-text">{c.text}</p>
                {c.attachments.length ? (
                  <ul className="attachment-list" aria-label="意见附件">
                    {c.attachments.map((f) => (
                      <li key={f.id}>
                        <a href={f.href} download>
                          {f.filename}
                        </a>
                        （{f.size}）
                      </li>
                    ))}
                  </ul>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      {matching > comments.length || page > 1 ? (
        <Pagination page={page} pageCount={pageCount} href={(p) => publicCommentsHref(p, article)} />
      ) : null}
    </section>
  );
}

/** "3 条公开意见" beside an article, linking to that article's comments; nothing when there are none. */
export function ArticleCommentCount({ article, count }: { article: number; count: number | undefined }) {
  if (!count) return null;
  return (
    <KeepLink className="article-comment-count" to={publicCommentsHref(1, article)}>
      {count} 条公开意见<span className="visually-hidden">（{articleLabel(article)}）</span>
    </KeepLink>
  );
}
