import * as OpenCC from "opencc-js";

/**
 * Text normalisation shared by every stage, so that a comment typed in full-width characters, in traditional
 * characters or with invisible control characters is analysed like its plain simplified twin.
 */

// Bidi overrides and isolates can make a published comment display differently from what it says; zero-width
// characters split words invisibly. Neither carries meaning for analysis.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const HAN = /[\u3400-\u9FFF\uF900-\uFAFF]/;

let toSimplified: ((text: string) => string) | null = null;
let traditionalChars: Uint8Array | null = null;

function converter(): (text: string) => string {
  toSimplified ??= OpenCC.Converter({ from: "tw", to: "cn" });
  return toSimplified;
}

/**
 * Marks every BMP Han character that the converter changes, so that the (slow) phrase-level conversion runs only
 * on texts that actually contain a traditional character: most comments are already simplified.
 */
function traditionalTable(): Uint8Array {
  if (traditionalChars) return traditionalChars;
  const table = new Uint8Array(0x10000);
  const convert = converter();
  const ranges: [number, number][] = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      if (convert(ch) !== ch) table[code] = 1;
    }
  }
  traditionalChars = table;
  return table;
}

export function hasTraditional(text: string): boolean {
  const table = traditionalTable();
  for (let i = 0; i < text.length; i++) {
    if (table[text.charCodeAt(i)] === 1) return true;
  }
  return false;
}

/** NFKC (full-width letters, digits and punctuation become half-width), invisible characters removed, traditional to simplified. */
export function normalizeText(raw: string): string {
  let text = raw.replace(INVISIBLE, "").normalize("NFKC");
  if (HAN.test(text) && hasTraditional(text)) text = converter()(text);
  return text;
}

/**
 * The key under which two texts count as exact duplicates: case, whitespace, punctuation, symbols and emoji are
 * ignored, so that a form letter re-typed with other punctuation or spacing is still the same letter.
 */
export function duplicateKey(normalized: string): string {
  return normalized.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** True when the text holds no letter or digit at all (empty, punctuation, a lone emoji). */
export function isBlank(normalized: string): boolean {
  return !/[\p{L}\p{N}]/u.test(normalized);
}
