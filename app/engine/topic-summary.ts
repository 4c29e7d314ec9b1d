import { detectPii, redact } from "./pii";
import { isWord } from "./pseudo-terms";
import type { TokenCorpus } from "./token-corpus";
import type { PiiSpan, TopicResult, TopicSummarySentence } from "./types";

/**
 * A topic's cited summary without a language model (docs/decisions/0043): its distinct arguments, each stated in
 * a clause taken from one of its comments, with how many comments make it and which ones.
 *
 * A comment *makes* an argument when it uses most of the argument clause's content words: at least half of them
 * (and two, where the clause has two or more) and words carrying at least 60 % of their weight, a word weighing
 * more the fewer of the topic's comments use it (so a topic's everyday words alone do not make a match). The
 * arguments are chosen greedily from the clauses of a sample of the topic's comments: each time the clause that
 * the most comments not yet covered make (one of fewer than four content words counts proportionally less), unlike
 * the ones chosen and using a word at least twice as common in the topic as in the rest of the consultation.
 * Then every comment of the topic is checked against each chosen clause, so the counts are the whole topic's.
 * A campaign is one voice (its first letter speaks for it); its letters are counted apart.
 */
export interface SummaryComments {
  ids: readonly string[];
  /** the original texts, in input order */
  texts: readonly string[];
  /** personal data found in each text (offsets into the original) */
  pii: readonly PiiSpan[][];
  /** each comment's campaign, negative for none */
  campaignOf: ArrayLike<number>;
  /** each comment's content tokens (document i is comment i) */
  corpus: TokenCorpus;
  /** how many comments use each token, when already counted */
  documentFrequency?: Int32Array;
  /** a piece of text as content tokens, the way the corpus was made */
  tokenize: (text: string) => string[];
}

export const MAX_ARGUMENTS = 5;
/** A clause is made by a comment that uses at least this share of its content words, and at least two of them. */
export const WORD_SHARE = 0.5;
const WEIGHT_SHARE = 0.6;
/** Comments whose clauses compete to state an argument, and comments they are scored against: cost per topic is bounded. */
const CANDIDATE_VOICES = 60;
const SAMPLE_VOICES = 200;
/** Comment ids cited per sentence; `count` and `campaign_letters` always give the whole. */
export const MAX_CITED = 20;
const MIN_WORDS = 2;
/** Longest clause quoted, in Han characters (a Latin character counts a half). */
const MAX_CLAUSE_UNITS = 90;
const MIN_CLAUSE_UNITS = 5;
const FULL_SPECIFICITY = 4;
const TOO_ALIKE = 0.5;
/** A part of a sentence is quoted only where it covers clearly more comments than a whole sentence would. */
const PART_DISCOUNT = 0.7;
const PAIRS = [
  ["“", "”"],
  ["《", "》"],
  ["（", "）"],
  ["(", ")"],
  ["【", "】"],
  ["「", "」"],
] as const;
const MIN_LIFT = 2;
/** Greetings, thanks and self-introductions are no argument. */
const NOT_AN_ARGUMENT = /^(?:我是|本人是|本人系|我叫|您好|你好|谢谢|感谢|此致|敬礼|dear\b|hello\b|hi\b|thank|sincerely|regards|my name)/i;
const SENTENCE_END = /[。！？!?；;\n\r]/;
const CLAUSE_BREAK = /[，,：:、]/;
const LEADING_MARK =
  /^(?:[\s"'“”‘’「」『』（）()\-—*·•]+|(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．)）]\s*|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]\s*)+/;
/** Words that open a sentence without saying anything of its own: a label before a colon, a bracketed reference, a connective. */
const LEADING_WORDS = [
  /^【[^】]{0,20}】\s*/,
  // A label has no digits: 12:30 is a time, not a label.
  /^[^，,：:。“"\d]{1,12}[：:]\s*/,
  /^(?:另外|同时|但是|不过|而且|此外|并且|所以|因此|其次|首先|最后|还有|总之|另|但|also|but|however|moreover|furthermore|finally|so)[，,、\s]+/i,
];
const TRAILING_MARK = /[\s，,、：:"'“”‘’「」『』（(]+$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

interface Clause {
  voice: number;
  start: number;
  end: number;
  text: string;
  /** distinct content token ids, all in the comment's own document */
  words: number[];
  /** a comma-separated part of a sentence rather than the whole */
  part: boolean;
}

interface Argument {
  clause: Clause;
  weights: Map<number, number>;
  total: number;
  needed: number;
}

const units = (s: string) => (s.match(HAN)?.length ?? 0) + (s.length - (s.match(HAN)?.length ?? 0)) / 2;

/** The sentences of a text (a long one in its comma-separated parts), as trimmed offsets into it. */
export function clausesOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const push = (start: number, end: number) => {
    let s = text.slice(start, end);
    let lead = 0;
    for (let changed = true; changed; ) {
      changed = false;
      for (const mark of [LEADING_MARK, ...LEADING_WORDS]) {
        const cut = s.match(mark)?.[0].length ?? 0;
        // Never the whole clause: "理由：" alone stays (and is too short to quote).
        if (cut > 0 && cut < s.length) {
          s = s.slice(cut);
          lead += cut;
          changed = true;
        }
      }
    }
    const trimmed = s.replace(TRAILING_MARK, "");
    if (trimmed.length) out.push({ start: start + lead, end: start + lead + trimmed.length });
  };
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const end = i === text.length || SENTENCE_END.test(text[i]) || (text[i] === "." && (i + 1 === text.length || /\s/.test(text[i + 1])));
    if (!end) continue;
    if (i > start) {
      if (units(text.slice(start, i)) <= MAX_CLAUSE_UNITS) push(start, i);
      else {
        let from = start;
        for (let j = start; j <= i; j++) {
          if (j < i && !CLAUSE_BREAK.test(text[j])) continue;
          if (j > from) push(from, j);
          from = j + 1;
        }
      }
    }
    start = i + 1;
  }
  return out;
}

/** Each sentence and, where it has several, its comma-separated parts: a part is often the point many comments share. */
function withParts(text: string, sentences: Array<{ start: number; end: number }>): Array<{ start: number; end: number; part: boolean }> {
  const out: Array<{ start: number; end: number; part: boolean }> = [];
  for (const s of sentences) {
    out.push({ ...s, part: false });
    const parts = clausesOf(text.slice(s.start, s.end).replace(/[，,：:]/g, "。"));
    if (parts.length > 1) for (const p of parts) out.push({ start: s.start + p.start, end: s.start + p.end, part: true });
  }
  return out;
}

/** A quote cut inside quotation marks or brackets reads wrong: 所称“A级旅游景区 */
function balanced(text: string): boolean {
  for (const [open, close] of PAIRS) if (text.split(open).length !== text.split(close).length) return false;
  return true;
}

/** One topic's summary sentences, largest argument first. `members` are the topic's comments in input order. */
export function summarizeTopic(members: readonly number[], comments: SummaryComments, globalCount: (t: number) => number = () => 0): TopicSummarySentence[] {
  const { corpus } = comments;
  // One voice per campaign: its first letter in the topic.
  const voices: number[] = [];
  const letters = new Map<number, number>();
  for (const i of members) {
    const c = comments.campaignOf[i] ?? -1;
    if (c >= 0) {
      const seen = letters.get(c);
      letters.set(c, (seen ?? 0) + 1);
      if (seen !== undefined) continue;
    }
    voices.push(i);
  }
  if (voices.length === 0) return [];
  const sample = spread(voices, SAMPLE_VOICES);
  const wordsOf = sample.map((i) => new Set(Array.from(corpus.doc(i)).filter((t) => isWord(corpus.words[t]))));
  const df = new Map<number, number>();
  for (const words of wordsOf) for (const t of words) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: number) => Math.log((sample.length + 1) / ((df.get(t) ?? 0) + 1)) + 0.1;

  const campaignVoices = sample.filter((i) => (comments.campaignOf[i] ?? -1) >= 0);
  const candidates = [...new Set([...campaignVoices.slice(0, 20), ...spread(sample, CANDIDATE_VOICES)])];
  // A clause must say something of this topic: one of its words at least twice as common here as in the
  // rest of the consultation. Phrases every topic's comments use (an opening, a request for a reply) are no argument.
  const distinctive = (t: number) => {
    const share = (df.get(t) ?? 0) / sample.length;
    const elsewhere = Math.max(0, globalCount(t) - share * members.length) / Math.max(1, comments.corpus.size - members.length);
    return share >= MIN_LIFT * elsewhere;
  };
  const clauses = candidates.flatMap((i) => candidateClauses(i, comments)).filter((c) => c.words.some(distinctive));
  const postings = new Map<number, number[]>();
  wordsOf.forEach((words, v) => words.forEach((t) => (postings.get(t) ?? postings.set(t, []).get(t)!).push(v)));

  const args = clauses.map((c) => argumentOf(c, weight));
  const count = new Int32Array(sample.length);
  const weightOf = new Float64Array(sample.length);
  const coveredBy = args.map((a) => makers(a, postings, count, weightOf));
  // Each clause's gain: the sample voices making it that no chosen argument covers yet, kept up to date.
  const gain = Int32Array.from(coveredBy, (vs) => vs.length);
  const clausesOfVoice: number[][] = sample.map(() => []);
  coveredBy.forEach((vs, k) => vs.forEach((v) => clausesOfVoice[v].push(k)));
  const covered = new Uint8Array(sample.length);
  const minSupport = voices.length >= 4 ? 2 : 1;
  const chosen: number[] = [];
  const out = new Uint8Array(clauses.length);
  while (chosen.length < MAX_ARGUMENTS) {
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < clauses.length; k++) {
      if (out[k] || gain[k] < minSupport) continue;
      const score = gain[k] * Math.min(1, clauses[k].words.length / FULL_SPECIFICITY) * (clauses[k].part ? PART_DISCOUNT : 1);
      if (score > bestScore || (score === bestScore && best >= 0 && clauses[k].text.length < clauses[best].text.length)) {
        best = k;
        bestScore = score;
      }
    }
    if (best < 0) break;
    out[best] = 1;
    // Too like a chosen argument, or holding personal data the comment-level scan missed (a name): not quotable.
    if (chosen.some((k) => overlap(args[best], args[k]) >= TOO_ALIKE) || detectPii(clauses[best].text).length > 0) continue;
    chosen.push(best);
    for (const v of coveredBy[best]) {
      if (covered[v]) continue;
      covered[v] = 1;
      for (const k of clausesOfVoice[v]) gain[k]--;
    }
  }

  const script = scriptOf(candidates.map((i) => comments.texts[i]));
  const made = madeBy(
    chosen.map((k) => args[k]),
    voices,
    corpus
  );
  return chosen
    .map((k, a) => {
      const argument = args[k];
      const makersIds = made[a];
      const campaigns = makersIds.map((i) => comments.campaignOf[i] ?? -1).filter((c) => c >= 0);
      const campaignLetters = campaigns.reduce((n, c) => n + (letters.get(c) ?? 0), 0);
      const quote = quoteOf(argument.clause, comments);
      return {
        text: sentence(script, makersIds.length, quote, campaigns.length, campaignLetters),
        count: makersIds.length,
        campaign_letters: campaignLetters,
        comment_ids: makersIds.slice(0, MAX_CITED).map((i) => comments.ids[i]),
        quoteSource: argument.clause.voice,
      };
    })
    .sort((a, b) => b.count - a.count || a.quoteSource - b.quoteSource)
    .map(({ quoteSource: _, ...s }) => s);
}

/**
 * Every machine and staff topic's summary (the others, comments with no substance or sharing no words with any
 * topic, get none). `topicOf`: each comment's topic id.
 */
export function summarizeTopics(topics: TopicResult[], topicOf: ReadonlyArray<string | null>, comments: SummaryComments): void {
  const members = new Map<string, number[]>();
  topicOf.forEach((t, i) => {
    if (t !== null) (members.get(t) ?? members.set(t, []).get(t)!).push(i);
  });
  const n = comments.corpus.size;
  const df = comments.documentFrequency ?? comments.corpus.documentFrequency(Int32Array.from({ length: n }, (_, i) => i));
  for (const t of topics) t.summary = t.kind === "machine" || t.kind === "staff" ? summarizeTopic(members.get(t.id) ?? [], comments, (w) => df[w] ?? 0) : [];
}

/** Every `n`-th of the items so that at most `max` are taken, spread over the whole list. */
function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, k) => items[Math.floor((k * items.length) / max)]);
}

function candidateClauses(voice: number, comments: SummaryComments): Clause[] {
  const text = comments.texts[voice] ?? "";
  const pii = comments.pii[voice] ?? [];
  const own = new Set(comments.corpus.doc(voice));
  const out: Clause[] = [];
  for (const { start, end, part } of withParts(text, clausesOf(text))) {
    const clause = text.slice(start, end);
    const size = units(clause);
    if (size < MIN_CLAUSE_UNITS || size > MAX_CLAUSE_UNITS || NOT_AN_ARGUMENT.test(clause) || !balanced(clause)) continue;
    if (pii.some((p) => p.start < end && start < p.end)) continue;
    // Words as the comment's own document has them: a clause cut apart may segment a word differently.
    const words = [
      ...new Set(
        comments
          .tokenize(clause)
          .filter(isWord)
          .flatMap((w) => comments.corpus.idOf(w) ?? [])
      ),
    ].filter((t) => own.has(t));
    if (words.length >= MIN_WORDS) out.push({ voice, start, end, text: clause, words, part });
  }
  return out;
}

function argumentOf(clause: Clause, weight: (t: number) => number): Argument {
  const weights = new Map(clause.words.map((t) => [t, weight(t)] as const));
  const total = [...weights.values()].reduce((s, w) => s + w, 0);
  return { clause, weights, total, needed: Math.max(Math.min(2, clause.words.length), Math.ceil(WORD_SHARE * clause.words.length)) };
}

/** The sample voices that make an argument, through the sample's postings. */
function makers(a: Argument, postings: Map<number, number[]>, count: Int32Array, weight: Float64Array): number[] {
  const touched: number[] = [];
  for (const [t, w] of a.weights) {
    for (const v of postings.get(t) ?? []) {
      if (count[v] === 0) touched.push(v);
      count[v]++;
      weight[v] += w;
    }
  }
  const out = touched.filter((v) => count[v] >= a.needed && weight[v] >= WEIGHT_SHARE * a.total - 1e-9).sort((x, y) => x - y);
  for (const v of touched) {
    count[v] = 0;
    weight[v] = 0;
  }
  return out;
}

/**
 * For each argument, the voices that make it: one pass over the topic's comments, each token looked up once for
 * all arguments (the whole topic is read here, so this is the part that grows with it).
 */
function madeBy(args: readonly Argument[], voices: readonly number[], corpus: TokenCorpus): number[][] {
  const slotOf = new Map<number, number>();
  const slots: Array<Array<[number, number]>> = [];
  args.forEach((a, k) =>
    a.weights.forEach((w, t) => {
      let slot = slotOf.get(t);
      if (slot === undefined) slotOf.set(t, (slot = slots.push([]) - 1));
      slots[slot].push([k, w]);
    })
  );
  const seen = new Int32Array(slots.length).fill(-1);
  const count = new Int32Array(args.length);
  const weight = new Float64Array(args.length);
  const out: number[][] = args.map(() => []);
  voices.forEach((v, vi) => {
    count.fill(0);
    weight.fill(0);
    for (const t of corpus.doc(v)) {
      const slot = slotOf.get(t);
      if (slot === undefined || seen[slot] === vi) continue;
      seen[slot] = vi;
      for (const [k, w] of slots[slot]) {
        count[k]++;
        weight[k] += w;
      }
    }
    args.forEach((a, k) => {
      if (count[k] >= a.needed && weight[k] >= WEIGHT_SHARE * a.total - 1e-9) out[k].push(v);
    });
  });
  return out;
}

/** How much two arguments share, by the weight of their shared words (the topic's everyday words weigh little). */
function overlap(a: Argument, b: Argument): number {
  let shared = 0;
  for (const [t, w] of a.weights) if (b.weights.has(t)) shared += w;
  return shared / Math.max(1e-9, Math.min(a.total, b.total));
}

/** The clause as quoted: any personal data in it replaced by its label (none is expected: such clauses are skipped). */
function quoteOf(clause: Clause, comments: SummaryComments): string {
  const spans = (comments.pii[clause.voice] ?? [])
    .filter((p) => p.start < clause.end && clause.start < p.end)
    .map((p) => ({ kind: p.kind, start: p.start - clause.start, end: p.end - clause.start }));
  return redact(clause.text, [...spans, ...detectPii(clause.text)]).replace(/\s+/g, " ");
}

function scriptOf(texts: readonly string[]): "zh" | "en" {
  let han = 0;
  let latin = 0;
  for (const t of texts) {
    han += t.match(HAN)?.length ?? 0;
    latin += t.match(LATIN)?.length ?? 0;
  }
  // A Han character carries about as much as a word of five letters.
  return han * 3 >= latin ? "zh" : "en";
}

function sentence(script: "zh" | "en", count: number, quote: string, campaigns: number, letters: number): string {
  if (script === "zh") {
    const note =
      campaigns === 0
        ? ""
        : campaigns === 1
        ? `（其中 1 组同一模板来信共 ${letters} 封，计为 1 条）`
        : `（其中 ${campaigns} 组同一模板来信共 ${letters} 封，每组计为 1 条）`;
    return `${count} 条意见认为：“${quote}”${note}。`;
  }
  const note =
    campaigns === 0
      ? ""
      : campaigns === 1
      ? ` (including one campaign of ${letters} letters, counted once)`
      : ` (including ${campaigns} campaigns of ${letters} letters in all, each counted once)`;
  return `${count} ${count === 1 ? "comment argues" : "comments argue"}: "${quote}"${note}.`;
}
