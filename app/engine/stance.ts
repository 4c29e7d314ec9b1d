import { findArticleRefSpans } from "./article-refs";
import { firstChars } from "./regex-first-chars";
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

const QUOTED = /[“「『"][^”」』"]{1,80}[”」』"]/g;
const ENDS_AS_QUESTION = /(?:[？?]|[吗呢嘛么][\s。.…！!]*)\s*$/;
const LATIN = /[A-Za-z]/;
const TERMINATORS = /[。！!？?；;\n]+/g;
const LISTS = [NOT_AGAINST, OPPOSE, SUPPORT, SUGGEST, QUESTION];
/** Every cue in matching order, with a bit per cue in the table of the characters its matches can start with. */
const CUES = LISTS.flat();
const MASK_WORDS = Math.ceil(CUES.length / 32);
const ALWAYS_TRY = new Uint8Array(CUES.length);
const STARTS = new Int32Array(0x10000 * MASK_WORDS);
CUES.forEach((cue, index) => {
  const chars = firstChars(cue.pattern);
  if (chars === null) ALWAYS_TRY[index] = 1;
  else for (const c of chars) if (c < 0x10000) STARTS[c * MASK_WORDS + (index >> 5)] |= 1 << (index & 31);
});

interface Match {
  at: number;
  cls: CueClass;
  weight: number;
}

/** A comment read once: its cue matches and where its sentences and turns are; any stretch is scored from it. */
interface Reading {
  text: string;
  matches: Match[];
  breaks: number[];
  turns: number[];
}

const blank = (m: string) => " ".repeat(m.length);

function read(text: string): Reading {
  // Words of the draft quoted back (“适当补偿”, “鼓励”) are the draft's, not the commenter's.
  const rest = text.includes("“") || text.includes('"') || text.includes("「") || text.includes("『") ? text.replace(QUOTED, blank) : text;
  // A character matched by one cue is not matched again by a later one (不支持 is not also 支持).
  const taken = new Uint8Array(rest.length);
  const matches: Match[] = [];
  const latin = LATIN.test(rest);
  // One pass over the text finds the cues that could match at all: most cannot, and are not tried.
  const possible = new Int32Array(MASK_WORDS);
  for (let i = 0; i < rest.length; i++) {
    const base = rest.charCodeAt(i) * MASK_WORDS;
    for (let w = 0; w < MASK_WORDS; w++) possible[w] |= STARTS[base + w];
  }
  for (let index = 0; index < CUES.length; index++) {
    {
      const { cls, weight, pattern } = CUES[index];
      if (!ALWAYS_TRY[index] && (possible[index >> 5] & (1 << (index & 31))) === 0) continue;
      if (!latin && pattern.flags.includes("i")) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(rest); m !== null; m = pattern.exec(rest)) {
        const at = m.index;
        const end = at + m[0].length;
        if (end === at) {
          pattern.lastIndex++;
          continue;
        }
        let free = true;
        for (let i = at; i < end && free; i++) if (taken[i]) free = false;
        if (!free) continue;
        taken.fill(1, at, end);
        matches.push({ at, cls, weight });
      }
    }
  }
  matches.sort((a, b) => a.at - b.at);
  const breaks = [...text.matchAll(TERMINATORS)].map((m) => (m.index ?? 0) + m[0].length);
  const turns = [...text.matchAll(TURN)].map((m) => m.index ?? 0).filter((i) => i > 0);
  return { text, matches, breaks, turns };
}

function scoreUnit(r: Reading, from: number, to: number, weight: number, into: Scores): void {
  const sentence = r.text.slice(from, to);
  if (!sentence.trim()) return;
  const local = zero();
  let suggestTop = 0;
  for (const m of r.matches) {
    if (m.at < from) continue;
    if (m.at >= to) break;
    local[m.cls] += m.weight;
    if (m.cls === "suggest") suggestTop = Math.max(suggestTop, m.weight);
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
  into.oppose += local.oppose * weight;
  into.support += local.support * weight;
  into.suggest += local.suggest * weight;
  into.question += local.question * weight;
}

/** Scores a stretch of a comment: the part after its last turn counts fully, each part before it less. */
function score(r: Reading, from = 0, to = r.text.length): Scores {
  const scores = zero();
  const bounds = [from, ...r.turns.filter((t) => t > from && t < to), to];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const [start, end] = [bounds[p], bounds[p + 1]];
    const last = p + 2 === bounds.length;
    // A conceded clause (虽然…, 出发点是好的…) weighs least; any clause before a turn weighs less.
    const weight = last ? 1 : CONCESSION.test(r.text.slice(start, end)) ? 0.3 : 0.5;
    let unitStart = start;
    for (const b of r.breaks) {
      if (b <= start) continue;
      if (b >= end) break;
      scoreUnit(r, unitStart, b, weight, scores);
      unitStart = b;
    }
    scoreUnit(r, unitStart, end, weight, scores);
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
  return readStance(read(simplify(text)));
}

/** The comment's stance and its stance towards each article it names, from one reading. */
export function commentStances(text: string): { stance: Stance; byArticle: Record<number, Stance> } {
  const r = read(simplify(text));
  const stance = readStance(r);
  return { stance, byArticle: perArticle(r, stance) };
}

function readStance(r: Reading): Stance {
  let stance = decide(score(r));
  // After a turn (…，但是 / 不过 / 然而…) the last clause says what the comment means, if it says anything.
  if (r.turns.length > 0) {
    const tail = decide(score(r, r.turns[r.turns.length - 1]));
    if (tail !== "neutral") stance = tail;
  }
  // An objection to one named article is not hidden by praise for another.
  if (stance !== "oppose" && Object.values(perArticle(r, stance)).includes("oppose")) stance = "oppose";
  return stance;
}

/**
 * The stance towards each article the comment names: the comment is cut where a clause names an article, and
 * each stretch is read for the articles it names (a stretch that names none continues the previous one). A
 * stretch with no cue of its own takes the stance of the whole comment.
 */
export function articleStances(text: string): Record<number, Stance> {
  const r = read(simplify(text));
  return perArticle(r, readStance(r));
}

const BOUNDARIES = [..."，,。；;！!？?\n"];

function perArticle(r: Reading, overall: Stance): Record<number, Stance> {
  const simple = r.text;
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
    const stance = decide(score(r, group.start, end));
    for (const n of group.numbers) result[n] = stance === "neutral" ? overall : stance;
  });
  return result;
}
