// Search terms and highlighted snippets. Pure functions, no database: the browser bundle renders
// the segments, and never receives HTML — a snippet is data, so escaping stays React's job.

/** A piece of text to render, marked when it is one of the searched terms. */
export interface Segment {
  text: string;
  hit: boolean;
}

export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 8;

/**
 * ASCII-only lower case: it keeps every string's length, so offsets found in the folded text are
 * offsets in the original. Chinese has no case; the index folds Latin letters the same way.
 */
export function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Characters as the index counts them (code points), not UTF-16 units. */
export function charLength(term: string): number {
  return [...term].length;
}

/** [start, end) of every occurrence of any term, overlapping runs merged. */
function hitRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const folded = foldCase(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const needle = foldCase(term);
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The whole text, with every occurrence of a term marked. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  return cut(text, hitRanges(text, terms), 0, text.length);
}

/**
 * About `width` characters around the first hit, with an ellipsis where text was left out; the
 * beginning of the text when nothing hits (the row matched in a way the highlighter cannot see).
 */
export function snippet(text: string, terms: readonly string[], width = 90): Segment[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const ranges = hitRanges(flat, terms);
  if (flat.length <= width) return cut(flat, ranges, 0, flat.length);
  const first = ranges[0] ?? [0, 0];
  // Some context before the hit, most of the window after it, where the sentence goes on.
  let start = Math.max(0, first[0] - Math.floor(width / 4));
  const end = notInsidePair(flat, Math.min(flat.length, start + width));
  start = notInsidePair(flat, Math.max(0, end - width));
  const segments = cut(flat, ranges, start, end);
  if (start > 0) segments.unshift({ text: "…", hit: false });
  if (end < flat.length) segments.push({ text: "…", hit: false });
  return segments;
}

/** Moves an offset off the second half of a surrogate pair (𠮷 and other rare characters). */
function notInsidePair(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

function cut(text: string, ranges: Array<[number, number]>, start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) segments.push({ text: text.slice(at, a), hit: false });
    segments.push({ text: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < end) segments.push({ text: text.slice(at, end), hit: false });
  return segments;
}
