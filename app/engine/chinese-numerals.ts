// Chinese numerals as they appear in article, chapter and item labels of legal drafts
// (第一百零五条, 第二章, （十二）), plus the Arabic and full-width digits people type instead.

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
// The myriad units that group four digits each: 一万零五 = 10005, 三亿 = 300000000.
const MYRIADS: Array<[string[], number]> = [
  [["亿", "億"], 1e8],
  [["万", "萬"], 1e4],
];
const DIGIT_NAMES = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Characters that can make up a numeral in a label; used by the parsers' regexes. */
export const NUMERAL_CHARS = "〇零一二三四五六七八九两兩十拾百佰千仟万萬亿億0-9０-９";

/** Full-width digits → ASCII, so "第１２条" reads like "第12条". */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Reads 一..九千九百九十九 and beyond with 万 and 亿 (with 零/〇, 两, and the colloquial 一百一 = 110), Arabic and full-width
 * digits, and digit-by-digit forms such as 二〇二六. Returns null for anything else, so callers can
 * tell "not a number" from zero.
 */
export function parseChineseNumeral(s: string): number | null {
  const text = toHalfWidthDigits(s.trim());
  if (text === "") return null;
  if (/^\d+$/.test(text)) return Number(text);
  const chars = [...text];
  if (chars.some((c) => !(c in DIGITS) && !(c in UNITS) && !MYRIADS.some(([names]) => names.includes(c)))) return null;
  if (chars.length > 1 && chars.every((c) => c in DIGITS)) {
    return Number(chars.map((c) => DIGITS[c]).join(""));
  }
  return parseGrouped(chars);
}

/** Splits at the largest myriad unit: 三亿零五万 = 三 × 亿 + 零五万. */
function parseGrouped(chars: string[]): number | null {
  for (const [names, value] of MYRIADS) {
    const at = chars.findIndex((c) => names.includes(c));
    if (at === -1) continue;
    const high = parseGrouped(chars.slice(0, at));
    if (high === null || high === 0) return null;
    let low = chars.slice(at + 1);
    const zeroAfter = low.length > 0 && DIGITS[low[0]] === 0;
    while (low.length > 0 && DIGITS[low[0]] === 0) low = low.slice(1);
    if (low.length === 0) return zeroAfter ? null : high * value;
    // 一万五 is spoken shorthand for 15000, as 两千五 is for 2500.
    if (low.length === 1 && low[0] in DIGITS && !zeroAfter) return high * value + DIGITS[low[0]] * (value / 10);
    const rest = parseGrouped(low);
    if (rest === null || rest >= value) return null;
    return high * value + rest;
  }
  return parseBelowMyriad(chars);
}

function parseBelowMyriad(chars: string[]): number | null {
  if (chars.length === 0) return null;
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

/**
 * The canonical form used in labels: 十, 十一, 二十, 一百零五, 一百一十, 一千零一十, 一万零一, 十万,
 * for any non-negative safe integer (a pasted draft may number its items into the tens of thousands).
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`toChineseNumeral: ${n} is not a non-negative integer`);
  }
  return n === 0 ? "零" : write(n, true);
}

function write(n: number, leading: boolean): string {
  for (const [, value] of MYRIADS) {
    if (n < value) continue;
    const name = value === 1e8 ? "亿" : "万";
    const [high, low] = [Math.floor(n / value), n % value];
    const text = write(high, leading) + name;
    if (low === 0) return text;
    return text + (low < value / 10 ? "零" : "") + write(low, false);
  }
  return belowMyriad(n, leading);
}

/** 1..9999; 10–19 are written 十, 十一 … not 一十一 when they lead the number. */
function belowMyriad(n: number, leading: boolean): string {
  const parts: string[] = [];
  const units: Array<[number, string]> = [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
    [1, ""],
  ];
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
  return leading && n >= 10 && n < 20 ? text.slice(1) : text;
}
