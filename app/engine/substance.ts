/**
 * Comments with nothing to group by: "支持！", "同意", "test", a row of emoji, "没啥意见". They go to one small
 * bucket instead of being forced into the nearest topic, where they would blur its keywords.
 */

// Words that express assent, thanks or a reaction without saying about what. Matched on content tokens, so
// stopwords are already gone; English entries are Porter stems.
const REACTION_WORDS = new Set([
  "支持",
  "赞成",
  "同意",
  "拥护",
  "坚决",
  "完全",
  "点赞",
  "赞",
  "顶",
  "顶顶",
  "很好",
  "挺好",
  "不错",
  "好好",
  "好的",
  "写得",
  "写得好",
  "没啥",
  "无意",
  "意见",
  "已阅",
  "收到",
  "谢谢",
  "感谢",
  "辛苦",
  "加油",
  "看不懂",
  "太长",
  "不懂",
  "一下",
  "测试",
  "没有意见",
  "无意见",
  "同意见",
  "好",
  "棒",
  "赞同",
  "认同",
  "呵呵",
  "哈哈",
  "support",
  "agre",
  "agree",
  "good",
  "great",
  "nice",
  "ok",
  "okay",
  "yes",
  "test",
  "thank",
  "thanks",
  "lol",
  "fine",
  "cool",
  "like",
  "awesom",
]);

/** Fewer content tokens than this, all of them unseen elsewhere, is a keyboard mash rather than a comment. */
const MAX_TOKENS_OF_NOISE = 1;

// One character over and over (顶顶顶, 哈哈哈, aaaa) is filler whatever the character.
const REPEATED_CHARACTER = /^(.)\1+$/u;

export function isReactionWord(token: string): boolean {
  return REACTION_WORDS.has(token) || REPEATED_CHARACTER.test(token);
}

/**
 * @param tokens content tokens of the comment (stopwords removed)
 * @param articleCount articles it refers to: "第八条很好" is about article 8, so it has substance
 * @param documentFrequency in how many comments a token occurs
 */
export function hasSubstance(tokens: readonly string[], articleCount: number, documentFrequency: (token: string) => number): boolean {
  if (articleCount > 0) return true;
  const meaningful = tokens.filter((t) => !isReactionWord(t));
  if (meaningful.length === 0) return false;
  if (meaningful.length <= MAX_TOKENS_OF_NOISE && meaningful.every((t) => documentFrequency(t) <= 1)) return false;
  return true;
}
