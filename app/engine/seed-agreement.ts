import { nmi } from "./metrics";

/**
 * How far two runs with different seeds agree on the topics: staff edits rely on comments staying in their
 * topic, so a run that regroups a quarter of the pairs on a new seed is not stable enough. NMI between the two
 * assignments, and the share of comment pairs that change group: of the pairs grouped together in either run,
 * those grouped together in only one.
 */
export interface SeedAgreement {
  nmi: number;
  changed_pairs: number;
}

type Labels = readonly (string | null)[];

const pairs = (x: number) => (x * (x - 1)) / 2;

export function changedPairShare(a: Labels, b: Labels): number {
  const both = new Map<string, number>();
  const ofA = new Map<string, number>();
  const ofB = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    both.set(`${x}\u0000${y}`, (both.get(`${x}\u0000${y}`) ?? 0) + 1);
    ofA.set(x, (ofA.get(x) ?? 0) + 1);
    ofB.set(y, (ofB.get(y) ?? 0) + 1);
  }
  let together = 0;
  for (const c of both.values()) together += pairs(c);
  let inA = 0;
  for (const c of ofA.values()) inA += pairs(c);
  let inB = 0;
  for (const c of ofB.values()) inB += pairs(c);
  const either = inA + inB - together;
  return either === 0 ? 0 : (either - together) / either;
}

/** The mean agreement over every pair of runs (each run: the topic of every comment, in the same order). */
export function seedAgreement(runs: readonly Labels[]): SeedAgreement | null {
  let count = 0;
  let sumNmi = 0;
  let sumChanged = 0;
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      sumNmi += nmi(runs[i], runs[j]);
      sumChanged += changedPairShare(runs[i], runs[j]);
      count++;
    }
  }
  return count === 0 ? null : { nmi: sumNmi / count, changed_pairs: sumChanged / count };
}
