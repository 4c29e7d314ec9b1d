// The query string of the published comments on a consultation's page: which article, which
// identity category, which words, which page. Read the same way by the page's loader and by its
// action when a form carried the comment form's text along (intent=keep, ui/keep-form.tsx).
import { z } from "zod";

export const COMMENTS_ARTICLE_PARAM = "carticle";
export const COMMENTS_IDENTITY_PARAM = "cidentity";
export const COMMENTS_QUERY_PARAM = "cq";
export const COMMENTS_PAGE_PARAM = "cpage";
export const MAX_COMMENTS_QUERY_LENGTH = 50;
/**
 * In the address the comment search posts to without JavaScript (intent=keep): the words come from
 * the form then, not the address. Other kept links carry their words in their address.
 */
export const COMMENTS_SEARCH_FLAG = "csearch";

export interface PublicCommentsFilter {
  article: number | null;
  identity: string | null;
  q: string;
  page: number;
}

const QUERY_TOO_LONG = `搜索词过长：最多 ${MAX_COMMENTS_QUERY_LENGTH} 个字，请缩短后重新搜索。`;

export const PublicCommentsFilterSchema = z.object({
  [COMMENTS_ARTICLE_PARAM]: z.coerce.number().int().positive().max(9999).catch(0),
  [COMMENTS_IDENTITY_PARAM]: z.string().trim().max(40).catch(""),
  [COMMENTS_QUERY_PARAM]: z
    .string()
    .overwrite((s) => s.replace(/\s+/g, " ").trim())
    .max(MAX_COMMENTS_QUERY_LENGTH, QUERY_TOO_LONG),
  [COMMENTS_PAGE_PARAM]: z.coerce.number().int().positive().max(100_000).catch(1),
});

/**
 * The filter as given, and a message for a value that could not be used. A bad article, identity
 * or page falls back to "all" silently (an old link); words too long are said so, and the list
 * shows unfiltered while the box keeps what was typed (`typed`).
 */
export function readCommentsFilter(get: (key: string) => string | null): { filter: PublicCommentsFilter; typed: string; error: string | null } {
  const raw = {
    [COMMENTS_ARTICLE_PARAM]: get(COMMENTS_ARTICLE_PARAM) ?? 0,
    [COMMENTS_IDENTITY_PARAM]: get(COMMENTS_IDENTITY_PARAM) ?? "",
    [COMMENTS_QUERY_PARAM]: get(COMMENTS_QUERY_PARAM) ?? "",
    [COMMENTS_PAGE_PARAM]: get(COMMENTS_PAGE_PARAM) ?? 1,
  };
  const typed = String(raw[COMMENTS_QUERY_PARAM]);
  const parsed = PublicCommentsFilterSchema.safeParse(raw);
  const data = parsed.success ? parsed.data : PublicCommentsFilterSchema.parse({ ...raw, [COMMENTS_QUERY_PARAM]: "" });
  return {
    filter: {
      article: data[COMMENTS_ARTICLE_PARAM] || null,
      identity: data[COMMENTS_IDENTITY_PARAM] || null,
      q: data[COMMENTS_QUERY_PARAM],
      page: data[COMMENTS_PAGE_PARAM],
    },
    typed,
    error: parsed.success ? null : QUERY_TOO_LONG,
  };
}

/** `?carticle=5&cidentity=军属&cq=贷款&cpage=2#comments`: the link keeps every other filter. */
export function publicCommentsHref(page: number, filter: Partial<Omit<PublicCommentsFilter, "page">>, wordsFromForm = false): string {
  const params = new URLSearchParams();
  if (filter.article) params.set(COMMENTS_ARTICLE_PARAM, String(filter.article));
  if (filter.identity) params.set(COMMENTS_IDENTITY_PARAM, filter.identity);
  if (filter.q) params.set(COMMENTS_QUERY_PARAM, filter.q);
  if (page > 1) params.set(COMMENTS_PAGE_PARAM, String(page));
  if (wordsFromForm) params.set(COMMENTS_SEARCH_FLAG, "1");
  return `?${params}#comments`;
}
