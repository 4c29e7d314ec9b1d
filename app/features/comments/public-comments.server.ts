// The comments the public may read on a consultation's page: approved, not kept private by their
// author, and only ever their published (reviewed) text, name and organisation. The original body,
// name and organisation are never selected here, so no later change to the page can leak them.
import { and, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentArticles, comments } from "~db/schema";
import { memo } from "~/platform/memo.server";
import { latestArticles } from "~/features/consultations/index.server";
import { publicIdentity } from "./publication-screen.server";
import { attachmentSize, publicAttachmentsByComment } from "./comment-attachments.server";
import type { PublicCommentsFilter } from "./public-comments-filter";
import { parseQuery } from "~/features/search";

export const PUBLIC_COMMENTS_PAGE_SIZE = 20;
// Counts on the public page may lag a moderation decision by this much; moderation forgets them at once.
const COUNTS_TTL_MS = 10_000;

const isPublic = (consultationId: number) =>
  and(
    eq(comments.consultationId, consultationId),
    eq(comments.moderationStatus, "approved"),
    ne(comments.publishPreference, "private"),
    isNotNull(comments.publishedBody)
  );

export interface PublicComment {
  id: number;
  text: string;
  receivedAt: Date;
  /** 姓名 for a named comment (网友 when none was given), 网友 otherwise. */
  author: string;
  /** 单位 for a named comment, the identity category for an anonymous one. */
  detail: string | null;
  /** The published name and organisation, only when the author chose to be named (the open API's fields). */
  name: string | null;
  organisation: string | null;
  /** The identity category where the page shows it (anonymous, or named with neither name nor organisation). */
  identity: string | null;
  articles: number[];
  /** Files a moderator marked public (the same rule serves their download). */
  attachments: Array<{ id: number; filename: string; size: string; href: string }>;
}

export interface PublicCommentsPage {
  comments: PublicComment[];
  /** Every comment received, whatever its status: the record counts them all. */
  received: number;
  /** Comments shown publicly, on every article. */
  shown: number;
  /** Comments shown publicly under the current filters (article, identity, words). */
  matching: number;
  article: number | null;
  /** The identity category filtered by, when it is one of `identities`. */
  identity: string | null;
  /** The words searched for in the published texts ("" for none). */
  q: string;
  /** Identity categories of the shown comments (screened as the page shows them), with counts. */
  identities: Array<{ label: string; count: number }>;
  page: number;
  pageCount: number;
}

const linkedTo = (identityId: number) =>
  sql`exists (select 1 from ${commentArticles} where ${commentArticles.commentId} = ${comments.id} and ${commentArticles.articleIdentityId} = ${identityId})`;

/**
 * Every term must be in the published (redacted) text — never the original — as typed: words and
 * quoted phrases as substrings, 第十五条 / 15条 as a comment on that article or a text citing it.
 */
function wordsWhere(q: string, articles: Array<{ number: number; identityId: number }>): SQL[] {
  return parseQuery(q).map((t) => {
    const inText = sql`instr(lower(${comments.publishedBody}), ${t.text}) > 0`;
    if (t.kind !== "article") return inText;
    const article = articles.find((a) => a.number === t.number);
    return article ? or(inText, linkedTo(article.identityId))! : inText;
  });
}

export async function listPublicComments(
  db: Db,
  consultationId: number,
  options: Partial<PublicCommentsFilter> & { pageSize?: number } = {}
): Promise<PublicCommentsPage> {
  const pageSize = options.pageSize ?? PUBLIC_COMMENTS_PAGE_SIZE;
  const articles = await latestArticles(db, consultationId);
  const article = options.article && articles.some((a) => a.number === options.article) ? options.article : null;
  const identityId = article ? articles.find((a) => a.number === article)!.identityId : null;
  const count = async (where: SQL | undefined) =>
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(comments)
        .where(where)
        .limit(1)
    )[0]!.n;

  const key = `public-comments:${consultationId}:`;
  const received = await memo(`${key}received`, COUNTS_TTL_MS, () => count(eq(comments.consultationId, consultationId)));
  const shown = await memo(`${key}shown`, COUNTS_TTL_MS, () => count(isPublic(consultationId)));
  const identities = await memo(`${key}identities`, COUNTS_TTL_MS, () => identityCounts(db, consultationId));
  const identity = options.identity && identities.some((i) => i.label === options.identity) ? options.identity : null;
  const q = options.q?.trim() ?? "";
  const words = q ? wordsWhere(q, articles) : [];
  const filtered = Boolean(identityId || identity || words.length);
  const where = and(
    isPublic(consultationId),
    identityId ? linkedTo(identityId) : undefined,
    identity ? eq(comments.identityCategory, identity) : undefined,
    ...words
  );
  const matching =
    identityId && !identity && !words.length
      ? await memo(`${key}article:${identityId}`, COUNTS_TTL_MS, () => count(where))
      : filtered
      ? await count(where)
      : shown;
  const pageCount = Math.max(1, Math.ceil(matching / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount);

  const rows = await db
    .select({
      id: comments.id,
      text: comments.publishedBody,
      receivedAt: comments.receivedAt,
      name: comments.publishedName,
      organisation: comments.publishedOrganisation,
      identityCategory: comments.identityCategory,
      publishPreference: comments.publishPreference,
    })
    .from(comments)
    .where(where)
    .orderBy(desc(comments.receivedAt), desc(comments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const numberOf = new Map(articles.map((a) => [a.identityId, a.number]));
  const links = rows.length
    ? await db
        .select()
        .from(commentArticles)
        .where(
          inArray(
            commentArticles.commentId,
            rows.map((r) => r.id)
          )
        )
    : [];

  const files = await publicAttachmentsByComment(
    db,
    rows.map((r) => r.id)
  );
  return {
    comments: rows.map((r) => ({
      id: r.id,
      text: r.text ?? "",
      receivedAt: r.receivedAt,
      // An anonymous comment's name and organisation never leave the server.
      author: r.publishPreference === "named" && r.name ? r.name : "网友",
      detail: r.publishPreference === "named" ? r.organisation ?? (r.name ? null : publicIdentity(r.identityCategory)) : publicIdentity(r.identityCategory),
      name: r.publishPreference === "named" ? r.name : null,
      organisation: r.publishPreference === "named" ? r.organisation : null,
      identity: r.publishPreference === "named" && (r.organisation || r.name) ? null : publicIdentity(r.identityCategory),
      articles: links
        .filter((l) => l.commentId === r.id)
        .flatMap((l) => numberOf.get(l.articleIdentityId) ?? [])
        .sort((a, b) => a - b),
      attachments: (files.get(r.id) ?? []).map((f) => ({
        id: f.id,
        filename: f.filename,
        size: attachmentSize(f.size),
        href: `/consultations/${consultationId}/comment-files/${f.id}`,
      })),
    })),
    received,
    shown,
    matching,
    article,
    identity,
    q,
    identities,
    page,
    pageCount,
  };
}

/** The categories shown beside public comments, in the order of their counts; a screened-out value is left out. */
async function identityCounts(db: Db, consultationId: number): Promise<Array<{ label: string; count: number }>> {
  return (
    await db
      .select({ label: comments.identityCategory, count: sql<number>`count(*)` })
      .from(comments)
      .where(isPublic(consultationId))
      .groupBy(comments.identityCategory)
      .orderBy(desc(sql`count(*)`), comments.identityCategory)
  ).flatMap((r) => {
    const label = publicIdentity(r.label);
    return label ? [{ label, count: r.count }] : [];
  });
}

/** Approved public comments per article number of the latest version, for the draft's margins. */
export function publicCountsByArticle(db: Db, consultationId: number): Promise<Map<number, number>> {
  return memo(`public-comments:${consultationId}:by-article`, COUNTS_TTL_MS, () => countByArticle(db, consultationId));
}

async function countByArticle(db: Db, consultationId: number): Promise<Map<number, number>> {
  const numberOf = new Map((await latestArticles(db, consultationId)).map((a) => [a.identityId, a.number]));
  const rows = await db
    .select({ identityId: commentArticles.articleIdentityId, n: sql<number>`count(*)` })
    .from(commentArticles)
    .innerJoin(comments, eq(comments.id, commentArticles.commentId))
    .where(isPublic(consultationId))
    .groupBy(commentArticles.articleIdentityId);
  const counts = new Map<number, number>();
  for (const r of rows) {
    const number = numberOf.get(r.identityId);
    if (number !== undefined) counts.set(number, r.n);
  }
  return counts;
}
