// Turns a parsed draft back into text. serializeDraft writes the canonical form that parseDraft
// reads back to the same tree, so a drafter can correct the structure as text and re-import it.
import type { DraftNode, ParsedDraft } from "./draft-parser";
import { toChineseNumeral } from "./chinese-numerals";

// Official drafts separate a label from its text with a full-width space (第一条　为了…).
const GAP = "\u3000";

function itemLines(item: DraftNode): string[] {
  const label = item.label ?? (item.number !== null ? `（${toChineseNumeral(item.number)}）` : "");
  return [`${label}${item.text}`, ...item.children.flatMap(itemLines)];
}

/** A 款 with its 项, one per line. */
export function paragraphLines(paragraph: DraftNode): string[] {
  const lines = paragraph.text === "" ? [] : [paragraph.text];
  return [...lines, ...paragraph.children.flatMap(itemLines)];
}

/** An article's words without its label: the 款 joined by newlines, items on their own lines. */
export function articleText(article: DraftNode): string {
  return article.children.flatMap(paragraphLines).join("\n");
}

function divisionLabel(n: DraftNode, unit: string): string {
  return n.label ?? (n.number !== null ? `第${toChineseNumeral(n.number)}${unit}` : "");
}

function articleBlock(article: DraftNode): string {
  const label = divisionLabel(article, "条");
  const heading = article.heading ? `【${article.heading}】` : "";
  const [first, ...rest] = article.children;
  // A 款 that starts with a 项 (empty lead text) must not share the label's line, or the
  // re-parse would read the 项 label as the article's words.
  const firstLines = first ? paragraphLines(first) : [];
  const inline = first && first.text !== "" ? firstLines.shift() : undefined;
  const head = inline !== undefined ? `${label}${heading}${GAP}${inline}` : `${label}${heading}`;
  return [head, ...firstLines, ...rest.flatMap(paragraphLines)].join("\n");
}

function blocks(nodes: DraftNode[]): string[] {
  return nodes.flatMap((n): string[] => {
    switch (n.kind) {
      case "chapter":
      case "section": {
        const label = divisionLabel(n, n.kind === "chapter" ? "章" : "节");
        return [n.heading ? `${label}${GAP}${n.heading}` : label, ...blocks(n.children)];
      }
      case "article":
        return [articleBlock(n)];
      case "paragraph":
        return [paragraphLines(n).join("\n")];
      case "item":
        return [itemLines(n).join("\n")];
    }
  });
}

export function serializeDraft(parsed: ParsedDraft): string {
  const parts = [parsed.title, parsed.preamble, ...blocks(parsed.nodes)].filter((p): p is string => typeof p === "string" && p !== "");
  return parts.join("\n\n") + "\n";
}
