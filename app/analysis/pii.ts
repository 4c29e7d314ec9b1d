// Finds personal data in a comment so it can be redacted before publication. The original text
// is kept for staff; only the published copy goes through redact().
//
// Precision matters as much as recall: staff review every flag, and a detector that flags every
// long number trains them to click through. Hence the validators (checksum, Luhn, issuer, region
// and birth date) and the deliberate blind spots: 400/800 service numbers and short hotlines
// (12345, 95588) belong to organisations, and a number without an area code is not a landline.
import { findAddresses } from "./pii-address";
import { isPlausibleBankCard, isValidIdCard15, isValidIdCard18, looksLikeIdCard18 } from "./pii-validators";

export type PiiKind = "phone" | "landline" | "id_card" | "bank_card" | "email" | "address";

/** start/end are UTF-16 offsets into the text given to detectPii. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

const EDGE_BEFORE = "(?<![A-Za-z0-9])";
const EDGE_AFTER = "(?![A-Za-z0-9])";
const COUNTRY = "(?:(?:\\+|00)\\s?86|\\(\\s?(?:\\+|00)?86\\s?\\))[ -]?";
const AREA = "(?:10|2\\d|[3-9]\\d{2})";

const MOBILE = new RegExp(`${EDGE_BEFORE}(?:${COUNTRY})?1[3-9]\\d[ .-]?\\d{4}[ .-]?\\d{4}${EDGE_AFTER}`, "g");
const LANDLINE = new RegExp(
  `${EDGE_BEFORE}(?:${COUNTRY}(?:\\(\\s?0?${AREA}\\s?\\)|0?${AREA})|\\(\\s?0${AREA}\\s?\\)|0${AREA})` +
    `[ -]?[2-9]\\d{2,3}[ -]?\\d{4}(?:\\s?(?:-|转|分机|ext\\.?|x)\\s?\\d{1,5})?${EDGE_AFTER}`,
  "g",
);
const ID_CARD_18 = new RegExp(`${EDGE_BEFORE}\\d{6} ?\\d{4} ?\\d{4} ?\\d{3}[\\dXx]${EDGE_AFTER}`, "g");
const ID_CARD_15 = new RegExp(`${EDGE_BEFORE}\\d{15}${EDGE_AFTER}`, "g");
const DIGIT_RUN = new RegExp(`${EDGE_BEFORE}\\d+(?:[ -]\\d+)*${EDGE_AFTER}`, "g");
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * Full-width forms (１３８, ＠, （, －), the ideographic space and typographic dashes become their
 * ASCII equivalents. Every replacement is one UTF-16 unit for one, so offsets found in the
 * normalised text are offsets in the original.
 */
export function normalizeForPii(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
}

type Span = { kind: PiiKind; start: number; end: number };

function spansOf(text: string, pattern: RegExp, kind: PiiKind, valid: (digits: string) => boolean = () => true): Span[] {
  return [...text.matchAll(pattern)]
    .filter((m) => valid(m[0].replace(/[ -]/g, "")))
    .map((m) => ({ kind, start: m.index, end: m.index + m[0].length }));
}

/**
 * Bank card numbers are written in groups (6222 0212 3456 7890 123), and a run of groups can
 * also hold a neighbouring number, so every window of whole groups with 16–19 digits is tried.
 */
function bankCards(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)];
    search: for (let i = 0; i < groups.length; i++) {
      let digits = "";
      for (let j = i; j < groups.length && digits.length < 19; j++) {
        digits += groups[j][0];
        // A mistyped 身份证号 is still not a bank card, even when Luhn happens to pass.
        if (isPlausibleBankCard(digits) && !(digits.length === 18 && looksLikeIdCard18(digits))) {
          const start = run.index + groups[i].index;
          spans.push({ kind: "bank_card", start, end: run.index + groups[j].index + groups[j][0].length });
          i = j;
          continue search;
        }
      }
    }
  }
  return spans;
}

export function detectPii(text: string): PiiMatch[] {
  const norm = normalizeForPii(text);
  // Earlier detectors win overlaps: an email may contain a mobile number, an identity number
  // may pass Luhn, a landline pattern could match inside a longer card number.
  const candidates: Span[] = [
    ...spansOf(norm, EMAIL, "email"),
    ...spansOf(norm, ID_CARD_18, "id_card", isValidIdCard18),
    ...spansOf(norm, ID_CARD_15, "id_card", isValidIdCard15),
    ...bankCards(norm),
    ...spansOf(norm, MOBILE, "phone"),
    ...spansOf(norm, LANDLINE, "landline"),
    ...findAddresses(norm).map((s) => ({ kind: "address" as const, ...s })),
  ];
  const accepted: Span[] = [];
  for (const c of candidates) {
    if (!accepted.some((a) => c.start < a.end && a.start < c.end)) accepted.push(c);
  }
  return accepted
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

// A full label rather than a partial mask such as 138****5678: the kept digits narrow down a
// person when read together with a name or an address in the same comment, partial masks
// differ by kind (there is no agreed one for 身份证号 or addresses), and the label tells the
// reader exactly what was removed.
export const REDACTION_LABELS: Record<PiiKind | "other", string> = {
  phone: "[手机号已隐去]",
  landline: "[电话号码已隐去]",
  id_card: "[身份证号已隐去]",
  bank_card: "[银行卡号已隐去]",
  email: "[邮箱已隐去]",
  address: "[地址已隐去]",
  other: "[个人信息已隐去]",
};

/**
 * Replaces each span with its label. Spans may come in any order and may overlap (detected
 * ones plus those a moderator marked); overlapping spans are merged, and a merged span of
 * mixed kinds is labelled as "other".
 */
export function redact(text: string, spans: Array<{ start: number; end: number; kind: PiiKind | "other" }>): string {
  const sorted = spans
    .map((s) => ({ kind: s.kind, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof sorted = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (last.kind !== s.kind) last.kind = "other";
    } else merged.push({ ...s });
  }
  let out = "";
  let at = 0;
  for (const s of merged) {
    out += text.slice(at, s.start) + REDACTION_LABELS[s.kind];
    at = s.end;
  }
  return out + text.slice(at);
}
