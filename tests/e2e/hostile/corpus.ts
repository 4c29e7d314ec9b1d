// A corpus of hostile inputs, built from families so that it stays readable: each family is a
// known attack or failure mode, each entry one concrete input. More than 300 in all.

const SCRIPTS = [
  `<script>alert('zq')</script>`,
  `"><script>alert('zq')</script>`,
  `'><img src=x onerror=alert('zq')>`,
  `<svg onload=alert('zq')>`,
  `<iframe src="javascript:alert('zq')"></iframe>`,
  `javascript:alert('zq')`,
  `<a href="javascript:alert('zq')">点我</a>`,
  `<body onload=alert('zq')>`,
  `<details open ontoggle=alert('zq')>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('zq')>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `\${alert('zq')}`,
  `</textarea><script>alert('zq')</script>`,
  `</title><script>alert('zq')</script>`,
  `<scr<script>ipt>alert('zq')</scr</script>ipt>`,
  `%3Cscript%3Ealert('zq')%3C/script%3E`,
  `&lt;script&gt;alert('zq')&lt;/script&gt;`,
  `<style>*{display:none}</style>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
  `<object data="javascript:alert('zq')">`,
];

const SQL = [
  `' OR '1'='1`,
  `'; DROP TABLE comments; --`,
  `" OR ""="`,
  `1; DELETE FROM users`,
  `') UNION SELECT password_hash FROM users --`,
  `\\'; SELECT sqlite_version(); --`,
  `%' AND 1=1 --`,
  `NEAR(第五条 条款)`,
  `"第五条" OR "第六条"`,
  `* OR *`,
  `第五条*`,
  `'''''''''`,
];

const UNICODE = [
  "\u202Eevil\u202C 第五条",
  "\u200B\u200B\u200B",
  "\u2066隔离\u2069",
  "\uFEFF开头",
  "A\u0000B",
  "\u0007\u001B[31m红色",
  "🚀".repeat(50),
  "𠮷野家",
  "ｆｕｌｌ　ｗｉｄｔｈ",
  "e\u0301\u0301\u0301\u0301",
  "\uD800",
  "\r\nBcc: victim@example.com",
  "第五条\n\n\n\n\n\n\n\n",
  "نص عربي مختلط 第五条",
];

const PATHS = [
  "../../../../etc/passwd",
  "..\\..\\..\\windows\\win.ini",
  "/etc/shadow",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "....//....//etc/passwd",
  "file:///etc/passwd",
  "C:\\boot.ini",
  "\\\\server\\share",
];

const NUMBERS = ["-1", "0", "1e9", "9999999999999999999999", "NaN", "Infinity", "0x10", "1.5", " 1 ", "", "null", "undefined", "[]", "{}", "true"];

const RECEIPTS = [
  "ZQ",
  "ZQ20261126-",
  "zq20261126-aaaaaa",
  "ZQ20261126-AAAAAAA",
  "ZQ99999999-ZZZZZZ",
  "ZQ20261126-IIIIII",
  "<script>",
  "' OR 1=1 --",
  "ZQ20261126-AAAAAA\n",
  "Z".repeat(500),
];

const SIZES = ["a".repeat(5001), "很".repeat(100_000), "x".repeat(1024 * 1024)];

// The same payload arrives in many disguises: bare, inside an ordinary comment, upper-cased,
// wrapped in zero-width spaces, percent-encoded.
const DISGUISES: Array<(s: string) => string> = [
  (s) => s,
  (s) => `我支持第五条。${s}谢谢。`,
  (s) => s.toUpperCase(),
  (s) => `\u200B${s}\u200B`,
  (s) => encodeURIComponent(s),
];

export const TEXT_INPUTS: string[] = [
  ...SCRIPTS.flatMap((s) => DISGUISES.map((d) => d(s))),
  ...SQL.flatMap((s) => DISGUISES.map((d) => d(s))),
  ...UNICODE.flatMap((s) => DISGUISES.slice(0, 3).map((d) => d(s))),
  ...PATHS.flatMap((s) => DISGUISES.slice(0, 3).map((d) => d(s))),
  ...NUMBERS,
  ...RECEIPTS,
  ...SIZES,
];

/** Upload names and claimed types that do not match what the file is. */
export const FILE_NAMES = [...PATHS, ...SCRIPTS.slice(0, 6)].flatMap((p) => [`${p}.pdf`, `${p}.docx`, p, `${p}\u0000.pdf`]);
export const FORGED_TYPES = [
  "application/pdf",
  "image/png",
  "text/html",
  "application/x-msdownload",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "image/svg+xml",
  "",
  "multipart/form-data",
  "application/octet-stream",
  "text/javascript",
];

export const ID_INPUTS = [...NUMBERS, ...PATHS, ...SQL.slice(0, 5), "%00", "1%00", "1/../2", "１"];

export const RECEIPT_INPUTS = RECEIPTS;

/** Raw url-encoded bodies that are not valid UTF-8 or not valid encoding at all. */
export const RAW_BODIES = [
  "body=%FF%FE%FD&identityCategory=%C0%AF",
  "body=%E4%B8&identityCategory=%E5",
  "body=%&identityCategory=%%%",
  "body=%ZZ",
  "=&=&=&",
  "body",
  "a".repeat(10) + "=" + "b".repeat(10),
];

export const SCRIPT_MARKERS = ["alert('zq')", "onerror=alert", "onload=alert", "ontoggle=alert"];
