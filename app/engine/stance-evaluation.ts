import { getPath, type JsonRecord } from "./records";
import { STANCES, type Stance } from "./stance";

/**
 * Stance figures against labelled records: per-class precision, recall and F1, their macro mean and accuracy;
 * and, where records label a stance per named article (labels.article_stances), the share of those
 * (comment, article) pairs read right.
 */
export interface ClassFigures {
  precision: number;
  recall: number;
  f1: number;
  /** labelled with this class */
  support: number;
}

export interface StanceFigures {
  n: number;
  accuracy: number;
  macro_f1: number;
  classes: Record<Stance, ClassFigures>;
  /** null where no record labels a stance per article */
  article_stance_accuracy: number | null;
  article_stance_pairs: number;
}

const isStance = (value: unknown): value is Stance => typeof value === "string" && (STANCES as readonly string[]).includes(value);

export function hasStanceLabels(records: readonly JsonRecord[]): boolean {
  return records.some((r) => isStance(getPath(r, "labels.stance")));
}

export function evaluateStance(records: readonly JsonRecord[], found: readonly Stance[], foundPerArticle?: readonly Record<number, Stance>[]): StanceFigures {
  const counts = Object.fromEntries(STANCES.map((s) => [s, { tp: 0, fp: 0, fn: 0, support: 0 }])) as Record<
    Stance,
    { tp: number; fp: number; fn: number; support: number }
  >;
  let n = 0;
  let correct = 0;
  records.forEach((r, i) => {
    const truth = getPath(r, "labels.stance");
    if (!isStance(truth)) return;
    n++;
    const guess = found[i];
    counts[truth].support++;
    if (guess === truth) {
      correct++;
      counts[truth].tp++;
    } else {
      counts[truth].fn++;
      counts[guess].fp++;
    }
  });
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const classes = {} as Record<Stance, ClassFigures>;
  for (const s of STANCES) {
    const { tp, fp, fn, support } = counts[s];
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    classes[s] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  }
  // Macro-F1 over the classes the labels hold, so a set without neutral comments is not marked down for it.
  const present = STANCES.filter((s) => counts[s].support > 0);
  const macro = present.reduce((sum, s) => sum + classes[s].f1, 0) / Math.max(1, present.length);

  let pairs = 0;
  let pairsRight = 0;
  if (foundPerArticle) {
    records.forEach((r, i) => {
      const labelled = getPath(r, "labels.article_stances");
      if (!labelled || typeof labelled !== "object" || Array.isArray(labelled)) return;
      const entries = Object.entries(labelled as Record<string, unknown>).filter(([, s]) => isStance(s));
      if (entries.length < 2) return;
      for (const [article, stance] of entries) {
        pairs++;
        if (foundPerArticle[i][Number(article)] === stance) pairsRight++;
      }
    });
  }
  return {
    n,
    accuracy: ratio(correct, n),
    macro_f1: macro,
    classes,
    article_stance_accuracy: pairs > 0 ? pairsRight / pairs : null,
    article_stance_pairs: pairs,
  };
}
