// The rephrasing seam against a real HTTP server speaking the chat-completions JSON, a boundary we do not own:
// a good answer is taken with the engine's citations, anything else keeps the extractive summary.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AnalysisResult, TopicResult, TopicSummarySentence } from "~/engine/types";
import { parseEnv } from "~/platform/env.server";
import { rephraseSummaries, summaryEndpointFrom, type SummaryEndpoint } from "./summary-rephrase.server";

type Reply = (body: { model: string; messages: Array<{ role: string; content: string }> }) => {
  status?: number;
  content?: string;
  raw?: string;
  delayMs?: number;
};

let reply: Reply = () => ({ content: "" });
const received: Array<{ auth: string | undefined; path: string; body: { model: string; messages: Array<{ role: string; content: string }> } }> = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => {
      const body = JSON.parse(data);
      received.push({ auth: req.headers.authorization, path: req.url ?? "", body });
      const r = reply(body);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { "content-type": "application/json" });
        res.end(
          r.raw ??
            JSON.stringify({
              id: "x",
              object: "chat.completion",
              choices: [{ index: 0, message: { role: "assistant", content: r.content }, finish_reason: "stop" }],
            })
        );
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const SUMMARY: TopicSummarySentence[] = [
  {
    text: "12 条意见认为：“建议将过渡期延长到两年”（其中 1 组同一模板来信共 37 封，计为 1 条）。",
    count: 12,
    campaign_letters: 37,
    comment_ids: ["5", "9", "14"],
  },
  { text: "4 条意见认为：“对六十岁以上老人的超标车可以适当放宽期限”。", count: 4, campaign_letters: 0, comment_ids: ["21", "30"] },
];

function result(summary = SUMMARY): AnalysisResult {
  const topic = (id: string, s: TopicSummarySentence[]): TopicResult => ({
    id,
    label: "过渡期",
    keywords: [],
    size: 50,
    comment_ids: [],
    representative_ids: [],
    kind: "machine",
    distinct_senders: 0,
    largest_sender_comments: 0,
    dominated_by_one_sender: false,
    summary: s,
  });
  return { topics: [topic("topic-1", summary), topic("topic-2", summary)], campaigns: [], comments: [] };
}

const endpoint = (timeoutMs = 2000): SummaryEndpoint => ({ url: base, model: "local-model", key: "secret-key", timeoutMs });
const answer = (texts: string[]) => JSON.stringify({ sentences: texts.map((text, i) => ({ id: i + 1, text })) });
const GOOD = ["有 12 条意见主张把过渡期延长到两年，其中一组 37 封同一模板来信计为 1 条。", "另有 4 条意见认为，六十岁以上老人的超标车期限可适当放宽。"];

describe("rephrasing the cited summaries through an endpoint the department runs", () => {
  it("takes a good answer, keeping the citations and the extractive sentence beside it", async () => {
    received.length = 0;
    reply = () => ({ content: answer(GOOD) });
    const out = await rephraseSummaries(result(), endpoint());
    const s = out.topics[0].summary!;
    expect(s.map((x) => x.text)).toEqual(GOOD);
    expect(s.map((x) => x.comment_ids)).toEqual(SUMMARY.map((x) => x.comment_ids));
    expect(s.map((x) => x.count)).toEqual([12, 4]);
    expect(s.map((x) => x.extractive_text)).toEqual(SUMMARY.map((x) => x.text));
    // What was sent: the redacted extractive sentences and nothing else, to /v1/chat/completions with the key.
    expect(received).toHaveLength(2);
    expect(received[0].path).toBe("/v1/chat/completions");
    expect(received[0].auth).toBe("Bearer secret-key");
    expect(received[0].body.model).toBe("local-model");
    const user = JSON.parse(received[0].body.messages.find((m) => m.role === "user")!.content);
    expect(user).toEqual({ sentences: SUMMARY.map((x, i) => ({ id: i + 1, text: x.text })) });
  });

  it.each([
    ["not JSON", () => ({ content: "Here is the summary: twelve comments want two years." })],
    ["JSON of another shape", () => ({ content: JSON.stringify({ summary: GOOD.join("") }) })],
    ["one sentence for two arguments", () => ({ content: answer([GOOD.join("")]) })],
    ["a changed figure", () => ({ content: answer([GOOD[0].replace("12", "15"), GOOD[1]]) })],
    ["a lost campaign size", () => ({ content: answer([GOOD[0].replace("37 封", "若干封"), GOOD[1]]) })],
    ["an invented phone number", () => ({ content: answer([GOOD[0], `${GOOD[1]}详询13912345678。`]) })],
    ["a malformed completion", () => ({ raw: '{"choices": [{"message": {"content": ' })],
    ["a completion without choices", () => ({ raw: JSON.stringify({ choices: [] }) })],
    ["an error status", () => ({ status: 500, raw: JSON.stringify({ error: { message: "model not loaded" } }) })],
  ] satisfies Array<[string, Reply]>)("keeps the extractive summary on %s", async (_, r) => {
    reply = r;
    const out = await rephraseSummaries(result(), endpoint());
    for (const t of out.topics) expect(t.summary).toEqual(SUMMARY);
  });

  it("keeps the extractive summary when the endpoint does not answer in time, and asks no further", async () => {
    received.length = 0;
    reply = () => ({ content: answer(GOOD), delayMs: 1500 });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const started = Date.now();
    const out = await rephraseSummaries(result(), endpoint(200));
    expect(Date.now() - started).toBeLessThan(1200);
    for (const t of out.topics) expect(t.summary).toEqual(SUMMARY);
    expect(received).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("keeps the extractive summary when nothing listens", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const out = await rephraseSummaries(result(), { ...endpoint(), url: "http://127.0.0.1:9/v1" });
    for (const t of out.topics) expect(t.summary).toEqual(SUMMARY);
    warn.mockRestore();
  });

  it("is off unless configured, and a URL without a model is refused at start", () => {
    expect(summaryEndpointFrom(parseEnv({}))).toBeNull();
    expect(summaryEndpointFrom(parseEnv({ SUMMARY_LLM_URL: "http://llm.internal:8000/v1", SUMMARY_LLM_MODEL: "qwen" }))).toEqual({
      url: "http://llm.internal:8000/v1",
      model: "qwen",
      key: undefined,
      timeoutMs: 10_000,
    });
    expect(() => parseEnv({ SUMMARY_LLM_URL: "http://llm.internal:8000/v1" })).toThrow(/SUMMARY_LLM_MODEL/);
    expect(() => parseEnv({ SUMMARY_LLM_URL: "not a url", SUMMARY_LLM_MODEL: "qwen" })).toThrow(/SUMMARY_LLM_URL/);
  });
});
