// Finds personal data in a comment so it can be redacted before publication. The original text
// is kept for staff; only the published copy goes through redact().
//
// Precision matters as much as recall: staff review every flag, and a detector that flags every
// long number trains them to click through. Hence the validators (checksum, Luhn, issuer, region
// and birth date) and the deliberate blind spots: 400/800 service numbers and short hotlines
// (12345, 95588) belong to organisations, and a number without an area code is not a landline.
import { findAddresses } from "./pii-address";
import { findContacts } from "./pii-contacts";
import { findDocuments } from "./pii-documents";
import { findNumbers, NOT_PERSONAL_LABEL } from "./pii-numbers";
import { findNames } from "./pii-names";
import { normalizeForPii } from "./pii-numerals";
import type { Confidence } from "./pii-types";

export { normalizeForPii };
export type { Confidence };

export const PII_KINDS = ["phone", "landline", "id_card", "bank_card", "email", "address", "qq", "wechat", "plate", "passport", "certificate", "name"] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/**
 * start/end are UTF-16 offsets into the text given to detectPii. A high-confidence match is redacted
 * before publication; a low-confidence one (a 身份证号 whose check code fails, an unlabelled
 * passport-shaped code) is only shown to the moderator, who decides.
 */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  confidence: Confidence;
}

const EDGE_BEFORE = "(?<![A-Za-z0-9])";
const EDGE_AFTER = "(?![A-Za-z0-9])";
const COUNTRY = "(?:(?:\\+|00)\\s?86|\\(\\s?(?:\\+|00)?86\\s?\\))[ -]?";
const AREA = "(?:10|2\\d|[3-9]\\d{2})";
const LANDLINE = new RegExp(
  `${EDGE_BEFORE}(?:${COUNTRY}(?:\\(\\s?0?${AREA}\\s?\\)|0?${AREA})|\\(\\s?0${AREA}\\s?\\)|0${AREA})` +
    `[ -/]?[2-9]\\d{2,3}[ -]?\\d{4}(?:\\s?(?:-|转|分机|ext\\.?|x)\\s?\\d{1,5})?${EDGE_AFTER}`,
  "g"
);

type Span = { kind: PiiKind; start: number; end: number; confidence: Confidence };

function landlines(text: string): Span[] {
  return [...text.matchAll(LANDLINE)]
    .filter((m) => !NOT_PERSONAL_LABEL.test(text.slice(Math.max(0, m.index - 12), m.index)))
    .map((m) => ({ kind: "landline" as const, start: m.index, end: m.index + m[0].length, confidence: "high" as const }));
}

export interface DetectOptions {
  /**
   * Look for persons' names (default true). Tagging costs about four times the rest of the detector, and
   * names are only ever flagged for a moderator, so the analysis engine, which publishes nothing, leaves
   * them out; every moderation and publication path keeps the default.
   */
  names?: boolean;
}

export function detectPii(text: string, options: DetectOptions = {}): PiiMatch[] {
  const norm = normalizeForPii(text);
  // Earlier detectors win overlaps: an email may contain a mobile number, a labelled 优待证 number is a
  // card number, a labelled QQ number may look like a mobile one, an identity number may pass Luhn, a
  // landline pattern could match inside a longer card number; and a high-confidence match wins over a
  // low one.
  const contacts = findContacts(norm);
  const documents = findDocuments(norm);
  const candidates: Span[] = [
    ...contacts.filter((s) => s.kind === "email"),
    ...documents.filter((s) => s.kind === "certificate"),
    ...contacts.filter((s) => s.kind === "qq"),
    ...findNumbers(norm),
    ...landlines(norm),
    ...contacts.filter((s) => s.kind === "wechat"),
    ...documents.filter((s) => s.kind !== "certificate"),
    ...findAddresses(norm).map((s) => ({ kind: "address" as const, confidence: "high" as const, ...s })),
    ...(options.names === false ? [] : findNames(text)),
  ];
  const ordered = [...candidates.filter((c) => c.confidence === "high"), ...candidates.filter((c) => c.confidence === "low")];
  const accepted: Span[] = [];
  for (const c of ordered) {
    if (!accepted.some((a) => c.start < a.end && a.start < c.end)) accepted.push(c);
  }
  return accepted.sort((a, b) => a.start - b.start).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

/** The matches to redact without asking: the high-confidence ones. The rest are for a moderator to decide. */
export function redactable(matches: readonly PiiMatch[]): PiiMatch[] {
  return matches.filter((m) => m.confidence === "high");
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
  qq: "[QQ号已隐去]",
  wechat: "[微信号已隐去]",
  plate: "[车牌号已隐去]",
  passport: "[护照号已隐去]",
  certificate: "[证件号已隐去]",
  name: "[姓名已隐去]",
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
