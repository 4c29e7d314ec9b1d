// GET /api/v1/consultations/:id/comments and /feedback: the published comments and the published
// answers, in the v1 shapes (fields are only ever added; see docs/api.md). Everything comes from
// the same functions as the public pages, so the API can never show more than they do.
import { z } from "zod";
import { raw, type Db } from "~db/client.server";
import { CHANNEL_LABELS, DISPOSITION_LABELS, MAX_COMMENTS_QUERY_LENGTH } from "~/features/comments";
import { articleLabel } from "~/features/search";
import { publicFeedback } from "~/features/responses/index.server";
import { listPublicComments } from "~/features/comments/index.server";
import type { ParameterProblem } from "./syndication-params";
import { getPublicConsultationRecord } from "./syndication-query.server";
import { consultationApiUrl, consultationUrl, feedbackUrl, isoShanghai, type PageMeta } from "./syndication.server";

export const MAX_COMMENTS_PER_PAGE = 100;
export const DEFAULT_COMMENTS_PER_PAGE = 20;
const MAX_PAGE = 1_000_000;

const MESSAGES = {
  page: `page 必须是 1 到 ${MAX_PAGE} 之间的整数。`,
  per_page: `per_page 必须是 1 到 ${MAX_COMMENTS_PER_PAGE} 之间的整数。`,
  article: "article 必须是条文序号（正整数），例如 15 表示第十五条。",
  identity: "identity 不能超过 40 个字符。",
  q: `q 不能超过 ${MAX_COMMENTS_QUERY_LENGTH} 个字符。`,
} as const;

const integer = (message: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, { error: message })
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, { error: message });

export const CommentListParamsSchema = z.object({
  page: integer(MESSAGES.page, MAX_PAGE).default(1),
  per_page: integer(MESSAGES.per_page, MAX_COMMENTS_PER_PAGE).default(DEFAULT_COMMENTS_PER_PAGE),
  article: integer(MESSAGES.article, 9999).optional(),
  identity: z.string().trim().max(40, { error: MESSAGES.identity }).optional(),
  q: z.string().trim().max(MAX_COMMENTS_QUERY_LENGTH, { error: MESSAGES.q }).optional(),
});
type CommentListParams = z.infer<typeof CommentListParamsSchema>;

export function parseCommentListParams(
  searchParams: URLSearchParams
): { ok: true; params: CommentListParams } | { ok: false; message: string; details: ParameterProblem[] } {
  const raw = Object.fromEntries(
    Object.keys(CommentListParamsSchema.shape).flatMap((key) => {
      const value = searchParams.get(key);
      return value === null || value === "" ? [] : [[key, value]];
    })
  );
  const result = CommentListParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  const details = [...new Set(result.error.issues.map((i) => String(i.path[0])))].map((parameter) => ({
    parameter,
    message: MESSAGES[parameter as keyof typeof MESSAGES] ?? "参数无效。",
  }));
  const message = details.length === 1 ? `请求参数有误：${details[0].message}` : `请求参数有误（共 ${details.length} 项），详见 details。`;
  return { ok: false, message, details };
}

export type CommentsBody =
  | { ok: true; body: object; lastModified: Date }
  | { ok: false; status: 404; code: "not_found" | "comments_not_public"; message: string };

/** One page of a public consultation's published comments, as the consultation's page shows them. */
export async function commentListBody(db: Db, id: number, params: CommentListParams, baseUrl: string, now = new Date()): Promise<CommentsBody> {
  const record = await getPublicConsultationRecord(db, id, now);
  if (!record) return { ok: false, status: 404, code: "not_found", message: "未找到该征求意见。" };
  const shows = await raw(db).value("SELECT show_comments FROM consultations WHERE id = ?", id);
  if (!shows) return { ok: false, status: 404, code: "comments_not_public", message: "该征求意见不公开意见内容；意见的数量见 comment_count。" };

  const list = await listPublicComments(db, id, {
    article: params.article,
    identity: params.identity,
    q: params.q,
    page: params.page,
    pageSize: params.per_page,
  });
  const meta: PageMeta = { page: params.page, per_page: params.per_page, total: list.matching, total_pages: Math.ceil(list.matching / params.per_page) };
  // listPublicComments shows its last page for one past the end; the API answers an empty page.
  const comments = params.page > list.pageCount ? [] : list.comments;
  const href = (page: number) => {
    const query = new URLSearchParams();
    if (list.article) query.set("article", String(list.article));
    if (list.identity) query.set("identity", list.identity);
    if (list.q) query.set("q", list.q);
    query.set("page", String(page));
    query.set("per_page", String(params.per_page));
    return `${consultationApiUrl(baseUrl, id)}/comments?${query}`;
  };
  const body = {
    data: comments.map((c) => ({
      id: c.id,
      url: `${consultationUrl(baseUrl, id)}#comments`,
      received_at: isoShanghai(c.receivedAt),
      published_text: c.text,
      display_name: c.author,
      published_name: c.name,
      published_organisation: c.organisation,
      identity_category: c.identity,
      articles: c.articles.map((n) => ({ number: n, label: articleLabel(n) })),
      attachments: c.attachments.map((f) => ({ filename: f.filename, size: f.size, url: `${baseUrl}${f.href}` })),
    })),
    meta: {
      ...meta,
      received: list.received,
      shown: list.shown,
      filters: { article: list.article, identity: list.identity, q: list.q || null },
      identities: list.identities,
    },
    links: {
      self: href(params.page),
      next: params.page < meta.total_pages ? href(params.page + 1) : null,
      prev: params.page > 1 ? href(Math.min(params.page - 1, Math.max(meta.total_pages, 1))) : null,
      consultation: consultationApiUrl(baseUrl, id),
    },
  };
  const latest = await raw(db).get<{ moderated: number | null; received: number | null }>(
    "SELECT max(moderated_at) AS moderated, max(received_at) AS received FROM comments WHERE consultation_id = ?",
    id
  );
  return { ok: true, body, lastModified: new Date(Math.max(latest?.moderated ?? 0, latest?.received ?? 0, record.changedAt.getTime())) };
}

/** The published feedback (意见采纳情况说明 and 逐条答复), or why there is none. */
export async function feedbackBody(db: Db, id: number, department: string, baseUrl: string, now = new Date()): Promise<CommentsBody> {
  const record = await getPublicConsultationRecord(db, id, now);
  if (!record) return { ok: false, status: 404, code: "not_found", message: "未找到该征求意见。" };
  const f = await publicFeedback(db, id, department, now);
  if (!f) return { ok: false, status: 404, code: "not_found", message: "该征求意见的意见采纳情况尚未公布。" };
  const body = {
    data: {
      consultation: { id, title: record.title, url: consultationUrl(baseUrl, id), api_url: consultationApiUrl(baseUrl, id) },
      url: feedbackUrl(baseUrl, id),
      published_at: isoShanghai(f.summary.publishedAt),
      summary: f.summary.body,
      comment_count: f.facts.commentCount,
      commenter_count: f.facts.commenterCount,
      channels: f.facts.channels.map((c) => ({ channel: c.channel, label: CHANNEL_LABELS[c.channel], count: c.count })),
      dispositions: f.perDisposition.map((d) => ({ decision: d.decision, label: DISPOSITION_LABELS[d.decision], count: d.count })),
      undecided: f.undecided,
      articles: f.answers.map((a) => ({
        number: a.number,
        label: a.label,
        comment_count: a.commentCount,
        unanswered: a.unanswered,
        answers: a.items.flatMap((i) =>
          i.kind === "answer"
            ? [
                {
                  topic_title: i.topicTitle,
                  subject: i.subject,
                  decision: i.decision,
                  decision_label: DISPOSITION_LABELS[i.decision],
                  reason: i.reason,
                  change_made: i.changeMade,
                  count: i.count,
                  total: i.total,
                  duplicates: i.duplicates,
                },
              ]
            : []
        ),
        answered_elsewhere: a.items.flatMap((i) => (i.kind === "link" ? [{ subject: i.subject, answered_under: i.homeLabel, count: i.count }] : [])),
      })),
      totals: {
        comments: f.totals.comments,
        on_articles: f.totals.onArticles,
        general: f.totals.general,
        multi_article: f.totals.multiArticle,
        answered: f.totals.answered,
        unanswered: f.totals.unanswered,
      },
    },
  };
  return { ok: true, body, lastModified: f.summary.publishedAt ?? record.changedAt };
}
