/**
 * A stance hint from cue words: whether a comment supports, opposes, suggests a change, asks a question, or
 * none of these. It is a hint for sorting and charts, not a verdict; staff read the comment.
 */
export type Stance = "support" | "oppose" | "suggest" | "question" | "neutral";

interface Cue {
  pattern: RegExp;
  weight: number;
}

const cues = (weight: number, ...patterns: RegExp[]): Cue[] => patterns.map((pattern) => ({ pattern, weight }));

// Negated approval is opposition, so opposition is matched (and removed) before approval.
const OPPOSE: Cue[] = [
  ...cues(2, /不(?:同意|赞成|支持|认同|合理|合适|公平|妥|应该|可行|现实)/g, /反对|抵制|取消(?:这|该|此)|删除(?:这|该|此)/g),
  ...cues(1, /没(?:啥|什么)?用|形同虚设|一刀切|太(?:少|低|慢|高|难|麻烦|空|复杂|窄|严厉|夸张)|走过场|不够|有问题|不满|失望|糟糕|荒唐|扯皮|推诿/g),
  ...cues(1, /摆设|空话|白搭|多此一举|浪费|凭什么|寒心|不平衡|等于没写|意义不大|吃不消|不至于|花架子|凑数/g),
  ...cues(2, /\b(?:oppose[sd]?|against|disagree[sd]?|reject|unfair|unacceptable|terrible|harmful)\b/gi),
];
const SUPPORT: Cue[] = [
  ...cues(2, /支持|赞成|同意|拥护|点赞|叫好|举双手/g),
  ...cues(1, /很好|挺好|好事|太好了|政策好|实惠|暖心|及时雨|赞|感谢|谢谢|写得好|很实际|欢迎|满意|致敬|感动|温暖|人性化/g),
  ...cues(1, /方便|友好|到位|实在|周到|合理|清晰|规范|有面子|[👍👏❤💪🌹]/gu),
  ...cues(2, /\b(?:support(?:s|ed)?|agree[sd]?|in favou?r|great idea|applaud)\b/gi),
  ...cues(1, /\b(?:good|great|welcome|thank(?:s| you))\b/gi),
];
const SUGGEST: Cue[] = [
  ...cues(2, /建议|希望|应当|应该|最好|能否|可否|不如|改为|改成|修改为|补充|增加|增设|明确|细化|放宽|扩大|纳入|参照|统一/g),
  ...cues(1, /要求|需要|请(?:把|将|在|对)|呼吁|是不是可以|可以考虑/g),
  ...cues(2, /\b(?:suggest(?:s|ed|ion)?|recommend(?:s|ed|ation)?|propose[sd]?|should|consider|amend|add|include|clarify)\b/gi),
];
const QUESTION: Cue[] = [
  ...cues(2, /[?？]/g, /请问|咨询|想问|问一下/g),
  ...cues(1, /吗|是否|怎么|如何|多少|哪些|哪里|能不能|是不是|什么时候|为什么|算不算|包不包括|还是/g),
  ...cues(1, /\b(?:why|how|what|when|which|whether|does|do|is|are|can)\b(?=[^.?!]*\?)/gi),
];

function score(text: string, list: Cue[]): { total: number; rest: string } {
  let total = 0;
  let rest = text;
  for (const { pattern, weight } of list) {
    rest = rest.replace(pattern, (m) => {
      total += weight;
      return " ".repeat(m.length);
    });
  }
  return { total, rest };
}

export function stanceHint(text: string): Stance {
  const oppose = score(text, OPPOSE);
  const support = score(oppose.rest, SUPPORT).total;
  const suggest = score(oppose.rest, SUGGEST).total;
  const question = score(oppose.rest, QUESTION).total;
  // A comment that both asks and proposes is read as a proposal; one that praises and proposes likewise.
  if (suggest >= 2 && suggest >= oppose.total && suggest >= support) return "suggest";
  if (question >= 2 && question >= suggest && question >= oppose.total) return "question";
  if (oppose.total >= 1 && oppose.total >= support) return "oppose";
  if (support >= 1) return "support";
  if (suggest >= 1) return "suggest";
  if (question >= 1) return "question";
  return "neutral";
}
