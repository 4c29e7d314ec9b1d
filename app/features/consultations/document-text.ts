// 起草说明 and 政策解读 are stored as plain text, written as government documents are: numbered
// sections (一、 and （一）) and, in an interpretation, often questions and answers (问：/答：, Q:/A:,
// 问题一：). This turns such text into blocks a page can render as headings, paragraphs and a
// question-and-answer list. Pure: no React, no database, so the page and its tests read it alike.

export interface QuestionAnswer {
  question: string;
  answer: string[];
}

export type DocumentBlock =
  /** The document's own title line (关于……的起草说明, ……政策解读): the page's h2 already names it. */
  | { kind: "title"; text: string }
  /** depth 1 is a section (一、), depth 2 a subsection (（一）) under it; never deeper than the text's nesting. */
  | { kind: "heading"; depth: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "qa"; items: QuestionAnswer[] };

const NUMERAL = "[一二三四五六七八九十百零〇]+";
const SECTION = new RegExp(`^${NUMERAL}、`);
const SUBSECTION = new RegExp(`^[（(]${NUMERAL}[）)]`);
const QUESTION = new RegExp(`^(?:问|Q)\\s*[:：]\\s*|^问题\\s*(?:${NUMERAL}|\\d+)\\s*[:：、.．]?\\s*`, "i");
const ANSWER = /^(?:答|A)\s*[:：]\s*/i;
const TITLE = /^(?:关于.{2,120}的.{0,20}(?:说明|解读)|.{2,120}(?:起草说明|政策解读|决策依据))$/;

// A heading is a short phrase: a numbered line whose first sentence runs longer is a numbered
// paragraph of the body, not a heading.
const HEADING_MAX = 40;

/**
 * A numbered line as a heading and, where the heading runs into its text as in
 * "（一）关于税收优惠。税收优惠属于……", the rest as a paragraph; undefined when it is body text.
 */
function splitHeading(line: string): { heading: string; rest: string } | undefined {
  const end = line.search(/[。！？!?]/);
  const headEnd = end < 0 ? line.length : end + 1;
  const heading = line.slice(0, headEnd).replace(/。$/, "").trim();
  if (heading.length > HEADING_MAX) return undefined;
  return { heading, rest: line.slice(headEnd).trim() };
}

export function parseDocumentText(text: string): DocumentBlock[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter(Boolean);
  const blocks: DocumentBlock[] = [];
  let qa: Extract<DocumentBlock, { kind: "qa" }> | undefined;
  let sawSection = false;

  const closeQa = () => {
    qa = undefined;
  };

  lines.forEach((line, i) => {
    if (i === 0 && TITLE.test(line) && !/[。；]/.test(line)) {
      blocks.push({ kind: "title", text: line });
      return;
    }
    const isSection = SECTION.test(line);
    if (isSection || SUBSECTION.test(line)) {
      const split = splitHeading(line);
      if (split) {
        closeQa();
        // A （一） before any 一、 is the text's first level: it must not skip a heading level.
        const depth = isSection || !sawSection ? 1 : 2;
        if (isSection) sawSection = true;
        blocks.push({ kind: "heading", depth, text: split.heading });
        if (split.rest) blocks.push({ kind: "paragraph", text: split.rest });
        return;
      }
    }
    const question = QUESTION.exec(line);
    if (question && line.length > question[0].length) {
      if (!qa) {
        qa = { kind: "qa", items: [] };
        blocks.push(qa);
      }
      qa.items.push({ question: line.slice(question[0].length), answer: [] });
      return;
    }
    const current = qa?.items.at(-1);
    if (current) {
      // After a question, every line up to the next question or heading is its answer, with or without 答：.
      const answer = line.replace(ANSWER, "");
      if (answer) current.answer.push(answer);
      return;
    }
    blocks.push({ kind: "paragraph", text: line });
  });
  return blocks;
}
