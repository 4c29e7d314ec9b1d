import { Form } from "@remix-run/react";
import { toChineseNumeral } from "~/engine/chinese-numerals";
import { COMMENTS_ARTICLE_PARAM, COMMENTS_IDENTITY_PARAM, COMMENTS_QUERY_PARAM, MAX_COMMENTS_QUERY_LENGTH, publicCommentsHref } from "~/features/comments";
import type { PublicCommentsPage } from "~/features/comments/index.server";
import { highlight, parseQuery } from "~/features/search";
import { formatDate, isoInstant } from "~/platform/dates";
import { KEEP_INTENT, KeepLink, useKeepFormId } from "./keep-form";
import { Pagination } from "./pagination";
import { Highlighted } from "./search-result";

const articleLabel = (n: number) => `第${toChineseNumeral(n)}条`;

/*
 * `?carticle=5&cidentity=军属&cq=贷款&cpage=2#comments`: paging keeps the filters and lands on the
 * list. The article filter is not `article`, which preselects an article in the comment form:
 * reading an article's comments is not choosing to comment on it.
 */
export { COMMENTS_ARTICLE_PARAM, publicCommentsHref };

/**
 * Filters over the published comments: identity categories as links, words in a GET form. Without
 * JavaScript, while the page holds the comment form, the words go along with that form's text
 * (intent=keep) so nothing typed there is lost; the page's action answers with the filtered list.
 */
function CommentFilters({ data, typed, error }: { data: PublicCommentsPage; typed: string; error: string | null }) {
  const { article, identity, q, identities } = data;
  const keepFormId = useKeepFormId();
  const kept = keepFormId ? { form: keepFormId } : {};
  return (
    <div className="public-comments-filters">
      {identities.length > 1 ? (
        <nav aria-label="按身份类别筛选公开的意见" className="keyword-links">
          <span>按身份：</span>
          <ul>
            <li>
              <KeepLink to={publicCommentsHref(1, { article, q })} aria-current={identity ? undefined : "page"}>
                全部
              </KeepLink>
            </li>
            {identities.map((i) => (
              <li key={i.label}>
                <KeepLink to={publicCommentsHref(1, { article, q, identity: i.label })} aria-current={identity === i.label ? "page" : undefined}>
                  {i.label}（{i.count}）
                </KeepLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Form method="get" action="#comments" role="search" aria-labelledby="comments-q-label" preventScrollReset>
        <label id="comments-q-label" htmlFor="comments-q">
          搜索公开的意见
        </label>
        <div className="search-row">
          <input
            type="search"
            id="comments-q"
            name={COMMENTS_QUERY_PARAM}
            defaultValue={typed}
            maxLength={MAX_COMMENTS_QUERY_LENGTH}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "comments-q-error" : undefined}
            {...kept}
          />
          {/* Kept, the other filters ride in the address the button posts to. */}
          {article && !keepFormId ? <input type="hidden" name={COMMENTS_ARTICLE_PARAM} value={article} /> : null}
          {identity && !keepFormId ? <input type="hidden" name={COMMENTS_IDENTITY_PARAM} value={identity} /> : null}
          {keepFormId ? (
            <button
              type="submit"
              form={keepFormId}
              formAction={publicCommentsHref(1, { article, identity }, true)}
              formMethod="post"
              name="intent"
              value={KEEP_INTENT}
              formNoValidate
              className="button secondary"
            >
              搜索意见
            </button>
          ) : (
            <button type="submit" className="button secondary">
              搜索意见
            </button>
          )}
        </div>
        {error ? (
          <p id="comments-q-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </Form>
    </div>
  );
}

/**
 * The approved comments on a consultation's page, newest first. Only published (redacted) texts
 * reach this component; which name to show was decided on the server from the author's choice.
 */
export function PublicComments({ data, typed, error = null }: { data: PublicCommentsPage; typed?: string; error?: string | null }) {
  const { comments, received, shown, matching, article, identity, q, page, pageCount } = data;
  const filter = { article, identity, q };
  const words = parseQuery(q).map((t) => t.text);
  return (
    <section id="comments" className="public-comments" aria-labelledby="comments-title">
      <h2 id="comments-title">公开的意见</h2>
      <p>
        共收到意见 <strong>{received}</strong> 条，其中公开 <strong>{shown}</strong> 条。
      </p>
      <p className="hint">意见经审核后公开，个人信息已隐去。提出人选择不公开的意见不在此显示，但计入意见总数并同样研究处理。</p>
      {shown > 0 ? <CommentFilters data={data} typed={typed ?? q} error={error} /> : null}
      {article || identity || q ? (
        <p className="public-comments-filter" role="status">
          正在显示
          {article ? (
            <>
              对<a href={`#article-${article}`}>{articleLabel(article)}</a>
            </>
          ) : null}
          {identity ? `身份为“${identity}”` : ""}
          {q ? `包含“${q}”` : ""}的公开意见 {matching} 条。 <KeepLink to={publicCommentsHref(1, {})}>查看全部公开意见</KeepLink>
        </p>
      ) : null}
      {comments.length === 0 ? (
        <p className="no-results">{identity || q ? "没有符合条件的公开意见。" : article ? "该条款暂无公开的意见。" : "暂无公开的意见。"}</p>
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
                <p className="public-comment-text">{words.length ? <Highlighted segments={highlight(c.text, words)} /> : c.text}</p>
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
      {matching > comments.length || page > 1 ? <Pagination page={page} pageCount={pageCount} href={(p) => publicCommentsHref(p, filter)} /> : null}
    </section>
  );
}

/** "3 条公开意见" beside an article, linking to that article's comments; nothing when there are none. */
export function ArticleCommentCount({ article, count }: { article: number; count: number | undefined }) {
  if (!count) return null;
  return (
    <KeepLink className="article-comment-count" to={publicCommentsHref(1, { article })}>
      {count} 条公开意见<span className="visually-hidden">（{articleLabel(article)}）</span>
    </KeepLink>
  );
}
