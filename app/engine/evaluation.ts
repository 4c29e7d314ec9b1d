import { ari, nmi, pairPrecisionRecall } from "./metrics";
import { getPath, type JsonRecord } from "./records";
import type { AnalysisResult } from "./types";

/**
 * The evaluation figures of the command-line contract, each computed only where the records carry the labels
 * it needs (null otherwise).
 */
export interface EvaluationFigures {
  n: number;
  topics: number;
  nmi: number | null;
  ari: number | null;
  campaign_precision: number | null;
  campaign_recall: number | null;
  article_accuracy: number | null;
  /** article accuracy on the comments whose labels name only articles they cite (labels.articles_uncited empty) */
  article_accuracy_explicit: number | null;
  /** article accuracy on the comments about an article they do not cite (labels.articles_uncited non-empty) */
  article_accuracy_implicit: number | null;
  pii_recall: number | null;
  pii_false_positive_rate: number | null;
  /** of the article links the engine made (named and inferred), the share the labels confirm */
  article_link_precision: number | null;
  /** of the links inferred from the wording alone (articles_inferred), the share the labels confirm */
  inferred_link_precision: number | null;
  /** themes found, and NMI / ARI of each comment's theme (its topic's, or the topic itself where it has none) */
  themes: number;
  theme_nmi: number | null;
  theme_ari: number | null;
  seconds: number;
}

/** The label field to use when none is given: the corpus's labels.topic, else a plain `label`. */
export function defaultLabelField(records: readonly JsonRecord[]): string | null {
  for (const field of ["labels.topic", "label"]) {
    if (records.some((r) => getPath(r, field) !== undefined)) return field;
  }
  return null;
}

const hasField = (records: readonly JsonRecord[], path: string) => records.some((r) => getPath(r, path) !== undefined);
// The labels know phones, not landlines: a landline found where a phone is labelled is a phone found.
const piiKind = (kind: string) => (kind === "landline" ? "phone" : kind);

export function evaluate(
  records: readonly JsonRecord[],
  result: AnalysisResult,
  labelField: string | null,
  seconds: number,
  /** where a record names its campaign (form-letter family); null or empty for none */
  campaignField = "labels.campaign",
  /** each record's theme label; by default its topic label (a set with one level of labels) */
  themeLabelOf: ((record: JsonRecord) => string | null) | null = null
): EvaluationFigures {
  const figures: EvaluationFigures = {
    n: records.length,
    topics: result.topics.length,
    nmi: null,
    ari: null,
    campaign_precision: null,
    campaign_recall: null,
    article_accuracy: null,
    article_accuracy_explicit: null,
    article_accuracy_implicit: null,
    pii_recall: null,
    pii_false_positive_rate: null,
    article_link_precision: null,
    inferred_link_precision: null,
    themes: result.themes?.length ?? 0,
    theme_nmi: null,
    theme_ari: null,
    seconds: Math.round(seconds * 1000) / 1000,
  };
  const comments = result.comments;
  if (labelField && hasField(records, labelField)) {
    const truth = records.map((r) => String(getPath(r, labelField) ?? null));
    const found = comments.map((c) => c.topic ?? "null");
    figures.nmi = nmi(truth, found);
    figures.ari = ari(truth, found);
  }
  if (themeLabelOf || (labelField && hasField(records, labelField))) {
    const labelOf = themeLabelOf ?? ((r: JsonRecord) => String(getPath(r, labelField!) ?? null));
    const truth = records.map((r) => String(labelOf(r)));
    const found = commentThemes(result);
    figures.theme_nmi = nmi(truth, found);
    figures.theme_ari = ari(truth, found);
  }
  if (hasField(records, campaignField)) {
    const truth = records.map((r) => {
      const value = getPath(r, campaignField);
      return value === null || value === undefined || value === "" ? null : String(value);
    });
    const { precision, recall } = pairPrecisionRecall(
      truth,
      comments.map((c) => c.campaign)
    );
    figures.campaign_precision = precision;
    figures.campaign_recall = recall;
  }
  if (hasField(records, "labels.articles")) {
    const split = hasField(records, "labels.articles_uncited");
    const tally = { all: [0, 0], explicit: [0, 0], implicit: [0, 0] };
    records.forEach((r, i) => {
      const value = getPath(r, "labels.articles");
      if (!Array.isArray(value) || value.length === 0) return;
      const uncited = getPath(r, "labels.articles_uncited");
      const kind = Array.isArray(uncited) && uncited.length > 0 ? "implicit" : "explicit";
      const truth = [...new Set(value.map(Number))].sort((a, b) => a - b);
      const found = [...new Set([...comments[i].articles, ...comments[i].articles_inferred])].sort((a, b) => a - b);
      const right = truth.length === found.length && truth.every((a, j) => a === found[j]) ? 1 : 0;
      for (const key of ["all", kind] as const) {
        tally[key][0]++;
        tally[key][1] += right;
      }
    });
    const share = ([labelled, equal]: number[]) => (labelled > 0 ? equal / labelled : null);
    figures.article_accuracy = share(tally.all);
    if (split) {
      figures.article_accuracy_explicit = share(tally.explicit);
      figures.article_accuracy_implicit = share(tally.implicit);
    }
  }
  if (hasField(records, "labels.articles")) Object.assign(figures, articleLinkPrecision(records, result));
  if (hasField(records, "labels.pii")) {
    let withPii = 0;
    let recalled = 0;
    let without = 0;
    let flagged = 0;
    records.forEach((r, i) => {
      const value = getPath(r, "labels.pii");
      const labelled = Array.isArray(value) ? value.map((k) => piiKind(String(k))) : [];
      const found = new Set(comments[i].pii.map((p) => piiKind(p.kind)));
      if (labelled.length > 0) {
        withPii++;
        if (labelled.every((k) => found.has(k))) recalled++;
      } else {
        without++;
        if (found.size > 0) flagged++;
      }
    });
    figures.pii_recall = withPii > 0 ? recalled / withPii : null;
    figures.pii_false_positive_rate = without > 0 ? flagged / without : null;
  }
  return figures;
}

/** Each comment's theme: its topic's, or the topic itself for a topic in no theme (no substance, unclustered). */
export function commentThemes(result: AnalysisResult): string[] {
  const themeOf = new Map(result.topics.map((t) => [t.id, t.theme ?? t.id]));
  return result.comments.map((c) => (c.topic === null ? "null" : themeOf.get(c.topic) ?? c.topic));
}

/**
 * Precision of article links: every link the engine made on a comment whose record carries labels.articles (an
 * empty list says "no article"), counted once per comment and article; a link is right when the labels name it.
 * Accuracy alone hides a false 第二条 found in 「机场第二条跑道」 among many comments that are right.
 */
export function articleLinkPrecision(
  records: readonly JsonRecord[],
  result: AnalysisResult
): { article_link_precision: number | null; inferred_link_precision: number | null } {
  let links = 0;
  let right = 0;
  let inferred = 0;
  let inferredRight = 0;
  records.forEach((r, i) => {
    const value = getPath(r, "labels.articles");
    const comment = result.comments[i];
    if (!Array.isArray(value) || !comment) return;
    const truth = new Set(value.map(Number));
    for (const a of new Set([...comment.articles, ...comment.articles_inferred])) {
      links++;
      if (truth.has(a)) right++;
    }
    for (const a of new Set(comment.articles_inferred)) {
      inferred++;
      if (truth.has(a)) inferredRight++;
    }
  });
  return {
    article_link_precision: links > 0 ? right / links : null,
    inferred_link_precision: inferred > 0 ? inferredRight / inferred : null,
  };
}
