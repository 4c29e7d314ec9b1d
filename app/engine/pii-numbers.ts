// Phone, identity and bank card numbers however they are grouped: 210102-19800315-1239,
// 139/1234/5678, 139，1234，5678, 6222 0212 3456 7890 128. A run of digit groups joined by single
// separators is read group by group, and every window of whole groups is checked against the
// validators, so a number written in any grouping is found and two numbers side by side stay apart.
import { isPlausibleBankCard, isValidIdCard15, isValidIdCard18, looksLikeIdCard18 } from "./pii-validators";
import type { Confidence, KindSpan } from "./pii-types";

export type NumberSpan = KindSpan<"phone" | "id_card" | "bank_card">;

const SEPARATOR = "(?:\\s?[-/.,、·_|]\\s?|\\s{1,2})";
const DIGIT_RUN = new RegExp(`\\d+(?:${SEPARATOR}\\d+)*`, "g");
const MOBILE = /^1[3-9]\d{9}$/;
// Written before a number: the number is an order, a document or a product, not a person's.
export const NOT_PERSONAL_LABEL =
  /(?:订单|单号|运单|快递|物流|流水|发票|合同|批次|文号|型号|序列号|条码|条形码|工单|案号|账单|交易|商品|编号)[号码]?\s*[:：是为]?\s*$/;
const ID_LABEL = /(?:身份证|身份号|证件号|公民身份号码|身份证号码|sfz)[号码]*\s*[:：是为]?\s*$/i;
// Letters written straight before a number: only these make it a labelled number (Tel13912345678).
const LETTER_LABEL = /(?:^|[^A-Za-z])(?:tel|tell|phone|mobile|mob|cell|call|fax|no|qq|wx|vx|v|wechat|weixin|id|sfz|dh|sj)\.?$/i;
const COUNTRY_PREFIX = /(?:\(\s?(?:\+|00)?86\s?\)|(?:\+|00)\s?86)[ -]?$/;

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** 1,234,567 and 12,345.67 are amounts: a first group of one to three digits, then groups of three. */
function isGroupedAmount(run: string): boolean {
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(run);
}

/**
 * How people split one number: two or three groups (139 1234 5678, 210102-19800315-1239), one digit at a time,
 * or blocks of four (6222 0212 3456 7890 123, 2101 0219 8003 1512 39). Four or more short groups are a list
 * (公交19、812、501、213路, 7/24，7/28, an IP address), not one number.
 */
function isOneNumber(all: Group[]): boolean {
  // +86 139 1234 5678: the country code is a group of its own.
  const groups = all.length > 1 && /^(?:00)?86$/.test(all[0].digits) ? all.slice(1) : all;
  if (groups.length <= 3 || groups.every((g) => g.digits.length === 1)) return true;
  const middle = groups.slice(1, -1).map((g) => g.digits.length);
  return middle.every((n) => n === middle[0]) && middle[0] >= 4;
}

function classify(digits: string, xAfter: boolean): NumberSpan["kind"] | null {
  const n = digits.length;
  if (n === 17 && xAfter && isValidIdCard18(`${digits}X`)) return "id_card";
  if (n === 18 && isValidIdCard18(digits)) return "id_card";
  // 111111111111111 passes as a 1911 birth in Beijing; a real legacy number has more than two distinct digits.
  if (n === 15 && isValidIdCard15(digits) && new Set(digits).size > 2) return "id_card";
  if (n === 11 && MOBILE.test(digits)) return "phone";
  if (n === 13 && digits.startsWith("86") && MOBILE.test(digits.slice(2))) return "phone";
  if (n === 15 && digits.startsWith("0086") && MOBILE.test(digits.slice(4))) return "phone";
  // A mistyped 身份证号 is still not a bank card, even when Luhn happens to pass.
  if (n >= 16 && n <= 19 && isPlausibleBankCard(digits) && !(n === 18 && looksLikeIdCard18(digits))) return "bank_card";
  return null;
}

export function findNumbers(text: string): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const runEnd = run.index + run[0].length;
    // Most runs are years, counts and article numbers: too short to be anything here.
    if (run[0].length < 11 || run[0].replace(/\D/g, "").length < 11 || isGroupedAmount(run[0])) continue;
    const before = text.slice(Math.max(0, run.index - 12), run.index);
    if (/[A-Za-z]$/.test(before) && !LETTER_LABEL.test(before)) continue;
    if (/^[A-WYZa-wyz]/.test(text.slice(runEnd))) continue;
    const notPersonal = NOT_PERSONAL_LABEL.test(before);
    const groups: Group[] = [...run[0].matchAll(/\d+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length, digits: g[0] }));
    let found = false;
    for (let i = 0; i < groups.length; i++) {
      let digits = "";
      let best: NumberSpan | null = null;
      let bestJ = i;
      for (let j = i; j < groups.length && digits.length < 19; j++) {
        digits += groups[j].digits;
        const xAfter = /^[Xx]/.test(text.slice(groups[j].end, groups[j].end + 1));
        const kind = isOneNumber(groups.slice(i, j + 1)) ? classify(digits, xAfter) : null;
        if (!kind || (notPersonal && kind !== "id_card")) continue;
        const end = groups[j].end + (kind === "id_card" && digits.length === 17 ? 1 : 0);
        best = { kind, start: groups[i].start, end, confidence: "high" };
        bestJ = j;
      }
      if (best) {
        if (best.kind === "phone") {
          const lead = text.slice(Math.max(0, best.start - 10), best.start);
          const prefix = /^(?:00)?86/.test(text.slice(best.start)) ? /(?:\(\s?)?\+\s?$|\(\s?$/.exec(lead) : i === 0 ? COUNTRY_PREFIX.exec(lead) : null;
          if (prefix) best.start -= prefix[0].length;
        }
        spans.push(best);
        found = true;
        i = bestJ;
      }
    }
    if (!found && ID_LABEL.test(before)) {
      // A labelled 身份证号 that fails its check: most likely mistyped, so a moderator should look at it.
      const digits = run[0].replace(/\D/g, "");
      const xAfter = /^[Xx]/.test(text.slice(runEnd));
      if (digits.length + (xAfter ? 1 : 0) >= 15 && digits.length <= 18) {
        spans.push({ kind: "id_card", start: run.index, end: runEnd + (xAfter ? 1 : 0), confidence: "low" });
      }
    }
  }
  return spans;
}
