// Vehicle plates, passport numbers and the numbers of certificates a veteran or a family member may
// quote (优待证, 残疾军人证, 退役证 …). A plate has a shape of its own; passport and certificate numbers
// are told from product codes and order numbers by the label written before them.
import type { Confidence, KindSpan } from "./pii-types";
import { isValidIdCard18 } from "./pii-validators";

export type DocumentSpan = KindSpan<"plate" | "passport" | "certificate">;

const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
const PLATE_LETTER = "A-HJ-NP-Za-hj-np-z";
// 辽A12345, 辽A·1234X, and new-energy plates with D or F first (辽AD12345) or last (辽A12345D). The
// province is looked for behind the letter, so the scan stops only at Latin letters, not at every
// Chinese character.
const PLATE = new RegExp(
  `(?<=([${PROVINCES}])(\\s?))[${PLATE_LETTER}]\\s?[·•.\\-]?\\s?(?:[DFdf][${PLATE_LETTER}0-9]\\d{4}|\\d{5}[DFdf]|[${PLATE_LETTER}0-9]{5}[挂学警港澳]?)(?![A-Za-z0-9])`,
  "g"
);

function plates(text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  for (const m of text.matchAll(PLATE)) {
    const serial = m[0].slice(1).replace(/[\s·•.\-挂学警港澳]/g, "");
    // An ordinary plate has at most two letters among its five characters; more is a word or a code.
    if (serial.length === 5 && serial.replace(/\d/g, "").length > 2) continue;
    spans.push({ kind: "plate", start: m.index - m[1].length - m[2].length, end: m.index + m[0].length, confidence: "high" });
  }
  return spans;
}

const PASSPORT_LABEL = /(?:护照|passport|通行证|旅行证)(?:号码|号|编号)?\s?(?:no\.?|number)?\s?[:：]?\s?(?:是|为)?\s?$/i;
const PASSPORT_SHAPE = /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d{7,8}(?![A-Za-z0-9])/g;
// The shapes of Chinese passports issued since 1997: G, E and E + letter series.
const CHINESE_PASSPORT = /^(?:[GEge]\d{8}|[Ee][A-HJ-NP-Za-hj-np-z]\d{7})$/;

function passports(text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  for (const m of text.matchAll(PASSPORT_SHAPE)) {
    if (m[0].length < 8 || m[0].length > 9) continue;
    const labelled = PASSPORT_LABEL.test(text.slice(Math.max(0, m.index - 16), m.index));
    // Without a label an E or G series number is still likely a passport, but a model or serial number
    // can look the same, so a moderator decides.
    if (labelled || CHINESE_PASSPORT.test(m[0])) {
      spans.push({ kind: "passport", start: m.index, end: m.index + m[0].length, confidence: labelled ? "high" : "low" });
    }
  }
  return spans;
}

// 优待证 is issued on a bank debit card, so its number is a card number; the others carry their own serials
// (士兵证 numbers begin with 兵 or 士). Only a number written after such a label is taken.
const CERTIFICATE = new RegExp(
  "(?:优待证|优待卡|残疾军人证|伤残军人证|残疾证|军人证|军官证|士兵证|士官证|退役证|退伍证|转业证|复员证|烈士证|社保卡|医保卡|社会保障卡|驾驶证|驾照|行驶证|户口本)" +
    "(\\s?(?:号码|编号|卡号|证号|号|编码)?\\s?[:：]?\\s?(?:是|为)?\\s?)" +
    "((?:[兵士军]字?第?)?[A-Za-z]{0,3}[-\\s]?\\d(?:[\\s\\-/]?[\\dA-Za-z]){5,24})(?![\\dA-Za-z])(?!\\s?[张个人元份次名户件万亿余多])",
  "g"
);
const CERTIFICATE_HINT = /[证卡照本]/;

function certificates(text: string): DocumentSpan[] {
  if (!CERTIFICATE_HINT.test(text)) return [];
  return [...text.matchAll(CERTIFICATE)]
    .filter((m) => {
      const digits = m[2].replace(/\D/g, "").length;
      // 已发放优待证1234567张 is a count: without 号 or a colon after the name, only a long number is taken.
      const numbered = /[号码:：为是]/.test(m[1]);
      // A 身份证号 quoted as a certificate number (残疾证号 often is one) is reported as what it is.
      return digits >= (numbered ? 6 : 9) && !isValidIdCard18(m[2].replace(/[\s\-/]/g, "").slice(0, 18));
    })
    .map((m) => {
      const start = m.index + m[0].length - m[2].length;
      return { kind: "certificate" as const, start, end: m.index + m[0].length, confidence: "high" as const };
    });
}

export function findDocuments(text: string): DocumentSpan[] {
  return [...plates(text), ...passports(text), ...certificates(text)];
}
