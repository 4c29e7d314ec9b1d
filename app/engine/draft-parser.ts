// Parses a Chinese legal draft, pasted or extracted from .docx, into 章/节/条/款/项.
// Line-based: every 第X条 line starts an article, every later line until the next one is a 款,
// and （一）/1./① lines are 项 of the 款 above them. Blank lines carry no meaning, because
// pasted text has them everywhere or nowhere.
import { NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from "./chinese-numerals";
import { articleText, serializeDraft } from "./draft-text";
import { checkNumbering } from "./draft-numbering";

export { parseChineseNumeral, toChineseNumeral, serializeDraft };

export type DraftNodeKind = "chapter" | "section" | "article" | "paragraph" | "item";

/**
 * `text` is the node's own words: the heading of a chapter or section (or ""), the whole article
 * (its 款 joined by newlines, items included) for an article, the line for a 款 or 项 without its
 * label. serializeDraft reads `children`, so edit those and the article text follows on re-parse.
 */
export interface DraftNode {
  kind: DraftNodeKind;
  number: number | null;
  label: string | null;
  heading: string | null;
  text: string;
  children: DraftNode[];
}

export interface ParsedDraft {
  title: string | null;
  nodes: DraftNode[];
  warnings: string[];
  /** Lines between the title and the first chapter or article, e.g. a note on how to comment. */
  preamble?: string;
}

export interface DraftArticle {
  number: number;
  label: string;
  text: string;
  chapter: number | null;
  chapterHeading: string | null;
}

const N = `[${NUMERAL_CHARS}]+`;
const CHAPTER = new RegExp(`^第(${N})章\\s*(.*)$`);
const SECTION = new RegExp(`^第(${N})[节節]\\s*(.*)$`);
const ARTICLE = new RegExp(`^第(${N})[条條](.*)$`);
const PAREN_ITEM = new RegExp(`^[（(](${N})[）)]\\s*(.*)$`);
const DOT_ITEM = /^([0-9０-９]{1,2})[.．、](?![0-9０-９])\s*(.*)$/;
const CIRCLED_ITEM = /^([\u2460-\u2473])\s*(.*)$/;
// "第五条规定的…" or "第五条之一" at the start of a line is a sentence about an article, not one.
const REFERENCE_CONTINUATION = /^(?:之|规定|所|中|第|的|和|及|、|至|到|或|款|项|[-—～~])/;
// 第一条【立法目的】… or 第一条（立法目的）…; the bracketed form may stand alone on its line.
const ARTICLE_HEADING = /^(?:【([^】]{1,30})】\s*(.*)|[（(]([^）)]{1,20})[）)]\s*(.+))$/;
const SENTENCE_END = /[。；;：:！？!?，,]$/;

function normalizeLine(raw: string): string {
  return raw
    .replace(/[\u3000\u00a0\t]/g, " ")
    .replace(/\*\*|__/g, "")
    .trim()
    .replace(/^(?:#{1,6}|>)\s*/, "")
    .trim();
}

function isHeadingLike(line: string): boolean {
  return line.length <= 30 && !SENTENCE_END.test(line) && !/[。；]/.test(line);
}

function node(kind: DraftNodeKind, number: number | null, label: string | null, heading: string | null, text: string): DraftNode {
  return { kind, number, label, heading, text, children: [] };
}

function parseItem(line: string): DraftNode | null {
  const paren = PAREN_ITEM.exec(line);
  if (paren) {
    const n = parseChineseNumeral(paren[1]);
    const chinese = /^[^0-9０-９]+$/.test(paren[1]);
    if (n === null) return null;
    return node("item", n, `（${chinese ? toChineseNumeral(n) : n}）`, null, paren[2].trim());
  }
  const dot = DOT_ITEM.exec(line);
  if (dot) {
    const n = parseChineseNumeral(dot[1]);
    return n === null ? null : node("item", n, `${n}.`, null, dot[2].trim());
  }
  const circled = CIRCLED_ITEM.exec(line);
  if (circled) return node("item", circled[1].charCodeAt(0) - 0x2460 + 1, circled[1], null, circled[2].trim());
  return null;
}

function parseArticle(line: string): DraftNode | null {
  const m = ARTICLE.exec(line);
  if (!m) return null;
  const number = parseChineseNumeral(m[1]);
  if (number === null) return null;
  const rest = m[2];
  if (rest !== "" && !/^\s/.test(rest) && REFERENCE_CONTINUATION.test(rest)) return null;
  const article = node("article", number, `第${toChineseNumeral(number)}条`, null, "");
  let body = rest.trim();
  const h = ARTICLE_HEADING.exec(body);
  if (h && parseChineseNumeral(h[1] ?? h[3]) === null) {
    article.heading = (h[1] ?? h[3]).trim();
    body = (h[2] ?? h[4]).trim();
  }
  if (body !== "") article.children.push(node("paragraph", null, null, null, body));
  return article;
}

function parseDivision(line: string, kind: "chapter" | "section"): DraftNode | null {
  const m = (kind === "chapter" ? CHAPTER : SECTION).exec(line);
  if (!m) return null;
  const number = parseChineseNumeral(m[1]);
  const heading = m[2].trim();
  if (number === null || (heading !== "" && !isHeadingLike(heading))) return null;
  const label = `第${toChineseNumeral(number)}${kind === "chapter" ? "章" : "节"}`;
  return node(kind, number, label, heading || null, heading);
}

export function parseDraft(text: string): ParsedDraft {
  const warnings: string[] = [];
  const nodes: DraftNode[] = [];
  const before: string[] = [];
  let chapter: DraftNode | null = null;
  let section: DraftNode | null = null;
  let article: DraftNode | null = null;
  let paragraph: DraftNode | null = null;
  let item: DraftNode | null = null;
  let awaitingHeading: DraftNode | null = null;

  const container = () => section ?? chapter;

  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = normalizeLine(raw);
    if (line === "") continue;

    const division = parseDivision(line, "chapter") ?? parseDivision(line, "section");
    if (division) {
      if (division.kind === "chapter") {
        nodes.push(division);
        chapter = division;
        section = null;
      } else if (chapter) {
        chapter.children.push(division);
        section = division;
      } else {
        warnings.push(`${division.label}不在任何章之下`);
        nodes.push(division);
        section = division;
      }
      article = paragraph = item = null;
      awaitingHeading = division.heading === null ? division : null;
      continue;
    }

    const newArticle = parseArticle(line);
    if (newArticle) {
      (container()?.children ?? nodes).push(newArticle);
      article = newArticle;
      paragraph = newArticle.children[0] ?? null;
      item = awaitingHeading = null;
      continue;
    }

    if (awaitingHeading && isHeadingLike(line)) {
      awaitingHeading.heading = awaitingHeading.text = line;
      awaitingHeading = null;
      continue;
    }
    awaitingHeading = null;

    const parent = article ?? container();
    if (!parent) {
      before.push(line);
      continue;
    }
    if (!article) warnings.push(`${parent.label}与第一条之间的文字不属于任何条：“${line.slice(0, 20)}”`);

    const newItem = parseItem(line);
    if (newItem && article) {
      // "1." under a （一） is a 目 of that 项; otherwise a 项 of the current 款.
      if (item && newItem.label?.endsWith(".") && item.label?.startsWith("（")) {
        item.children.push(newItem);
        continue;
      }
      if (!paragraph) {
        paragraph = node("paragraph", null, null, null, "");
        article.children.push(paragraph);
      }
      paragraph.children.push(newItem);
      item = newItem;
      continue;
    }
    paragraph = node("paragraph", null, null, null, line);
    parent.children.push(paragraph);
    item = null;
  }

  const { title, preamble } = splitTitle(before);
  if (preamble) warnings.push(`正文前有 ${preamble.split("\n").length} 段文字不属于任何条，已作为前言保留`);
  finishArticles(nodes);
  for (const w of checkNumbering(nodes)) warnings.push(w);
  const listed = readableWarnings(warnings);
  return preamble ? { title, nodes, warnings: listed, preamble } : { title, nodes, warnings: listed };
}

// A pasted list with thousands of mis-numbered 项 would otherwise bury the page in warnings.
const MAX_WARNINGS = 100;

function readableWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [...warnings.slice(0, MAX_WARNINGS), `另有 ${warnings.length - MAX_WARNINGS} 条提示未列出，请先改正以上各处后重新解析。`];
}

function splitTitle(lines: string[]): { title: string | null; preamble: string | null } {
  if (lines.length === 0) return { title: null, preamble: null };
  let [first, ...rest] = lines;
  if (first.length > 80 || SENTENCE_END.test(first)) return { title: null, preamble: lines.join("\n") };
  // A title is often broken before its status note: 某某办法 / （征求意见稿）.
  if (rest.length > 0 && /^[（(][^）)]{1,12}[）)]$/.test(rest[0])) {
    first += rest[0];
    rest = rest.slice(1);
  }
  return { title: first, preamble: rest.length > 0 ? rest.join("\n") : null };
}

function finishArticles(nodes: DraftNode[]): void {
  for (const n of nodes) {
    if (n.kind === "article") n.text = articleText(n);
    else finishArticles(n.children);
  }
}

export function flattenArticles(parsed: ParsedDraft): DraftArticle[] {
  const out: DraftArticle[] = [];
  const walk = (list: DraftNode[], chapter: DraftNode | null) => {
    for (const n of list) {
      if (n.kind === "article" && n.number !== null) {
        out.push({
          number: n.number,
          label: n.label ?? `第${toChineseNumeral(n.number)}条`,
          text: articleText(n),
          chapter: chapter?.number ?? null,
          chapterHeading: chapter?.heading ?? null,
        });
      } else if (n.kind === "chapter") walk(n.children, n);
      else if (n.kind === "section") walk(n.children, chapter);
    }
  };
  walk(parsed.nodes, null);
  return out;
}
