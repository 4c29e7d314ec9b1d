// Normalisation for the personal-data detector. Every replacement is one UTF-16 unit for one, so
// an offset found in the normalised text is the same offset in the original.

// Digits as people spell out a number to get it past a filter: 一三九…, 幺 (1) and 洞 (0) as
// radio operators say them, 两 (2), and the financial forms 壹贰叁.
const SPELLED_DIGITS: Record<string, string> = {
  零: "0",
  〇: "0",
  洞: "0",
  一: "1",
  幺: "1",
  壹: "1",
  二: "2",
  两: "2",
  贰: "2",
  三: "3",
  叁: "3",
  四: "4",
  肆: "4",
  五: "5",
  伍: "5",
  六: "6",
  陆: "6",
  七: "7",
  柒: "7",
  八: "8",
  捌: "8",
  九: "9",
  玖: "9",
};
// Tables by UTF-16 code: this runs over every comment, and an array read per character is the cheapest
// test there is.
const ASCII_FOR = new Uint16Array(0x10000);
for (let c = 0xff01; c <= 0xff5e; c++) ASCII_FOR[c] = c - 0xfee0;
for (const c of [0x3000, 0xa0]) ASCII_FOR[c] = 0x20;
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30fc]) ASCII_FOR[c] = 0x2d;
// 1 for an Arabic digit, 2 for a spelled one.
const DIGIT_LIKE = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) DIGIT_LIKE[c] = 1;
const SPELLED_VALUE = new Uint16Array(0x10000);
for (const [c, d] of Object.entries(SPELLED_DIGITS)) {
  DIGIT_LIKE[c.charCodeAt(0)] = 2;
  SPELLED_VALUE[c.charCodeAt(0)] = d.charCodeAt(0);
}
const SEPARATOR = new Uint8Array(0x10000);
for (const c of "-/.,、·_") SEPARATOR[c.charCodeAt(0)] = 1;
const SPACE = 0x20;
const UTF16 = new TextDecoder("utf-16le");
const MIN_SPELLED_RUN = 5;

/**
 * Rewrites spelled digits inside runs of five or more digits (Arabic or spelled) with at most one separator
 * and spaces between neighbours: 二〇二六年, 一二三 and 两个 stay as they are, a spelled phone number does not.
 */
function spellOutDigits(codes: Uint16Array): void {
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    const first = DIGIT_LIKE[codes[i]];
    if (first === 0) continue;
    let end = i + 1;
    let count = 1;
    let spelled = first === 2 ? 1 : 0;
    for (;;) {
      let k = end;
      while (k < n && codes[k] === SPACE) k++;
      if (k < n && SEPARATOR[codes[k]]) k++;
      while (k < n && codes[k] === SPACE) k++;
      if (k >= n || k - end > 3) break;
      const kind = DIGIT_LIKE[codes[k]];
      if (kind === 0) break;
      if (kind === 2) spelled++;
      count++;
      end = k + 1;
    }
    if (spelled > 0 && count >= MIN_SPELLED_RUN) {
      for (let k = i; k < end; k++) if (SPELLED_VALUE[codes[k]]) codes[k] = SPELLED_VALUE[codes[k]];
    }
    i = end - 1;
  }
}

/**
 * Full-width forms (１３８, ＠, （, －, ，, ．) become ASCII, the ideographic space a space,
 * typographic dashes a hyphen, and digits spelled in Chinese (一三九一二三四五六七八, 幺三九…) Arabic digits.
 */
export function normalizeForPii(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = ASCII_FOR[c] || c;
  }
  spellOutDigits(codes);
  // One code unit in, one out: a lone surrogate becomes U+FFFD, still one unit, so offsets hold.
  return UTF16.decode(codes);
}
