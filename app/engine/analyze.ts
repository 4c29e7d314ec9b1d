import { buildArticleIndex } from "./article-inference";
import { inferArticleLinks, type Links } from "./article-links";
import { DEFAULT_CAMPAIGN_OPTIONS, findCampaignsAndTopicUnits } from "./campaigns";
import { joinLetterFamilies } from "./letter-families";
import { flattenArticles, parseDraft } from "./draft-parser";
import { documentKeywords } from "./keywords";
import { normalizeText } from "./normalize";
import { prepareComments, type PreparedComments } from "./prepare";
import { prepareInParallel, threadsFor } from "./prepare-parallel";
import { isWord } from "./pseudo-terms";
import { seededRandom } from "./prng";
import { buildThemes } from "./themes";
import { buildTopics, tooFewForTopics } from "./topics";
import { summarizeTopics } from "./topic-summary";
import type { AnalysisInput, AnalysisProgress, AnalysisResult, CampaignResult, CommentResult } from "./types";

/**
 * The whole analysis of one consultation's comments: per-comment features, campaigns, topics. `analyze` is
 * synchronous and single-threaded; `analyzeInParallel` spreads the per-comment stage of large inputs over the
 * machine's cores and gives the identical result. Run either in a worker (run-in-worker.server.ts) to keep a
 * server responsive.
 */
export type ProgressListener = (progress: AnalysisProgress) => void;

const DEFAULT_SEED = 20240501;
const KEYWORDS_PER_COMMENT = 5;
// Below this many comments per thread, starting a thread (and its segmenter) costs more than it saves.
const MIN_COMMENTS_PER_THREAD = 25_000;

export function analyze(input: AnalysisInput, onProgress: ProgressListener = () => {}): AnalysisResult {
  const n = input.comments.length;
  onProgress({ stage: "prepare", done: 0, total: n });
  const prep = prepareComments(input, (done) => onProgress({ stage: "comments", done, total: n }));
  return finish(input, prep, onProgress);
}

export async function analyzeInParallel(
  input: AnalysisInput,
  onProgress: ProgressListener = () => {},
  minCommentsPerThread = MIN_COMMENTS_PER_THREAD
): Promise<AnalysisResult> {
  const n = input.comments.length;
  const threads = threadsFor(n, minCommentsPerThread);
  if (threads < 2) return analyze(input, onProgress);
  onProgress({ stage: "prepare", done: 0, total: n });
  const prep = await prepareInParallel(input, threads, (done) => onProgress({ stage: "comments", done, total: n }));
  return finish(input, prep, onProgress);
}

function finish(input: AnalysisInput, prep: PreparedComments, onProgress: ProgressListener): AnalysisResult {
  const n = input.comments.length;
  onProgress({ stage: "campaigns", done: 0, total: n });
  // Exact and near duplicates first, then the sentence-level pass that joins paraphrases and variants of one template.
  // Topics count each group of near-identical texts once, including texts that share only one short point
  // (too little to be a campaign, but one voice for a topic): the grouping topics had before 0030.
  const { campaigns: nearDuplicates, topicUnits } = findCampaignsAndTopicUnits(prep.keys, prep.senders);
  const isText = input.comments.map((c) => typeof c.text === "string");
  const found = joinLetterFamilies(
    input.comments.map((c, i) => (isText[i] ? (c.text as string) : "")),
    prep.senders,
    nearDuplicates,
    DEFAULT_CAMPAIGN_OPTIONS.minChars,
    undefined,
    prep.normalized.map((t, i) => (isText[i] ? t : ""))
  );
  const campaigns: CampaignResult[] = found.campaigns.map((c, i) => ({
    id: `campaign-${i + 1}`,
    size: c.members.length,
    distinct_senders: c.distinctSenders,
    comment_ids: c.members.map((m) => prep.ids[m]),
    representative_id: prep.ids[c.representative],
    variants: c.variants.map((v) => ({ representative_id: prep.ids[v.representative], size: v.members.length })),
  }));
  onProgress({ stage: "campaigns", done: n, total: n });

  const random = seededRandom(input.seed ?? DEFAULT_SEED);
  const { topicOf, topics, newArgument, samples } = buildTopics(prep, topicUnits, input.staffEdits, random, (done, total) =>
    onProgress({ stage: "topics", done, total })
  );

  const links = articleLinks(input, prep, topicOf);

  onProgress({ stage: "labels", done: 0, total: n });
  const { corpus } = prep;
  const df = corpus.documentFrequency(Int32Array.from({ length: n }, (_, i) => i));
  const idf = Float32Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  const keywordOptions = { isKeyword: isWord, display: prep.segmenter.surfaceOf };
  const comments: CommentResult[] = prep.ids.map((id, i) => ({
    id,
    topic: topicOf[i],
    campaign: found.campaignOf[i] >= 0 ? campaigns[found.campaignOf[i]].id : null,
    ...(found.additions[i].length ? { campaign_additions: found.additions[i] } : {}),
    articles: prep.articles[i],
    articles_inferred: links.inferred[i],
    articles_inferred_confidence: links.confidence[i],
    pii: prep.pii[i],
    stance: prep.stance[i],
    article_stances: prep.articleStances[i],
    keywords: documentKeywords(corpus, i, idf, KEYWORDS_PER_COMMENT, keywordOptions),
    new_argument: newArgument[i],
  }));
  // Last: tokenising again records surface forms, which must not change the labels and keywords above.
  summarizeTopics(topics, topicOf, {
    ids: prep.ids,
    texts: input.comments.map((c, i) => (isText[i] ? (c.text as string) : "")),
    pii: prep.pii,
    campaignOf: found.campaignOf,
    corpus,
    documentFrequency: df,
    tokenize: (text) =>
      input.pretokenized
        ? normalizeText(text)
            .split(/\s+/)
            .flatMap((w) => prep.segmenter.contentToken(w) ?? [])
        : prep.segmenter.tokenize(normalizeText(text)),
  });
  // Too few comments for topics is too few for themes: the workspace lists those comments by article.
  const themed = tooFewForTopics(n) ? { topics, themes: [] } : buildThemes(topics, samples);
  onProgress({ stage: "done", done: n, total: n });
  return {
    too_few_for_topics: tooFewForTopics(n),
    topics: themed.topics,
    ...(themed.themes.length > 0 ? { themes: themed.themes } : {}),
    campaigns,
    comments,
  };
}

/** Implicit article references, once topics are known (article-links.ts); none without a draft. */
function articleLinks(input: AnalysisInput, prep: PreparedComments, topicOf: readonly (string | null)[]): Links {
  const articles = input.draft?.trim() ? flattenArticles(parseDraft(input.draft)) : [];
  if (articles.length === 0) {
    return { inferred: prep.ids.map(() => []), confidence: prep.ids.map(() => []) };
  }
  return inferArticleLinks({
    articles,
    draftIndex: buildArticleIndex(articles, normalizeText),
    normalized: prep.normalized,
    ids: prep.ids,
    named: prep.articles,
    firstPass: prep.inferred,
    topicOf,
    corrections: input.articleCorrections,
  });
}
