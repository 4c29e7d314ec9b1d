// Word's automatic numbering ("第%1条" as a list level) is not in the paragraphs' text: Word draws
// it from word/numbering.xml. Text extraction sees "为了……" where the reader sees "第一条　为了……",
// so a draft numbered that way parsed as 0 articles. This writes each numbered paragraph's number
// into its text, as Word displays it, before the text is extracted.
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { toChineseNumeral } from "~/engine/chinese-numerals";

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
  restart: number | null;
}

interface Numbering {
  /** numId → counter key and levels (with the instance's start overrides applied). */
  instances: Map<string, { key: string; levels: Map<number, Level> }>;
  /** styleId → the numbering its paragraphs inherit. */
  styles: Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["w:abstractNum", "w:num", "w:lvl", "w:lvlOverride", "w:style"].includes(name),
});

const list = <T>(v: T[] | undefined): T[] => v ?? [];
// Word writes <w:isLgl/> with no value, and w:val="0"/"false" to turn a flag off.
const flag = (v: unknown) =>
  v !== undefined && !(typeof v === "object" && v && ["0", "false", "off"].includes(String((v as Record<string, unknown>)["@w:val"])));
const val = (v: unknown): string | undefined => (v && typeof v === "object" ? ((v as Record<string, unknown>)["@w:val"] as string | undefined) : undefined);

type Node = Record<string, unknown>;

function readLevels(lvls: Node[]): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const l of lvls) {
    const restart = val(l["w:lvlRestart"]);
    levels.set(Number(l["@w:ilvl"] ?? 0), {
      start: Number(val(l["w:start"]) ?? 1),
      format: val(l["w:numFmt"]) ?? "decimal",
      text: String(val(l["w:lvlText"]) ?? ""),
      suffix: val(l["w:suff"]) ?? "tab",
      legal: flag(l["w:isLgl"]),
      restart: restart === undefined ? null : Number(restart),
    });
  }
  return levels;
}

function readNumbering(numberingXml: string | null, stylesXml: string | null): Numbering {
  const instances: Numbering["instances"] = new Map();
  const styles: Numbering["styles"] = new Map();
  if (numberingXml) {
    const root = (parser.parse(numberingXml)["w:numbering"] ?? {}) as Node;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of list(root["w:abstractNum"] as Node[] | undefined)) {
      abstracts.set(String(a["@w:abstractNumId"]), readLevels(list(a["w:lvl"] as Node[] | undefined)));
    }
    for (const n of list(root["w:num"] as Node[] | undefined)) {
      const abstractId = String(val(n["w:abstractNumId"]));
      const levels = new Map(abstracts.get(abstractId) ?? []);
      const overrides = list(n["w:lvlOverride"] as Node[] | undefined);
      for (const o of overrides) {
        const ilvl = Number(o["@w:ilvl"] ?? 0);
        const own = list(o["w:lvl"] as Node[] | undefined);
        if (own.length) levels.set(ilvl, readLevels(own).values().next().value!);
        const start = val(o["w:startOverride"]);
        const base = levels.get(ilvl);
        if (start !== undefined && base) levels.set(ilvl, { ...base, start: Number(start) });
      }
      // Instances of one list share its counters in Word, unless an instance restarts them.
      const key = overrides.length ? `num:${n["@w:numId"]}` : `abstract:${abstractId}`;
      instances.set(String(n["@w:numId"]), { key, levels });
    }
  }
  if (stylesXml) {
    const root = (parser.parse(stylesXml)["w:styles"] ?? {}) as Node;
    for (const s of list(root["w:style"] as Node[] | undefined)) {
      const numPr = ((s["w:pPr"] as Node | undefined)?.["w:numPr"] ?? null) as Node | null;
      const ilvl = val(numPr?.["w:ilvl"]);
      styles.set(String(s["@w:styleId"]), {
        numId: val(numPr?.["w:numId"]) ?? null,
        ilvl: ilvl === undefined ? null : Number(ilvl),
        basedOn: val(s["w:basedOn"]) ?? null,
      });
    }
  }
  return { instances, styles };
}

const STEMS = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES = "子丑寅卯辰巳午未申酉戌亥";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";

function letters(n: number, base: string): string {
  // Word repeats the letter: a … z, aa … zz.
  const letter = base[(n - 1) % 26];
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A counter as Word writes it in the given w:numFmt. */
export function formatNumber(n: number, format: string): string {
  const chinese = () => (n >= 0 && n <= 9999 ? toChineseNumeral(n) : String(n));
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "koreanCounting":
      return chinese();
    case "chineseLegalSimplified":
      return chinese()
        .replace(/[零一二三四五六七八九]/g, (d) => LEGAL_DIGITS["零一二三四五六七八九".indexOf(d)])
        .replace(/十/g, "拾")
        .replace(/百/g, "佰")
        .replace(/千/g, "仟");
    case "ideographDigital":
    case "taiwaneseDigital":
      return String(n).replace(/\d/g, (d) => "〇一二三四五六七八九"[Number(d)]);
    case "ideographTraditional":
      return STEMS[(n - 1) % 10] ?? String(n);
    case "ideographZodiac":
      return BRANCHES[(n - 1) % 12] ?? String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "lowerLetter":
      return letters(n, "abcdefghijklmnopqrstuvwxyz");
    case "upperLetter":
      return letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attr = (xml: string, name: string) => new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

/** The numbering a paragraph has, directly or through its style (and the styles it is based on). */
function paragraphNumbering(pPr: string, numbering: Numbering): { numId: string; ilvl: number } | null {
  const numPr = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
  let numId = numPr ? attr(numPr, "numId") : undefined;
  let ilvl = numPr ? attr(numPr, "ilvl") : undefined;
  for (let style = attr(pPr, "pStyle"), depth = 0; style && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
    const s = numbering.styles.get(style);
    if (!s) break;
    numId ??= s.numId ?? undefined;
    if (ilvl === undefined && s.ilvl !== null) ilvl = String(s.ilvl);
    style = s.basedOn ?? undefined;
  }
  // numId 0 is Word's way of switching numbering off for one paragraph.
  if (numId === undefined || numId === "0") return null;
  return { numId, ilvl: Number(ilvl ?? 0) };
}

/** Writes the numbers of automatically numbered paragraphs into document.xml's text. */
export function numberParagraphs(documentXml: string, numbering: Numbering): string {
  const counters = new Map<string, Map<number, number>>();
  const PARAGRAPH = /<w:p\b(?:\s[^>]*)?>(\s*<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>)?/g;
  return documentXml.replace(PARAGRAPH, (open: string, pPr: string | undefined) => {
    const at = pPr ? paragraphNumbering(pPr, numbering) : null;
    const instance = at ? numbering.instances.get(at.numId) : undefined;
    const level = at && instance?.levels.get(at.ilvl);
    if (!at || !instance || !level) return open;
    const counts = counters.get(instance.key) ?? new Map<number, number>();
    counters.set(instance.key, counts);
    const current = counts.get(at.ilvl);
    counts.set(at.ilvl, current === undefined ? level.start : current + 1);
    // Deeper levels start again after this one, unless w:lvlRestart says otherwise (0: never).
    for (const [ilvl, l] of instance.levels) {
      if (ilvl > at.ilvl && (l.restart === null || (l.restart !== 0 && at.ilvl < l.restart))) counts.delete(ilvl);
    }
    const label = level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = instance.levels.get(i);
      const n = counts.get(i) ?? l?.start ?? 1;
      return formatNumber(n, level.legal && i !== at.ilvl ? "decimal" : l?.format ?? "decimal");
    });
    if (!label) return open;
    // Word's default separator is a tab; an ideographic space reads the same to the draft parser.
    const text = label + (level.suffix === "nothing" ? "" : level.suffix === "space" ? " " : "　");
    return `${open}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  });
}

/**
 * The same .docx with its automatic numbers written into the paragraphs' text; the buffer as it
 * was when nothing is numbered (or the file is not a readable zip: the caller reports that).
 */
export async function expandWordNumbering(buffer: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    return buffer;
  }
  const numberingXml = await zip.file("word/numbering.xml")?.async("string");
  const documentFile = zip.file("word/document.xml");
  if (!numberingXml || !documentFile) return buffer;
  const numbering = readNumbering(numberingXml, (await zip.file("word/styles.xml")?.async("string")) ?? null);
  if (numbering.instances.size === 0) return buffer;
  const documentXml = await documentFile.async("string");
  const numbered = numberParagraphs(documentXml, numbering);
  if (numbered === documentXml) return buffer;
  zip.file("word/document.xml", numbered);
  return zip.generateAsync({ type: "nodebuffer" });
}
