// Normalisation for the personal-data detector. Every replacement is one UTF-16 unit for one, so
// an offset found in the normalised text is the same offset in the original.

// Digits as people spell out a number to get it past a filter: 一三九…, 幺 (1) and 洞 (0) as
// radio operators say them, 两 (2), and the financial forms 壹贰叁.
const SPELLED_DIGITS: Record<string, string> = {
  零: "0", 〇: "0", 洞: "0", 一: "1", 幺: "1", 壹: "1", 二: "2", 两: "2", 贰: "2", 三: "3", 叁: "3",
  四: "4", 肆: "4", 五: "5", 伍: "5", 六: "6", 陆: "6", 七: "7", 柒: "7", 八: "8", 捌: "8", 九: "9", 玖: "9",
};
const SPELLED = Object.keys(SPELLED_DIGITS).join("");
// A run of digits (Arabic or spelled) with single separators between them. Only runs of five or more
// digits are rewritten: 二〇二六年, 一二三 and 两个 stay as they are, a spelled phone number does not.
const SPELLED_RUN = new RegExp(`[0-9${SPELLED}](?:\\s?[-/.,、·_ ]?\\s?[0-9${SPELLED}])+`, "g");
const MIN_SPELLED_RUN = 5;

/**
 * Full-width forms (１３８, ＠, （, －, ，, ．) become ASCII, the ideographic space a space,
 * typographic dashes a hyphen, and digits spelled in Chinese (一三九一二三四五六七八, 幺三九…) Arabic digits.
 */
export function normalizeForPii(text: string): string {
  const ascii = text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0]/g, " ")
    .replace(/[\u2010-\u2015\u2212\u30fc]/g, "-");
  return ascii.replace(SPELLED_RUN, (run) => {
    let digits = 0;
    let spelled = 0;
    for (const c of run) {
      if (c >= "0" && c <= "9") digits++;
      else if (c in SPELLED_DIGITS) spelled++;
    }
    if (spelled === 0 || digits + spelled < MIN_SPELLED_RUN) return run;
    return run.replace(new RegExp(`[${SPELLED}]`, "g"), (c) => SPELLED_DIGITS[c]);
  });
}
