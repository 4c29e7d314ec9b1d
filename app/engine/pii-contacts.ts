// E-mail addresses, also as written to get past a filter (name at 126 dot com, name[at]qq.com,
// name艾特163点com), and QQ numbers and WeChat ids, which are only told from any other number or
// word by the label written before them.
import type { Confidence, KindSpan } from "./pii-types";

export type ContactSpan = KindSpan<"email" | "qq" | "wechat">;

const OPEN = "[\\[(【{<]";
const CLOSE = "[\\])】}>]";
const AT = `(?:\\s?@\\s?|\\s?${OPEN}\\s?(?:at|@|艾特)\\s?${CLOSE}\\s?|\\s?艾特\\s?|\\s+at\\s+|\\s?#\\s?)`;
const DOT = `(?:\\s?[.。]\\s?|\\s?${OPEN}\\s?(?:dot|点|\\.)\\s?${CLOSE}\\s?|\\s+dot\\s+|\\s?[点點]\\s?)`;
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const EMAIL = new RegExp(`(?<![a-z0-9._%+-])([a-z0-9][a-z0-9._%+-]*)(${AT})(${LABEL}(?:${DOT}${LABEL})*)(${DOT})([a-z]{2,6})(?![a-z0-9])`, "gi");
const PLAIN_AT = /^\s?@\s?$/;
const PLAIN_DOT = /^\s?\.\s?$/;
const TLDS = new Set(["com", "cn", "net", "org", "edu", "gov", "mil", "cc", "io", "me", "top", "vip", "info", "hk", "tw", "mo", "co", "biz"]);
const PROVIDERS = new Set([
  "qq",
  "126",
  "163",
  "139",
  "189",
  "sina",
  "sohu",
  "gmail",
  "hotmail",
  "outlook",
  "yahoo",
  "foxmail",
  "aliyun",
  "yeah",
  "live",
  "icloud",
  "msn",
  "tom",
  "21cn",
  "wo",
]);

// Cheap tests first: most comments hold none of these, and the full patterns are slow to fail.
const EMAIL_HINT = /[@#]|艾特|at/i;
const QQ_HINT = /qq|扣扣|企鹅|q号/i;
const WECHAT_HINT = /微信|威信|薇信|徽信|卫星|v信|wx|vx|weixin|wechat|wei xin|加v|\+v/i;

function emails(text: string): ContactSpan[] {
  const spans: ContactSpan[] = [];
  if (!EMAIL_HINT.test(text)) return spans;
  for (const m of text.matchAll(EMAIL)) {
    const [whole, , at, domain, , tld] = m;
    const obfuscated = !PLAIN_AT.test(at) || !PLAIN_DOT.test(m[4]) || /[^a-z0-9.-]|dot/i.test(domain);
    const provider = domain.split(new RegExp(DOT, "i"))[0].toLowerCase();
    // Spelled-out separators need a real top-level domain, and # (a common stand-in for @) a known mail
    // provider, so "look at this dot thing" or "#1.2" are not taken for addresses.
    if (obfuscated && !TLDS.has(tld.toLowerCase())) continue;
    if (/#/.test(at) && !PROVIDERS.has(provider)) continue;
    spans.push({ kind: "email", start: m.index, end: m.index + whole.length, confidence: "high" });
  }
  return spans;
}

const TAIL = "\\s?(?:号码?|账号|id|ID)?\\s?[:：]?\\s?(?:是|为|:)?\\s?";
const QQ = new RegExp(`(?<![A-Za-z])(?:qq|扣扣|企鹅|q号|Q号)${TAIL}([1-9](?:[ -]?\\d){4,10})(?!\\d)`, "gi");
const WECHAT_LABEL = "(?:微信|威信|薇信|徽信|卫星|[vV]信|(?<![A-Za-z])(?:wx(?!id_)|vx|weixin|wechat|wei xin)|加[vV]|\\+[vV])";
const WECHAT = new RegExp(`${WECHAT_LABEL}${TAIL}([A-Za-z][-_A-Za-z0-9]{5,19}|[1-9]\\d{5,10})(?![-_A-Za-z0-9])`, "gi");
const WXID = /(?<![A-Za-z0-9])wxid_[a-z0-9]{6,20}(?![A-Za-z0-9])/gi;
// Words that follow 微信 in a sentence without being an id: 微信WeChat, 微信 official account.
const NOT_AN_ID = /^(?:wechat|weixin|official|account|public|group|channel|moments|number|online)$/i;

function labelled(text: string, pattern: RegExp, kind: "qq" | "wechat"): ContactSpan[] {
  return [...text.matchAll(pattern)]
    .filter((m) => !NOT_AN_ID.test(m[1]))
    .map((m) => {
      const start = m.index + m[0].length - m[1].length;
      return { kind, start, end: m.index + m[0].length, confidence: "high" as const };
    });
}

// A 400/800 number is a business's. An advertisement that gives one (加微信 dk88899 或致电 400-820-6688)
// gives its QQ and WeChat ids as the business's too, and they are no one's personal data.
const SERVICE_NUMBER = /(?<!\d)[48]00[- ]?\d{3}[- ]?\d{4}(?!\d)/;

export function findContacts(text: string): ContactSpan[] {
  const advertisement = SERVICE_NUMBER.test(text);
  return [
    ...emails(text),
    ...(advertisement
      ? []
      : [
          ...(QQ_HINT.test(text) ? labelled(text, QQ, "qq") : []),
          ...(WECHAT_HINT.test(text) ? labelled(text, WECHAT, "wechat") : []),
          ...[...text.matchAll(WXID)].map((m) => ({ kind: "wechat" as const, start: m.index, end: m.index + m[0].length, confidence: "high" as const })),
        ]),
  ];
}
