// C0/C1 controls other than tab and newline, zero-width joiners used for spoofing, and the
// bidirectional embedding/override/isolate marks that can make text display differently from
// what it says (Trojan Source). Stripped from everything a user submits.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

export function sanitizeUserText(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(UNSAFE_CHARS, "");
}

/** A single-line field: sanitized, inner whitespace runs folded, trimmed. */
export function sanitizeLine(raw: string): string {
  return sanitizeUserText(raw).replace(/\s+/g, " ").trim();
}
