import { createRequire } from "node:module";
import { detectPii } from "./pii";
import { findNamesInTagged } from "./pii-names";
import { stem } from "./segment";
import { isStopword } from "./stopwords";

/**
 * A topic's title as a drafting officer would write it: a short noun phrase in the comments' own words
 * (超标车过渡期与以旧换新补贴, "Bike lanes and parking fees"), rather than its top keywords in a row. Phrases
 * are runs of words the comments write side by side, ending in a noun (jieba's part-of-speech tags), counted
 * once per comment over a bounded sample. The topic's subjects are its words by how many of its comments use
 * them and how distinctive they are; each is named by the phrase most of those comments write around it, and
 * the first, joined with the next when that is nearly as common or the first is too short, is the title.
 * Personal data (names, contacts, addresses) is cut out of each text before anything is counted, and names,
 * numbers and words of attitude (建议, 支持, 反对) never enter a phrase. Null when nothing qualifies: the caller
 * keeps the keyword label. docs/analysis.md, "Topic titles"; decision 0044.
 */

export interface TitleContext {
  /** the words of a text with their part-of-speech tags, as jieba tags them ("" for the consultation's terms) */
  tag(text: string): { word: string; tag: string }[];
  /**
   * How distinctive a content token is in the consultation: the inverse of the share of all comments that use
   * it (1 / 0.02 = 50 for a word 2 % of them use); 0 for a token it does not index.
   */
  lift(token: string): number;
  /** the topic's keywords (keywords.ts: against the other topics), whose words are its first subjects */
  keywords?: readonly string[];
}

/** At most this many comments of a topic are read: phrase counts settle long before, and the cost stays bounded. */
export const TITLE_SAMPLE = 80;
// The subject of a comment is in its first paragraphs; a pasted document adds cost, not subjects.
const MAX_TEXT_CHARS = 500;
const MAY_HOLD_PERSONAL_DATA = /[\d@]|[〇零一二两三四五六七八九十]{3}|[路街巷弄号栋幢楼室村组]/;
const MAX_PHRASE_WORDS = 4;
const MAX_ASPECT_CHARS = 10;
const MIN_TITLE_CHARS = 4;
const MAX_TITLE_CHARS = 16;
const MIN_TITLE_WORDS = 2;
const MAX_TITLE_WORDS = 6;
// A second aspect joins the title only when about as many comments raise it as the first.
const SECOND_ASPECT_SHARE = 0.4;
// How many subjects are considered, in case the best is too short to stand alone.
const LEADS_TRIED = 6;
// A phrase names a topic's subject when at least this share of its comments write it.
const MIN_SHARE = 0.05;
// A longer phrase replaces a word when about as many comments write it as the word's most common phrase.
const EXPAND_SHARE = 0.6;
const VERB_WEIGHT = 0.6;
const COMPOUND_SHARE = 0.7;
// The topic's keywords set it apart from the other topics, which a count within the topic cannot see.
const KEYWORD_WEIGHT = 2;
// A phrase of two subjects replaces the first when at least this share of the comments naming it write the phrase.
const MERGE_SHARE = 0.3;

const HAN_WORD = /^[\u3400-\u9fff]+$/;
const LATIN_WORD = /^[a-z][a-z'-]*[a-z]$/;
// Nouns, verbal and adjectival nouns, abbreviations, set phrases, and the consultation's own terms (tag "").
const HEAD_TAGS = new Set(["n", "nz", "ng", "nt", "nl", "ns", "nw", "vn", "an", "j", "l", ""]);
// Words that may stand before the head: verbs and adjectives that qualify it (贴息期限, 集中充电设施, 超标车).
const MODIFIER_TAGS = new Set([...HEAD_TAGS, "v", "a", "b", "s", "i", "x"]);
// What commenters do rather than what they talk about: never part of a title.
const ATTITUDE = new Set([
  ..."建议 希望 认为 觉得 感觉 支持 反对 赞成 赞同 同意 拥护 认同 认可 呼吁 担心 欢迎 点赞 期待 盼望 恳请 请求 强烈 坚决 感谢 满意 不满 合理 不合理 呼声 意见 建言".split(
    " "
  ),
  // Verdicts, courtesies and who is speaking: 这是好事, 说句实在话, 仅供参考, 我们老百姓.
  ..."好事 坏事 好处 实在话 大实话 仅供参考 双手赞成 举双手 拍手称快 早就该 老百姓 大家 我们 市民 群众 网友".split(" "),
  ..."support oppose agree disagree favor favour urge ask request want thank thanks concern concerned like love hate".split(" "),
]);

// The same said with emphasis, as jieba keeps it in one word: 强烈建议, 坚决反对, 举双手赞成.
const ATTITUDE_PHRASE = /^(?:强烈|坚决|完全|非常|十分|举?双手|一致|热烈)(?:建议|希望|支持|反对|赞成|赞同|同意|拥护|呼吁|恳请|要求|欢迎)$/;

interface Unit {
  word: string;
  tag: string;
  key: string;
}

interface Phrase {
  key: string;
  words: string[];
  latin: boolean;
  /** a verb and the word after it, a compound only when the verb is nearly always written so */
  verbLed: boolean;
  count: number;
  surfaces: Map<string, number>;
}

/** The title of a topic from the texts of its comments (a bounded sample), or null when none qualifies. */
export function topicTitle(texts: readonly string[], context: TitleContext): string | null {
  const phrases = new Map<string, Phrase>();
  const wordCounts = new Map<string, number>();
  const verbCounts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const run of wordRuns(withoutPersonalData(text), context)) {
      for (const unit of run) {
        if (seen.has(unit.key) || (HAN_WORD.test(unit.word) && unit.word.length < 2)) continue;
        seen.add(unit.key);
        wordCounts.set(unit.key, (wordCounts.get(unit.key) ?? 0) + 1);
        if (unit.tag === "v") verbCounts.set(unit.key, (verbCounts.get(unit.key) ?? 0) + 1);
      }
      for (const candidate of subRuns(run)) {
        const key = candidate.map((u) => u.key).join(" ");
        let phrase = phrases.get(key);
        if (!phrase) {
          const latin = !HAN_WORD.test(candidate[0].word);
          const verbLed = !latin && candidate.length > 1 && candidate[0].tag === "v";
          phrase = { key, words: candidate.map((u) => u.key), latin, verbLed, count: 0, surfaces: new Map() };
          phrases.set(key, phrase);
        }
        const surface = candidate.map((u) => u.word).join(phrase.latin ? " " : "");
        phrase.surfaces.set(surface, (phrase.surfaces.get(surface) ?? 0) + 1);
        if (seen.has(`\u0000${key}`)) continue;
        seen.add(`\u0000${key}`);
        phrase.count++;
      }
    }
  }
  // Said by a few comments only is no shared subject, unless the topic has hardly more than one text (a campaign).
  const minCount = texts.length <= 2 ? 1 : Math.max(2, Math.ceil(MIN_SHARE * texts.length));
  const eligible = [...phrases.values()].filter(
    (p) => p.count >= minCount && (!p.verbLed || p.count >= COMPOUND_SHARE * (wordCounts.get(p.words[0]) ?? Infinity))
  );
  // The topic's subjects: its words by how many of its comments use them and how distinctive they are.
  const keywords = (context.keywords ?? []).map((k) => k.toLowerCase());
  const subjects = [...wordCounts]
    .filter(([, count]) => count >= minCount)
    .map(([word, count]) => {
      // A noun names a subject better than a verb does (头盔 before 乘坐).
      const verbal = (verbCounts.get(word) ?? 0) > count / 2 ? VERB_WEIGHT : 1;
      const keyword = keywords.some((k) => k.includes(word)) ? KEYWORD_WEIGHT : 1;
      return [word, keyword * verbal * count * Math.log(1 + (count / texts.length) * context.lift(word))] as const;
    })
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word]) => word);
  const aspects: Phrase[] = [];
  for (const word of subjects) {
    const aspect = aspectOf(word, eligible);
    if (!aspect) continue;
    // Two subjects written as one phrase (affordable + housing, 部门 + 职责) are one aspect, named by the phrase.
    const within = aspects.findIndex((a) => a.words.every((w) => aspect.words.includes(w)) && aspect.count >= MERGE_SHARE * a.count);
    if (within >= 0 && aspects.every((a, i) => i === within || distinct(a, aspect))) aspects[within] = aspect;
    else if (aspects.every((a) => distinct(a, aspect))) aspects.push(aspect);
    if (aspects.length >= LEADS_TRIED) break;
  }
  for (const [i, lead] of aspects.entries()) {
    const others = aspects.slice(i + 1).filter((p) => p.latin === lead.latin);
    // A second aspect when about as many comments raise it, or when the first is too short to be a title alone.
    const second = others.find((p) => p.count >= SECOND_ASPECT_SHARE * lead.count);
    const title = (second && joined(lead, second)) ?? joined(lead, undefined) ?? others.map((p) => joined(lead, p)).find(Boolean);
    if (title) return title;
  }
  return null;
}

/**
 * The phrase that names a subject word as the comments write it: the word itself, or a longer phrase around it
 * when most comments that use it write that phrase (超标 → 超标车), or when the word cannot stand alone.
 */
function aspectOf(word: string, eligible: readonly Phrase[]): Phrase | null {
  const around = eligible.filter((p) => p.words.includes(word));
  if (around.length === 0) return null;
  const most = Math.max(...around.map((p) => p.count));
  const common = around.filter((p) => p.count >= EXPAND_SHARE * most);
  common.sort((a, b) => b.words.length - a.words.length || Number(a.verbLed) - Number(b.verbLed) || b.count - a.count || (a.key < b.key ? -1 : 1));
  return common[0];
}

/** The title of the two aspects (or the first alone) if it has a title's length and names no one, else null. */
function joined(first: Phrase, second: Phrase | undefined): string | null {
  const title = assembled(first, second);
  return title !== null && detectPii(title).length === 0 ? title : null;
}

function assembled(first: Phrase, second: Phrase | undefined): string | null {
  const a = display(first);
  if (first.latin) {
    const words = [...a.split(" "), ...(second ? ["and", ...display(second).split(" ")] : [])];
    if (words.length < MIN_TITLE_WORDS || words.length > MAX_TITLE_WORDS) return null;
    const title = words.join(" ");
    return title[0].toUpperCase() + title.slice(1);
  }
  const title = second ? `${a}与${display(second)}` : a;
  return title.length >= MIN_TITLE_CHARS && title.length <= MAX_TITLE_CHARS ? title : null;
}

/** The phrase as the comments most often write it (for English, the inflection most used). */
function display(phrase: Phrase): string {
  let best = "";
  let bestCount = -1;
  for (const [surface, count] of phrase.surfaces) {
    if (count > bestCount || (count === bestCount && surface < best)) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}

/** Two aspects, not one said twice: no word in common, and neither inside the other. */
function distinct(a: Phrase, b: Phrase): boolean {
  if (a.words.some((w) => b.words.includes(w))) return false;
  const [x, y] = [display(a), display(b)];
  return !x.includes(y) && !y.includes(x);
}

/**
 * The text with every contact, number and address span replaced by a break. Names are found on the tags the
 * phrases are read from (wordRuns), so the text is tagged once.
 */
function withoutPersonalData(full: string): string {
  const text = full.slice(0, MAX_TEXT_CHARS);
  // Every kind the detector knows, but names, has a digit, an @, a run of numerals or a place word in it.
  if (!MAY_HOLD_PERSONAL_DATA.test(text)) return text;
  const spans = detectPii(text, { names: false });
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, s.start)}。${out.slice(s.end)}`;
  return out;
}

/** Runs of words that may belong to a title, split wherever something else stands (punctuation, 的, 建议, a name). */
function wordRuns(text: string, context: TitleContext): Unit[][] {
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const tagged = context.tag(text);
  // A person named in the comment (邻居郑宏伟, a signature): no part of the name enters a phrase (宏伟 alone neither).
  const names = findNamesInTagged(text, tagged);
  let at = 0;
  for (const { word, tag } of tagged) {
    const start = text.indexOf(word, at);
    if (start >= 0) at = start + word.length;
    // Spaces separate every word of a pre-segmented text and every English word: no break in themselves.
    if (word.trim() === "") continue;
    const named = start >= 0 && names.some((n) => start < n.end && n.start < start + word.length);
    const unit = named ? null : titleWord(word, tag);
    if (!unit || (run.length > 0 && HAN_WORD.test(run[0].word) !== HAN_WORD.test(unit.word))) close();
    if (unit) run.push(unit);
  }
  close();
  return runs;
}

function titleWord(raw: string, tag: string): Unit | null {
  const word = raw.toLowerCase();
  if (isStopword(word) || ATTITUDE.has(word) || ATTITUDE_PHRASE.test(word)) return null;
  if (HAN_WORD.test(word)) {
    if (tag.startsWith("nr") || !MODIFIER_TAGS.has(tag)) return null;
    return { word, tag, key: word };
  }
  const english = LATIN_WORD.test(word) ? englishTag(word) : null;
  if (english === null) return null;
  const key = stem(word);
  return isStopword(key) || ATTITUDE.has(key) ? null : { word, tag: english, key };
}

let lexicon: Record<string, string[] | undefined> | null = null;

/**
 * An English word's most likely part of speech (the Brill tagger's lexicon that ships with natural), as the
 * tags above: "n" for a noun (and a word it does not know), "a" for an adjective or participle that may
 * qualify one (affordable housing, parking fees); null for verbs, adverbs and the rest.
 */
function englishTag(word: string): string | null {
  lexicon ??= createRequire(import.meta.url)("natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json") as Record<
    string,
    string[] | undefined
  >;
  const entry = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  const tag = entry?.[0] ?? "NN";
  if (tag.startsWith("NN")) return "n";
  return tag === "JJ" || tag === "VBG" || tag === "VBN" ? "a" : null;
}

/** Every stretch of a run that reads as a noun phrase: up to four words, a head noun at the end. */
function subRuns(run: Unit[]): Unit[][] {
  const out: Unit[][] = [];
  const han = HAN_WORD.test(run[0].word);
  for (let end = 0; end < run.length; end++) {
    const verb = han && run[end].tag === "v";
    if (!HEAD_TAGS.has(run[end].tag) && !verb) continue;
    let chars = 0;
    for (let start = end; start >= 0 && end - start < MAX_PHRASE_WORDS; start--) {
      chars += run[start].word.length;
      if (han && chars > MAX_ASPECT_CHARS) break;
      // A phrase opens with a word, not with a lone character cut off the word before it; a lone character
      // ends one only after a word it qualifies (超标 + 车).
      if (han && (run[start].word.length < 2 || (start === end && run[end].word.length < 2))) continue;
      // A verb names a subject alone (充电, 停放) but makes a clause of a longer phrase (减少火灾隐患, 申领期限改成),
      // unless it is the first of two words it is nearly always written with (贴息期限, 超标车; checked below).
      if (han && start < end && (verb || (run[start].tag === "v" && end - start > 1))) continue;
      out.push(run.slice(start, end + 1));
    }
  }
  return out;
}
