// Warns about gaps, repeats and backward steps in a draft's numbering. A wrong number usually
// means a mis-typed or lost line in the paste, and comments cite articles by number, so the
// drafter needs to see it before the draft is published.
import type { DraftNode } from "./draft-parser";
import { toChineseNumeral } from "./chinese-numerals";

type Namer = (n: number) => string;

const article: Namer = (n) => `第${toChineseNumeral(n)}条`;
const chapter: Namer = (n) => `第${toChineseNumeral(n)}章`;
const section: Namer = (n) => `第${toChineseNumeral(n)}节`;
const item: Namer = (n) => `（${toChineseNumeral(n)}）`;

function missing(from: number, to: number, name: Namer): string {
  return from === to ? name(from) : `${name(from)}至${name(to)}`;
}

function checkSequence(numbers: number[], name: Namer, where = ""): string[] {
  const warnings: string[] = [];
  if (numbers.length > 0 && numbers[0] !== 1) {
    warnings.push(`${where}编号从${name(numbers[0])}开始，缺少${missing(1, Math.max(1, numbers[0] - 1), name)}`);
  }
  for (let i = 1; i < numbers.length; i++) {
    const [prev, cur] = [numbers[i - 1], numbers[i]];
    if (cur === prev) warnings.push(`${where}${name(cur)}重复出现`);
    else if (cur < prev) warnings.push(`${where}${name(prev)}之后是${name(cur)}，编号倒退`);
    else if (cur > prev + 1) {
      warnings.push(`${where}${name(prev)}之后是${name(cur)}，缺少${missing(prev + 1, cur - 1, name)}`);
    }
  }
  return warnings;
}

function numbersOf(nodes: DraftNode[], kind: DraftNode["kind"]): number[] {
  return nodes.flatMap((n) => (n.kind === kind && n.number !== null ? [n.number] : []));
}

function collect(nodes: DraftNode[], kind: DraftNode["kind"]): DraftNode[] {
  return nodes.flatMap((n) => (n.kind === kind ? [n] : collect(n.children, kind)));
}

export function checkNumbering(nodes: DraftNode[]): string[] {
  const chapters = collect(nodes, "chapter");
  const articles = collect(nodes, "article");
  const warnings = [
    ...checkSequence(numbersOf(chapters, "chapter"), chapter),
    // Sections restart in every chapter; articles run on through the whole draft.
    ...chapters.flatMap((c) => checkSequence(numbersOf(c.children, "section"), section, `${c.label}中`)),
    ...checkSequence(numbersOf(articles, "article"), article),
  ];
  for (const a of articles) {
    for (const p of a.children) checkItems(p.children, `${a.label}中`, warnings);
  }
  if (articles.length === 0) warnings.push("没有识别到任何条文（第X条）");
  return warnings;
}

// Appends to `warnings` rather than returning arrays to spread: an article may hold 100,000 项.
function checkItems(items: DraftNode[], where: string, warnings: string[]): void {
  // （一） and 1. are separate series, so each style is checked on its own.
  const styles = new Map<string, number[]>();
  for (const it of items) {
    if (it.number === null) continue;
    const style = it.label?.startsWith("（") ? "paren" : it.label?.endsWith(".") ? "dot" : "other";
    const numbers = styles.get(style);
    if (numbers) numbers.push(it.number);
    else styles.set(style, [it.number]);
  }
  const namer = (style: string): Namer => (style === "paren" ? item : (n) => `${n}.`);
  for (const [style, numbers] of styles) {
    for (const w of checkSequence(numbers, namer(style), where)) warnings.push(w);
  }
  for (const it of items) checkItems(it.children, where, warnings);
}
