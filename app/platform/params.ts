/**
 * A route's numeric id, strictly: digits only, no sign, spaces, decimals or exponents, so that each
 * thing has one URL and "/consultations/ 1 " or "/consultations/1e0" is a 404, not a copy.
 */
export function idParam(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}
