// The optional seam of docs/decisions/0043: after the engine has written each topic's cited extractive summary,
// an OpenAI-compatible endpoint the department runs on its own premises may rephrase it into fluent prose. It is
// sent the redacted extractive sentences only, never a comment. An answer is taken only when it parses, gives one
// sentence per argument and keeps each sentence's figures; the citations are the engine's, whatever the answer.
// Anything else (no endpoint, an error, a timeout, an answer that does not fit) keeps the extractive summary.
import { z } from "zod";
import { detectPii } from "~/engine/pii";
import type { AnalysisResult, TopicSummarySentence } from "~/engine/types";
import type { Env } from "~/platform/env.server";

export interface SummaryEndpoint {
  /** base URL of the API, ending in /v1 */
  url: string;
  model: string;
  key?: string;
  timeoutMs: number;
}

const MAX_SENTENCE_CHARS = 400;

const AnswerSchema = z.object({
  sentences: z.array(z.object({ id: z.number().int(), text: z.string().trim().min(1).max(MAX_SENTENCE_CHARS) })),
});

const ChatCompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const INSTRUCTIONS = [
  "You rewrite the summary of one topic of public comments on a draft regulation.",
  "Each numbered sentence states one argument and how many comments make it. Rewrite each sentence as one fluent",
  "sentence in the same language, keeping its meaning, its numbers and nothing else: add no facts, merge or drop no",
  'sentence. Answer with JSON only, in the form {"sentences": [{"id": 1, "text": "..."}]}, one entry per id.',
].join(" ");

export class SummaryEndpointUnavailable extends Error {}

/**
 * The topic's sentences as the endpoint rephrased them, or null when its answer is not acceptable. Throws
 * SummaryEndpointUnavailable when the endpoint cannot be reached or does not answer in time.
 */
export async function rephraseTopicSummary(endpoint: SummaryEndpoint, summary: TopicSummarySentence[]): Promise<TopicSummarySentence[] | null> {
  const extractive = summary.map((s) => s.extractive_text ?? s.text);
  let response: Response;
  try {
    response = await fetch(`${endpoint.url.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(endpoint.key ? { authorization: `Bearer ${endpoint.key}` } : {}) },
      body: JSON.stringify({
        model: endpoint.model,
        temperature: 0,
        messages: [
          { role: "system", content: INSTRUCTIONS },
          { role: "user", content: JSON.stringify({ sentences: extractive.map((text, i) => ({ id: i + 1, text })) }) },
        ],
      }),
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
  } catch (error) {
    throw new SummaryEndpointUnavailable(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
  let content: string;
  try {
    const completion = ChatCompletionSchema.safeParse(await response.json());
    if (!completion.success) return null;
    content = completion.data.choices[0].message.content;
  } catch (error) {
    // A body cut short by the timeout is the endpoint being unavailable; anything else is an answer that does not parse.
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) throw new SummaryEndpointUnavailable(error.message);
    return null;
  }
  return acceptedAnswer(content, summary, extractive);
}

/** The rephrased sentences when the answer keeps one sentence per argument and every figure of each; else null. */
export function acceptedAnswer(content: string, summary: TopicSummarySentence[], extractive: string[]): TopicSummarySentence[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ""));
  } catch {
    return null;
  }
  const answer = AnswerSchema.safeParse(parsed);
  if (!answer.success || answer.data.sentences.length !== summary.length) return null;
  const byId = new Map(answer.data.sentences.map((s) => [s.id, s.text]));
  const out: TopicSummarySentence[] = [];
  for (const [i, s] of summary.entries()) {
    const text = byId.get(i + 1);
    // The figures are the summary's claims: a rephrasing that loses or changes one is not taken.
    if (text === undefined || !figuresOf(extractive[i]).every((n) => figuresOf(text).includes(n))) return null;
    // Nothing personal can come from the sentences sent; an answer that holds a number or address like it is not taken.
    if (detectPii(text, { names: false }).length > 0) return null;
    out.push({ ...s, text, extractive_text: extractive[i] });
  }
  return out;
}

const figuresOf = (text: string) => Array.from(text.matchAll(/\d+/g), (m) => m[0]);

/** The endpoint configured in the environment, or null (the default: extractive summaries only). */
export function summaryEndpointFrom(
  env: Pick<Env, "SUMMARY_LLM_URL" | "SUMMARY_LLM_MODEL" | "SUMMARY_LLM_KEY" | "SUMMARY_LLM_TIMEOUT_MS">
): SummaryEndpoint | null {
  if (!env.SUMMARY_LLM_URL || !env.SUMMARY_LLM_MODEL) return null;
  return { url: env.SUMMARY_LLM_URL, model: env.SUMMARY_LLM_MODEL, key: env.SUMMARY_LLM_KEY, timeoutMs: env.SUMMARY_LLM_TIMEOUT_MS };
}

/**
 * Every topic's summary rephrased where the endpoint gives an acceptable answer. Once the endpoint cannot be
 * reached or times out, the remaining topics are not asked: a run waits at most one timeout for a dead endpoint.
 */
export async function rephraseSummaries(result: AnalysisResult, endpoint: SummaryEndpoint | null): Promise<AnalysisResult> {
  if (!endpoint) return result;
  const topics = [];
  let available = true;
  for (const topic of result.topics) {
    if (!available || !topic.summary?.length) {
      topics.push(topic);
      continue;
    }
    try {
      const rephrased = await rephraseTopicSummary(endpoint, topic.summary);
      topics.push(rephrased ? { ...topic, summary: rephrased } : topic);
    } catch (error) {
      if (!(error instanceof SummaryEndpointUnavailable)) throw error;
      console.warn(`[analysis] summary endpoint unavailable, extractive summaries kept: ${error.message}`);
      available = false;
      topics.push(topic);
    }
  }
  return { ...result, topics };
}
