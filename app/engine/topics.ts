import { withoutBoilerplate } from "./boilerplate";
import type { FoundCampaign } from "./campaigns";
import { normalizeRows } from "./dense";
import { groupKeywords } from "./keywords";
import type { PreparedComments } from "./prepare";
import { isArticleTerm, isBoundary, isWord } from "./pseudo-terms";
import type { Random } from "./prng";
import { pickRepresentatives, type RepresentativeCandidate } from "./representatives";
import { resolveStaffTopics, staffCentroids } from "./staff-edits";
import { TOO_FEW_LABEL, tooFewForTopics } from "./small-consultation";
import { newArguments } from "./new-arguments";
import { senderShare } from "./sender-share";
import { hasSubstance } from "./substance";
import { assignTopics, DocumentScorer } from "./topic-assign";
import { DEFAULT_TOPIC_OPTIONS, fitTopicModel, withCentroids, type TopicModelOptions } from "./topic-model";
import { topicSample, type TopicSample } from "./themes";
import { TITLE_SAMPLE, topicTitle } from "./topic-title";
import type { StaffEdits, TopicResult } from "./types";

/**
 * The topic stage: which comments form topics (one per campaign, none for comments without substance or pinned
 * by staff), fitting the model, assigning every comment, and describing each topic.
 */
const ARTICLE_BOOST = 2;
const CANDIDATES_PER_TOPIC = 40;
export const NO_SUBSTANCE_ID = "no-substance";
export const UNCLUSTERED_ID = "unclustered";
export { MIN_COMMENTS_FOR_TOPICS, TOO_FEW_LABEL, tooFewForTopics } from "./small-consultation";

interface Group {
  kind: TopicResult["kind"];
  key: string | null;
  label: string | null;
  /** every comment in the group */
  members: number[];
  /** the documents that speak for the group when describing it (campaigns once) */
  docs: number[];
  scores: number[];
}

export function buildTopics(
  prepared: PreparedComments,
  campaigns: { campaignOf: Int32Array; campaigns: FoundCampaign[] },
  staffEdits: StaffEdits | undefined,
  random: Random,
  onStep: (done: number, total: number) => void,
  options: TopicModelOptions = DEFAULT_TOPIC_OPTIONS
): { topicOf: (string | null)[]; topics: TopicResult[]; newArgument: boolean[]; samples: Map<string, TopicSample> } {
  // Topics are made from what each comment says, without the phrases its sender repeats on every comment.
  const prep: PreparedComments = { ...prepared, corpus: withoutBoilerplate(prepared.corpus, prepared.senders) };
  const n = prep.ids.length;
  const { corpus } = prep;
  const df = corpus.documentFrequency(Int32Array.from({ length: n }, (_, i) => i));
  const dfOf = (word: string) => df[corpus.idOf(word) ?? -1] ?? 0;
  const staff = resolveStaffTopics(staffEdits, prep.ids);
  const units: number[] = [];
  const noSubstance: number[] = [];
  // Where each comment ends up: a group index, or one of these.
  const UNDECIDED = -1;
  const UNCLUSTERED = -2;
  const NO_SUBSTANCE = -3;
  const topicIndexOf = new Int32Array(n).fill(UNDECIDED);
  for (let i = 0; i < n; i++) {
    if (staff.topicOf[i] >= 0) continue;
    const c = campaigns.campaignOf[i];
    if (c >= 0 && campaigns.campaigns[c].representative !== i) continue;
    const words = Array.from(corpus.doc(i), (t) => corpus.words[t]).filter(isWord);
    if (hasSubstance(words, prep.articles[i].length + prep.inferred[i].length, dfOf)) units.push(i);
    else {
      noSubstance.push(i);
      topicIndexOf[i] = NO_SUBSTANCE;
    }
  }
  const unitDocs = Int32Array.from(units);
  // Fitting is most of this stage on small inputs: say it has begun.
  onStep(0, units.length);
  const fitted = fitTopicModel(corpus, unitDocs, random, {
    ...options,
    boost: (w) => (isArticleTerm(w) ? ARTICLE_BOOST : 1),
    exclude: isBoundary,
  });
  const machineK = fitted.k;
  const pinnedScorer = new DocumentScorer(corpus, fitted);
  const extra = staffCentroids(staff, (doc) => pinnedScorer.vector(doc), fitted.embedding.dims);
  const model = extra.length > 0 ? withCentroids(fitted, concat(fitted.centroids, extra)) : fitted;
  const scorer = new DocumentScorer(corpus, model);
  const { topics: unitTopic, scores } = assignTopics(scorer, unitDocs, model.k, (done) => onStep(done, units.length));
  // Too few comments for topics: only staff topics (and campaigns, below) keep what they hold.
  const tooFew = tooFewForTopics(n);
  if (tooFew) unitTopic.forEach((t, u) => (unitTopic[u] = t >= machineK ? t : -1));

  const groups: Group[] = [];
  for (let t = 0; t < machineK; t++) groups.push({ kind: "machine", key: null, label: null, members: [], docs: [], scores: [] });
  staff.topics.forEach((s) => groups.push({ kind: "staff", key: s.key, label: s.label ?? null, members: [], docs: [], scores: [] }));
  const unclustered: Group = { kind: "other", key: UNCLUSTERED_ID, label: tooFew ? TOO_FEW_LABEL : "其他（未归类）", members: [], docs: [], scores: [] };
  const empty: Group = { kind: "no_substance", key: NO_SUBSTANCE_ID, label: "无实质内容", members: [], docs: noSubstance, scores: [] };
  const minOwnTopic = Math.max(3, Math.ceil(options.minTopicShare * units.length));
  const subjectWords = topicSubjectWords(prep, units, unitTopic, machineK, campaigns.campaignOf, dfOf);
  units.forEach((doc, u) => {
    let t = unitTopic[u];
    // A campaign joins a machine topic only when it speaks of that topic's subject (shares one of its most
    // distinctive words): a slogan that merely shares 反对 or 限制 with a topic is a subject of its own.
    // Only a campaign as large as the smallest topic the model keeps: two copies of a short reply are no topic.
    const c = campaigns.campaignOf[doc];
    if (t >= 0 && t < machineK && c >= 0 && campaigns.campaigns[c].members.length >= minOwnTopic && !sharesSubject(prep, doc, subjectWords[t])) t = -1;
    // A campaign whose words nobody else uses is a subject of its own, not "other".
    if (t < 0 && campaigns.campaignOf[doc] >= 0) {
      t = groups.length;
      groups.push({ kind: "machine", key: null, label: null, members: [], docs: [], scores: [] });
    }
    const group = t >= 0 ? groups[t] : unclustered;
    group.docs.push(doc);
    group.scores.push(scores[u]);
    topicIndexOf[doc] = t >= 0 ? t : UNCLUSTERED;
  });
  staff.topicOf.forEach((s, i) => {
    if (s < 0) return;
    groups[machineK + s].docs.push(i);
    groups[machineK + s].scores.push(Infinity);
    topicIndexOf[i] = machineK + s;
  });
  for (let i = 0; i < n; i++) {
    // A campaign's other copies go wherever its representative went.
    const c = campaigns.campaignOf[i];
    if (topicIndexOf[i] === UNDECIDED && c >= 0) topicIndexOf[i] = topicIndexOf[campaigns.campaigns[c].representative];
    const t = topicIndexOf[i];
    (t >= 0 ? groups[t] : t === UNCLUSTERED ? unclustered : empty).members.push(i);
  }
  const all = [...groups, unclustered, empty].filter((g) => g.members.length > 0);
  // newArguments copies what it keeps, so one buffer serves every comment (no garbage per comment).
  const buffer = new Float32Array(model.embedding.dims);
  const newArgument = newArguments(topicIndexOf, (i) => (scorer.vectorInto(i, buffer) ? buffer : null), campaigns.campaignOf);
  const described = describe(prep, all, scorer, model.embedding.dims, dfOf);
  // Where each topic's comments lie in the model's space, for grouping topics into themes (themes.ts); keys are set by now.
  const samples = new Map(all.map((g) => [g.key ?? "", topicSample(g.docs, (doc, out) => scorer.vectorInto(doc, out), model.embedding.dims)]));
  return { ...described, newArgument, samples };
}

const SUBJECT_WORDS = 10;

/** Per machine topic, its most distinctive words (count × idf) among the comments that are not campaigns. */
function topicSubjectWords(
  prep: PreparedComments,
  units: readonly number[],
  unitTopic: Int32Array,
  machineK: number,
  campaignOf: Int32Array,
  dfOf: (word: string) => number
): Set<string>[] {
  const n = prep.ids.length;
  const counts = Array.from({ length: machineK }, () => new Map<string, number>());
  units.forEach((doc, u) => {
    const t = unitTopic[u];
    if (t < 0 || t >= machineK || campaignOf[doc] >= 0) return;
    for (const id of prep.corpus.doc(doc)) {
      const word = prep.corpus.words[id];
      if (isWord(word)) counts[t].set(word, (counts[t].get(word) ?? 0) + 1);
    }
  });
  return counts.map((words) => {
    const scored = [...words].map(([w, c]) => [w, c * Math.log((1 + n) / (1 + dfOf(w)))] as const);
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return new Set(scored.slice(0, SUBJECT_WORDS).map(([w]) => w));
  });
}

function sharesSubject(prep: PreparedComments, doc: number, words: Set<string>): boolean {
  // A topic of campaigns only has no words of its own: nothing to compare, so the assignment stands.
  if (words.size === 0) return true;
  for (const id of prep.corpus.doc(doc)) if (words.has(prep.corpus.words[id])) return true;
  return false;
}

function describe(prep: PreparedComments, groups: Group[], scorer: DocumentScorer, dims: number, dfOf: (word: string) => number) {
  const { corpus, segmenter } = prep;
  const display = (w: string) => segmenter.surfaceOf(w);
  const keywords = groupKeywords(
    corpus,
    groups.map((g) => g.docs),
    5,
    {
      phraseSample: 2000,
      phraseStickiness: 0.25,
      isKeyword: isWord,
      display,
    }
  );
  const machine = groups
    .filter((g) => g.kind === "machine" && g.key === null)
    .sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
  machine.forEach((g, i) => (g.key = `topic-${i + 1}`));
  const topicOf: (string | null)[] = new Array(prep.ids.length).fill(null);
  const topics = groups.map((g, gi): TopicResult => {
    for (const i of g.members) topicOf[i] = g.key;
    const words = keywords[gi];
    const separator = /^[\u3400-\u9fff]/.test(words[0] ?? "") ? "、" : ", ";
    return {
      id: g.key ?? "",
      label: g.label ?? titleOf(prep, g, dfOf, words) ?? (words.length > 0 ? words.slice(0, 3).join(separator) : "其他"),
      keywords: words,
      size: g.members.length,
      comment_ids: g.members.map((i) => prep.ids[i]),
      representative_ids: representatives(prep, g, scorer, dims).map((i) => prep.ids[i]),
      kind: g.kind,
      ...senderShare(g.members.map((i) => prep.senders[i])),
    };
  });
  const order = (t: TopicResult) => (t.kind === "no_substance" ? 2 : t.id === UNCLUSTERED_ID ? 1 : 0);
  topics.sort((a, b) => order(a) - order(b) || b.size - a.size || (a.id < b.id ? -1 : 1));
  return { topicOf, topics };
}

/** A machine topic's title from a spread sample of its comments (topic-title.ts); staff topics keep their label. */
function titleOf(prep: PreparedComments, group: Group, dfOf: (word: string) => number, keywords: string[]): string | null {
  if (group.kind !== "machine") return null;
  const n = prep.ids.length;
  const sample = Math.min(group.docs.length, TITLE_SAMPLE);
  const texts = Array.from({ length: sample }, (_, i) => prep.normalized[group.docs[Math.floor((i * group.docs.length) / sample)]]);
  return topicTitle(texts, {
    keywords,
    tag: prep.segmenter.tag,
    lift: (token) => {
      const df = dfOf(token);
      return df > 0 ? n / df : 0;
    },
  });
}

function representatives(prep: PreparedComments, group: Group, scorer: DocumentScorer, dims: number): number[] {
  const ranked = group.docs
    .map((doc, i) => [doc, group.scores[i] ?? 0] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, CANDIDATES_PER_TOPIC);
  const candidates: RepresentativeCandidate[] = [];
  for (const [doc] of ranked) {
    const vector = scorer.vector(doc) ?? new Float32Array(dims);
    candidates.push({ index: doc, vector, length: prep.corpus.length(doc), key: prep.keys[doc] });
  }
  const centroid = new Float32Array(dims);
  for (const c of candidates) for (let d = 0; d < dims; d++) centroid[d] += c.vector[d];
  normalizeRows(centroid, 1, dims);
  return pickRepresentatives(candidates, centroid);
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
