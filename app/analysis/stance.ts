import { findArticleRefSpans } from "./article-refs";
import {
  CONCESSION,
  NOT_AGAINST,
  OPPOSE,
  QUESTION,
  REQUEST_QUESTION,
  RHETORICAL_ALWAYS,
  RHETORICAL_WITH_MARK,
  SUGGEST,
  SUPPORT,
  TURN,
  type CueClass,
} from "./stance-cues";

/**
 * A stance hint from cue words: whether a comment supports, opposes, suggests a change, asks a question, or
 * none of these. It is a hint for sorting and charts, not a verdict; staff read the comment.
 *
 * How it reads a comment (docs/decisions/0028-stance-fixture-and-cues.md):
 * - negation has a scope: 不合理 / 谈不上公平 object, 不是不同意…而是 / 并非反对 do not, 没有理由不支持 approves;
 * - in a concession (虽然…但是, 出发点是好的，可是…) the clauses after the turn outweigh those before it;
 * - a rhetorical question (难道…, 凭什么…, 有必要吗？, 这合理吗？) objects rather than asks;
 * - asking for a provision to go (建议删除, 取消, 不应, 不宜) objects rather than proposes;
 * - an objection is not hidden by praise elsewhere in the comment; articleStances() gives a stance per named
 *   article.
 */
export type Stance = "support" | "oppose" | "suggest" | "question" | "neutral";
export const STANCES: readonly Stance[] = ["support", "oppose", "suggest", "question", "neutral"];

type Scores = Record<CueClass, number>;
const zero = (): Scores => ({ oppose: 0, support: 0, suggest: 0, question: 0 });

// The traditional characters of the cue words, so 建議 / 認為 / 為什麼 read like their simplified forms.
const TRADITIONAL_FORMS = "議認問為麼應對這個贊條請採懇實們說沒該給嗎還難開關與將擴統執標區歡謝點變無從刪項費過時現發會經處見後進準規題當";
const SIMPLIFIED_FORMS = "议认问为么应对这个赞条请采恳实们说没该给吗还难开关与将扩统执标区欢谢点变无从删项费过时现发会经处见后进准规题当";
const TRADITIONAL: Record<string, string> = Object.fromEntries([...TRADITIONAL_FORMS].map((c, i) => [c, SIMPLIFIED_FORMS[i]]));
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join("")}]`, "g");
const simplify = (text: string) => text.replace(TRADITIONAL_CHARS, (c) => TRADITIONAL[c] ?? c);

const SENTENCE = /[^。！!？?；;\n]*[。！!？?；;\n]*/g;
const QUOTED = /[“「『"][^”」』"]{1,80}[”」』"]/g;
const ENDS_AS_QUESTION = /(?:[？?]|[吗呢嘛么][\s。.…！!]*)\s*$/;
const LISTS = [NOT_AGAINST, OPPOSE, SUPPORT, SUGGEST, QUESTION];

function scoreSentence(sentence: string, weight: number, into: Scores): void {
  const local = zero();
  // Words of the draft quoted back (“适当补偿”, “鼓励”) are the draft's, not the commenter's.
  let rest = sentence.replace(QUOTED, (m) => " ".repeat(m.length));
  let suggestTop = 0;
  for (const list of LISTS) {
    for (const { cls, weight: w, pattern } of list) {
      rest = rest.replace(pattern, (m) => {
        if (cls === "suggest") suggestTop = Math.max(suggestTop, w);
        local[cls] += w;
        return " ".repeat(m.length);
      });
    }
  }
  // A proposal is one proposal however many proposing words it uses (建议明确…, 希望增加…).
  local.suggest = Math.min(local.suggest, suggestTop + 0.5);
  const asks = ENDS_AS_QUESTION.test(sentence);
  if (RHETORICAL_ALWAYS.test(sentence) || (asks && RHETORICAL_WITH_MARK.test(sentence))) {
    // Praise inside a rhetorical question is sarcasm (这叫便民？).
    local.oppose += 3 + local.support;
    local.support = 0;
    local.question = 0;
  } else if (REQUEST_QUESTION.test(sentence)) {
    local.suggest += 2;
    local.question = Math.min(local.question, 1);
  } else if (asks) {
    local.question += 2;
  }
  local.question = Math.min(local.question, 3);
  for (const cls of Object.keys(local) as CueClass[]) into[cls] += local[cls] * weight;
}

/** Scores a stretch of text: the part after the last turn counts fully, each part before it less. */
function scoreText(text: string): Scores {
  const scores = zero();
  const turns = [...text.matchAll(TURN)].map((m) => m.index ?? 0).filter((i) => i > 0);
  const bounds = [0, ...turns, text.length];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const part = text.slice(bounds[p], bounds[p + 1]);
    const last = p + 2 === bounds.length;
    // A conceded clause (虽然…, 出发点是好的…) weighs least; any clause before a turn weighs less.
    const weight = last ? 1 : CONCESSION.test(part) ? 0.3 : 0.5;
    for (const sentence of part.match(SENTENCE) ?? []) if (sentence.trim()) scoreSentence(sentence, weight, scores);
  }
  return scores;
}

function decide({ oppose, support, suggest, question }: Scores): Stance {
  if (oppose >= 2 && oppose >= support && oppose >= suggest * 0.6) return "oppose";
  if (suggest >= 2 && suggest >= support && suggest >= oppose && suggest >= question * 0.75) return "suggest";
  if (question >= 2 && question >= suggest && question >= oppose && question > support) return "question";
  if (support >= 1 && support >= oppose) return support >= suggest ? "support" : "suggest";
  if (oppose >= 1) return "oppose";
  if (suggest >= 1) return "suggest";
  if (question >= 1) return "question";
  return "neutral";
}

export function stanceHint(text: string): Stance {
  const simple = simplify(text);
  let stance = decide(scoreText(simple));
  // After a turn (…，但是 / 不过 / 然而…) the last clause says what the comment means, if it says anything.
  const turns = [...simple.matchAll(TURN)].map((m) => m.index ?? 0).filter((i) => i > 0);
  if (turns.length > 0) {
    const tail = decide(scoreText(simple.slice(turns[turns.length - 1])));
    if (tail !== "neutral") stance = tail;
  }
  // An objection to one named article is not hidden by praise for another.
  if (stance !== "oppose" && Object.values(perArticle(simple, stance)).includes("oppose")) stance = "oppose";
  return stance;
}

/**
 * The stance towards each article the comment names: the comment is cut where a clause names an article, and
 * each stretch is read for the articles it names (a stretch that names none continues the previous one). A
 * stretch with no cue of its own takes the stance of the whole comment.
 */
export function articleStances(text: string): Record<number, Stance> {
  return perArticle(simplify(text), stanceHint(text));
}

const BOUNDARIES = [..."，,。；;！!？?\n"];

function perArticle(simple: string, overall: Stance): Record<number, Stance> {
  const result: Record<number, Stance> = {};
  if (!/[条條]|art/i.test(simple)) return result;
  const spans = findArticleRefSpans(simple).filter((s) => s.kind === "article" && !s.external);
  if (spans.length === 0) return result;
  // Each stretch starts at the clause boundary before the reference that opens it.
  const starts = spans.map((s) => Math.max(0, ...BOUNDARIES.map((c) => simple.lastIndexOf(c, s.start - 1) + 1)));
  const groups: { start: number; numbers: number[] }[] = [];
  spans.forEach((span, i) => {
    const last = groups[groups.length - 1];
    if (last && starts[i] <= last.start) last.numbers.push(...span.numbers);
    else groups.push({ start: starts[i], numbers: [...span.numbers] });
  });
  if (groups.length === 1) {
    for (const n of groups[0].numbers) result[n] = overall;
    return result;
  }
  groups.forEach((group, g) => {
    const end = g + 1 < groups.length ? groups[g + 1].start : simple.length;
    const stance = decide(scoreText(simple.slice(group.start, end)));
    for (const n of group.numbers) result[n] = stance === "neutral" ? overall : stance;
  });
  return result;
}
