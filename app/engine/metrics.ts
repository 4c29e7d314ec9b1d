/**
 * Agreement measures between found groups and labelled groups, as the evaluation defines them: NMI with the
 * arithmetic mean of the two entropies, the adjusted Rand index, and precision and recall over pairs of comments.
 */

type Labels = readonly (string | number | null)[];

function contingency(a: Labels, b: Labels) {
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const r = String(a[i]);
    const c = String(b[i]);
    const key = `${r}\u0000${c}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(r, (rows.get(r) ?? 0) + 1);
    cols.set(c, (cols.get(c) ?? 0) + 1);
  }
  return { table, rows, cols };
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

export function nmi(truth: Labels, found: Labels): number {
  const n = truth.length;
  if (n === 0) return 0;
  const { table, rows, cols } = contingency(truth, found);
  const hTruth = entropy(rows.values(), n);
  const hFound = entropy(cols.values(), n);
  let mutual = 0;
  for (const [key, count] of table) {
    const [r, c] = key.split("\u0000");
    const rowCount = rows.get(r) ?? 0;
    const colCount = cols.get(c) ?? 0;
    mutual += (count / n) * Math.log((count * n) / (rowCount * colCount));
  }
  const mean = (hTruth + hFound) / 2;
  if (mean === 0) return 1;
  return Math.max(0, Math.min(1, mutual / mean));
}

const pairs = (x: number) => (x * (x - 1)) / 2;

export function ari(truth: Labels, found: Labels): number {
  const n = truth.length;
  const { table, rows, cols } = contingency(truth, found);
  let index = 0;
  for (const c of table.values()) index += pairs(c);
  let sumRows = 0;
  for (const c of rows.values()) sumRows += pairs(c);
  let sumCols = 0;
  for (const c of cols.values()) sumCols += pairs(c);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/**
 * Precision and recall over pairs of comments in the same group, where null means "in no group" (a comment that
 * belongs to no campaign pairs with nothing).
 */
export function pairPrecisionRecall(truth: Labels, found: Labels): { precision: number | null; recall: number | null } {
  const groupPairs = (labels: Labels) => {
    const counts = new Map<string | number, number>();
    for (const l of labels) if (l !== null) counts.set(l, (counts.get(l) ?? 0) + 1);
    let total = 0;
    for (const c of counts.values()) total += pairs(c);
    return total;
  };
  const both = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] === null || found[i] === null) continue;
    const key = `${String(truth[i])}\u0000${String(found[i])}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let agreed = 0;
  for (const c of both.values()) agreed += pairs(c);
  const foundPairs = groupPairs(found);
  const truePairs = groupPairs(truth);
  return {
    precision: foundPairs === 0 ? (truePairs === 0 ? 1 : null) : agreed / foundPairs,
    recall: truePairs === 0 ? null : agreed / truePairs,
  };
}
