import { getPath, type JsonRecord } from "./records";
import type { TopicResult } from "./types";

/**
 * How close the machine topics' titles come to the names people gave the topics (a labelled set's topics.json):
 * per machine topic, the Dice coefficient of character bigrams between its title and the name of the label most
 * of its comments carry, averaged over the topics. A rough figure: 充电与物业 against 充电安全 scores 0.29
 * though a reader would accept it; it shows whether titles move toward the names, not whether they are good.
 */
export function titleOverlap(
  records: readonly JsonRecord[],
  result: { topics: readonly TopicResult[]; comments: readonly { id: string }[] },
  labelField: string,
  names: ReadonlyMap<string, string>
): number | null {
  const labelOf = new Map<string, string>();
  result.comments.forEach((c, i) => {
    const value = records[i] ? getPath(records[i], labelField) : undefined;
    if (value !== undefined && value !== null) labelOf.set(c.id, String(value));
  });
  const scores: number[] = [];
  for (const topic of result.topics) {
    if (topic.kind !== "machine") continue;
    const counts = new Map<string, number>();
    for (const id of topic.comment_ids) {
      const label = labelOf.get(id);
      if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const majority = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const name = majority === undefined ? undefined : names.get(majority);
    if (name !== undefined) scores.push(bigramDice(topic.label, name));
  }
  return scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}

/** Dice coefficient of the character bigrams of two titles; bigrams do not span 与, 、 or punctuation. */
export function bigramDice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length + y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const left = pool.get(g) ?? 0;
    if (left > 0) {
      shared++;
      pool.set(g, left - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const part of text.toLowerCase().split(/[\s与、,，/／;；:：()（）]+|\band\b/)) {
    for (let i = 0; i + 1 < part.length; i++) out.push(part.slice(i, i + 2));
  }
  return out;
}
