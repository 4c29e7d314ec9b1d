// Chinese numerals as they appear in article, chapter and item labels of legal drafts
// (第一百零五条, 第二章, （十二）), plus the Arabic and full-width digits people type instead.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const DIGIT_NAMES = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Characters that can make up a numeral in a label; used by the parsers' regexes. */
export const NUMERAL_CHARS = "〇零一二三四五六七八九两兩十拾百佰千仟0-9０-９";

/** Full-width digits → ASCII, so "第１２条" reads like "第12条". */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Reads 一..九千九百九十九 (with 零/〇, 两, and the colloquial 一百一 = 110), Arabic and full-width
 * digits, and digit-by-digit forms such as 二〇二六. Returns null for anything else, so callers can
 * tell "not a number" from zero.
 */
export function parseChineseNumeral(s: string): number | null {
  const text = toHalfWidthDigits(s.trim());
  if (text === "") return null;
  if (/^\d+$/.test(text)) return Number(text);
  const chars = [...text];
  if (chars.some((c) => !(c in DIGITS) && !(c in UNITS))) return null;
  if (chars.length > 1 && chars.every((c) => c in DIGITS)) {
    return Number(chars.map((c) => DIGITS[c]).join(""));
  }

  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let zeroSinceUnit = false;
  for (const c of chars) {
    if (c in DIGITS) {
      const d = DIGITS[c];
      if (d === 0) {
        if (pending !== null) return null;
        zeroSinceUnit = true;
        continue;
      }
      if (pending !== null) return null;
      pending = d;
    } else {
      const unit = UNITS[c];
      if (unit >= lastUnit) return null;
      // 十 without a digit means 一十 (十二, 一百十); 百 or 千 without one is not a number.
      if (pending === null && unit !== 10) return null;
      total += (pending ?? 1) * unit;
      pending = null;
      lastUnit = unit;
      zeroSinceUnit = false;
    }
  }
  if (pending !== null) {
    // 一百一 and 两千五 are spoken shorthand for 110 and 2500; with a 零 in between it is 101.
    const implied = lastUnit !== Infinity && lastUnit > 10 && !zeroSinceUnit ? lastUnit / 10 : 1;
    total += pending * implied;
  }
  return total;
}

/** The canonical form used in labels: 十, 十一, 二十, 一百零五, 一百一十, 一千零一十. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(`toChineseNumeral: ${n} is not an integer in 0..9999`);
  }
  if (n === 0) return "零";
  const parts: string[] = [];
  const units: Array<[number, string]> = [[1000, "千"], [100, "百"], [10, "十"], [1, ""]];
  let needZero = false;
  for (const [value, name] of units) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (parts.length > 0) needZero = true;
      continue;
    }
    if (needZero) parts.push("零");
    needZero = false;
    parts.push(DIGIT_NAMES[d] + name);
  }
  const text = parts.join("");
  // 10–19 are written 十, 十一 … not 一十一 when they stand alone.
  return n >= 10 && n < 20 ? text.slice(1) : text;
}
