// Articles keep their identity across versions, so that a comment on 第X条 stays attached to
// that article when a later version renumbers or rewords it. Pure: tested on its own.

export interface OldArticle {
  number: number;
  text: string;
  identityId: number;
}

export interface NewArticle {
  number: number;
  text: string;
}

function bigrams(text: string): Set<string> {
  const t = text.replace(/\s+/g, "");
  const grams = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) grams.add(t.slice(i, i + 2));
  if (t.length === 1) grams.add(t);
  return grams;
}

/** Dice coefficient over character bigrams: 1 for identical texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

// Same number and still about the same thing, or a different number but clearly the same text.
const SAME_NUMBER_THRESHOLD = 0.35;
const MOVED_THRESHOLD = 0.6;
// Within the gap between two matched neighbours, order itself is evidence: less text must agree.
const IN_PLACE_THRESHOLD = 0.3;

/**
 * Maps each new article's number to the identity of the old article it continues, when there is
 * one. First every article that kept its number and most of its text; then, greedily by
 * similarity, articles that moved (renumbered after an insertion or deletion); last, articles
 * reworded in place, between neighbours that were matched.
 */
export function matchArticles(previous: OldArticle[], next: NewArticle[]): Map<number, number> {
  const result = new Map<number, number>();
  const usedOld = new Set<number>();
  const oldByNumber = new Map(previous.map((a) => [a.number, a]));
  for (const n of next) {
    const o = oldByNumber.get(n.number);
    if (o && similarity(o.text, n.text) >= SAME_NUMBER_THRESHOLD) {
      result.set(n.number, o.identityId);
      usedOld.add(o.identityId);
    }
  }
  const candidates: Array<{ next: number; identityId: number; score: number }> = [];
  for (const n of next) {
    if (result.has(n.number)) continue;
    for (const o of previous) {
      if (usedOld.has(o.identityId)) continue;
      const score = similarity(o.text, n.text);
      if (score >= MOVED_THRESHOLD) candidates.push({ next: n.number, identityId: o.identityId, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.next - b.next);
  for (const c of candidates) {
    if (result.has(c.next) || usedOld.has(c.identityId)) continue;
    result.set(c.next, c.identityId);
    usedOld.add(c.identityId);
  }
  matchWithinGaps(previous, next, result, usedOld);
  return result;
}

function matchWithinGaps(previous: OldArticle[], next: NewArticle[], result: Map<number, number>, usedOld: Set<number>) {
  const oldIndex = new Map(previous.map((a, i) => [a.identityId, i]));
  next.forEach((n, i) => {
    if (result.has(n.number)) return;
    let lo = -1;
    for (let j = i - 1; j >= 0; j--) {
      const id = result.get(next[j].number);
      if (id !== undefined) {
        lo = oldIndex.get(id)!;
        break;
      }
    }
    let hi = previous.length;
    for (let j = i + 1; j < next.length; j++) {
      const id = result.get(next[j].number);
      if (id !== undefined) {
        hi = oldIndex.get(id)!;
        break;
      }
    }
    let best: { identityId: number; score: number } | null = null;
    for (let k = lo + 1; k < hi; k++) {
      const o = previous[k];
      if (usedOld.has(o.identityId)) continue;
      const score = similarity(o.text, n.text);
      if (score >= IN_PLACE_THRESHOLD && (!best || score > best.score)) best = { identityId: o.identityId, score };
    }
    if (best) {
      result.set(n.number, best.identityId);
      usedOld.add(best.identityId);
    }
  });
}
