/**
 * Tokens that are not words. An article reference becomes "§8", so comments on the same article share a term;
 * a boundary mark stands where dropped words (stopwords, punctuation) separated two content words, so that
 * phrase detection only joins words that were really adjacent ("优待证办理", not "年检" + "麻烦" across "太").
 */
export const ARTICLE_TERM = "§";
export const BOUNDARY = "¦";

export const articleTerm = (article: number) => `${ARTICLE_TERM}${article}`;
export const isArticleTerm = (token: string) => token.startsWith(ARTICLE_TERM);
export const isBoundary = (token: string) => token === BOUNDARY;
/** A real word: may be a keyword, counts as content. */
export const isWord = (token: string) => !isBoundary(token) && !isArticleTerm(token);
