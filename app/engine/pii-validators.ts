// Checks that tell a real identity or card number from any other long digit string. The pattern
// alone would flag order numbers and serial numbers; these checks are what keep the false
// positives down, so a number is only redacted when it could actually be what it looks like.

// First two digits of a 身份证号: provinces and autonomous regions (GB/T 2260), plus 71 Taiwan,
// 81 Hong Kong, 82 Macao and 83 (Taiwan residents' residence permits).
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CODES = "10X98765432";

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The GB 11643 check character for the first 17 digits. */
export function idCardCheckCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CODES[sum % 11];
}

function hasValidRegionAndBirth(region: string, year: number, month: number, day: number): boolean {
  // Birth years are bounded loosely rather than against today, so the check stays pure.
  return PROVINCE_CODES.has(Number(region.slice(0, 2))) && year >= 1900 && year <= 2099 && isCalendarDate(year, month, day);
}

/** An 18-digit 身份证号 (digits only, X or x allowed last) with a valid region, birth date and check code. */
export function isValidIdCard18(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  const ymd = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))] as const;
  if (!hasValidRegionAndBirth(s.slice(0, 6), ...ymd)) return false;
  return idCardCheckCode(s.slice(0, 17)) === s[17].toUpperCase();
}

/** Region and birth date look like an 18-digit 身份证号, whatever the check code says. */
export function looksLikeIdCard18(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  return hasValidRegionAndBirth(s.slice(0, 6), Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)));
}

/** A legacy 15-digit 身份证号 (issued before 1999): region, then 19YYMMDD as YYMMDD, no check code. */
export function isValidIdCard15(s: string): boolean {
  if (!/^\d{15}$/.test(s)) return false;
  return hasValidRegionAndBirth(s.slice(0, 6), 1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Issuer prefixes of cards used in China: UnionPay 62 (and some 60, 65), older domestic debit
// cards starting 94–99 (e.g. 9558), Visa 4, Mastercard 51–55 and 2221–2720, JCB 3528–3589.
const ISSUER_PREFIX = /^(?:62|60|65|9[4-9]|4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|352[89]|35[3-8]\d)/;

/** 16–19 digits, Luhn-valid, with a plausible issuer prefix. */
export function isPlausibleBankCard(digits: string): boolean {
  return /^\d{16,19}$/.test(digits) && ISSUER_PREFIX.test(digits) && passesLuhn(digits);
}
