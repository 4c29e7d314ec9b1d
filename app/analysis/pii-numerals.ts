// Normalisation for the personal-data detector. Every replacement is one UTF-16 unit for one, so
// an offset found in the normalised text is the same offset in the original.

// Digits as people spell out a number to get it past a filter: 一三九…, 幺 (1) and 洞 (0) as
// radio operators say them, 两 (2), and the financial forms 壹贰叁.
const SPELLED_DIGITS: Record<string, string> = {
  零: "0", 〇: "0", 洞: "0", 一: "1", 幺: "1", 壹: "1", 二: "2", 两: "2", 贰: "2", 三: "3", 叁: "3",
  四: "4", 肆: "4", 五: "5", 伍: "5", 六: "6", 陆: "6", 七: "7", 柒: "7", 八: "8", 捌: "8", 九: "9", 玖: "9",
};
// By UTF-16 code: the scan below runs over every comment, and numbers compare faster than one-character strings.
const SPELLED_CODES = new Map([...Object.entries(SPELLED_DIGITS)].map(([c, d]) => [c.charCodeAt(0), d]));
const SEPARATOR_CODES = new Set([..."-/.,、·_"].map((c) => c.charCodeAt(0)));
const SPACE = 0x20;
const MIN_SPELLED_RUN = 5;
const WIDE_OR_DASH = /[\uff01-\uff5e\u3000\u00a0\u2010-\u2015\u2212\u30fc]/g;

function toAscii(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return code === 0x3000 || code === 0xa0 ? " " : "-";
}

const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Rewrites spelled digits inside runs of five or more digits (Arabic or spelled) with at most one separator
 * and spaces between neighbours: 二〇二六年, 一二三 and 两个 stay as they are, a spelled phone number does not.
 */
function spellOutDigits(text: string): string {
  let out: string[] | null = null;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const first = text.charCodeAt(i);
    if (!isDigitCode(first) && !SPELLED_CODES.has(first)) continue;
    let end = i + 1;
    let count = 1;
    let spelled = SPELLED_CODES.has(first) ? 1 : 0;
    for (;;) {
      let k = end;
      while (k < n && text.charCodeAt(k) === SPACE) k++;
      if (k < n && SEPARATOR_CODES.has(text.charCodeAt(k))) k++;
      while (k < n && text.charCodeAt(k) === SPACE) k++;
      if (k >= n || k - end > 3) break;
      const code = text.charCodeAt(k);
      if (SPELLED_CODES.has(code)) spelled++;
      else if (!isDigitCode(code)) break;
      count++;
      end = k + 1;
    }
    if (spelled > 0 && count >= MIN_SPELLED_RUN) {
      out ??= text.split("");
      for (let k = i; k < end; k++) out[k] = SPELLED_CODES.get(text.charCodeAt(k)) ?? out[k];
    }
    i = end - 1;
  }
  return out ? out.join("") : text;
}

/**
 * Full-width forms (１３８, ＠, （, －, ，, ．) become ASCII, the ideographic space a space,
 * typographic dashes a hyphen, and digits spelled in Chinese (一三九一二三四五六七八, 幺三九…) Arabic digits.
 */
export function normalizeForPii(text: string): string {
  return spellOutDigits(text.replace(WIDE_OR_DASH, toAscii));
}
