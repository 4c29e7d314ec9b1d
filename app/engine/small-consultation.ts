/**
 * Below this many comments, clusters mix unrelated subjects (the first 30 comments of a set gave 「企业、住院、二级」):
 * no machine topics are made; campaigns and staff topics still are, and the rest is listed by article and text.
 * A module of its own, without imports, so that the workspace page can use it in the browser.
 */
export const MIN_COMMENTS_FOR_TOPICS = 50;
export const TOO_FEW_LABEL = `未划分主题（意见不足 ${MIN_COMMENTS_FOR_TOPICS} 条）`;

export function tooFewForTopics(commentCount: number): boolean {
  return commentCount > 0 && commentCount < MIN_COMMENTS_FOR_TOPICS;
}
