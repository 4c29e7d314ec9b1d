import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { normalizeText } from "./normalize";
import { detectPii, REDACTION_LABELS } from "./pii";
import { createPrepareContext } from "./prepare";
import { isWord } from "./pseudo-terms";
import type { Segmenter } from "./segment";
import { clausesOf, MAX_CITED } from "./topic-summary";
import type { AnalysisComment, AnalysisResult, TopicSummarySentence } from "./types";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/consultation-ebike");

function ebike() {
  const records = fs
    .readFileSync(path.join(FIXTURE, "comments.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; text: string; email: string; name: string });
  const comments: AnalysisComment[] = records.map((r) => ({ id: r.id, text: r.text, sender: r.email || r.name || null }));
  const draft = fs.readFileSync(path.join(FIXTURE, "draft.md"), "utf8");
  return { comments, draft, result: analyze({ comments, draft }) };
}

/** A small consultation in English (a city's bus network), written for this test: three subjects, repeated arguments. */
function englishConsultation(): AnalysisComment[] {
  const args = [
    [
      "The night bus on route 12 must be kept because shift workers rely on it",
      "Shift workers rely on the route 12 night bus, so keep it",
      "Please keep the night bus on route 12, many shift workers depend on it",
    ],
    [
      "Cutting the night bus service will leave hospital staff stranded after late shifts",
      "Hospital staff finishing late shifts will be stranded without the night bus",
      "Without a night bus service our hospital staff are stranded after late shifts",
    ],
    [
      "Bus fares should be frozen for pensioners and students this year",
      "Freeze the fares for pensioners and students, at least this year",
      "Pensioners and students cannot pay more, bus fares should be frozen",
    ],
    [
      "A fare increase hurts low income families who have no other way to travel",
      "Low income families have no other way to travel and the fare increase hurts them",
      "The fare increase will hurt families on a low income most",
    ],
    [
      "The new bike lanes on Main Street are too narrow and feel unsafe next to trucks",
      "Main Street bike lanes are far too narrow, cycling next to trucks feels unsafe",
      "Riding in the narrow Main Street bike lanes next to trucks is unsafe",
    ],
    [
      "Protected bike lanes need a physical barrier separating cyclists from traffic",
      "Cyclists need a physical barrier from traffic, paint alone does not protect them",
      "Build a physical barrier between the bike lanes and traffic to protect cyclists",
    ],
  ];
  const closers = ["", " Thank you for listening.", " I hope the council agrees.", " This matters to my whole street."];
  const out: AnalysisComment[] = [];
  args.forEach((wordings, k) =>
    wordings.forEach((w, j) => closers.forEach((c, m) => out.push({ id: `en-${k}-${j}-${m}`, text: `${w}.${c}`, sender: `person-${k}-${j}-${m}` })))
  );
  // A campaign: one letter sent by twelve people.
  for (let i = 0; i < 12; i++)
    out.push({
      id: `letter-${i}`,
      text: "We the undersigned ask the council to keep the night bus on route 12 running, because shift workers rely on it.",
      sender: `signer-${i}`,
    });
  return out;
}

/** The clause a sentence quotes, without any redaction label. */
function quoted(sentence: TopicSummarySentence): string {
  const m = sentence.text.match(/[“"](.+)[”"]/);
  expect(m, sentence.text).not.toBeNull();
  let q = m![1];
  for (const label of Object.values(REDACTION_LABELS)) q = q.split(label).join(" ");
  return q;
}

const contentWords = (segmenter: Segmenter, text: string) => new Set(segmenter.tokenize(normalizeText(text)).filter(isWord));

/**
 * Whether a comment says what the sentence quotes: it uses at least half of the quoted clause's content words, and
 * at least two of them (all, for a clause of one), segmented afresh from the two texts.
 */
function says(segmenter: Segmenter, comment: string, sentence: TopicSummarySentence): boolean {
  const clause = contentWords(segmenter, quoted(sentence));
  const own = contentWords(segmenter, comment);
  const shared = [...clause].filter((w) => own.has(w)).length;
  return clause.size > 0 && shared >= Math.max(Math.min(2, clause.size), Math.ceil(clause.size / 2));
}

/** Citations whose comment does not say what its sentence quotes. */
function wrongCitations(result: AnalysisResult, texts: Map<string, string>, segmenter: Segmenter, sentences = allSentences(result)) {
  return sentences.flatMap((s) => s.comment_ids.filter((id) => !says(segmenter, texts.get(id) ?? "", s)).map((id) => `${id} ↛ ${s.text}`));
}

const allSentences = (result: AnalysisResult) => result.topics.flatMap((t) => t.summary ?? []);

describe("cited topic summaries", () => {
  const fixture = ebike();
  const ebikeTexts = new Map(fixture.comments.map((c) => [c.id, c.text]));
  const ebikeSegmenter = createPrepareContext(fixture.draft).segmenter;

  it("gives every machine topic of the e-bike consultation one to five sentences, in Chinese, largest first", () => {
    const machine = fixture.result.topics.filter((t) => t.kind === "machine");
    expect(machine.length).toBeGreaterThan(5);
    for (const t of machine) {
      const summary = t.summary ?? [];
      expect(summary.length, t.label).toBeGreaterThanOrEqual(1);
      expect(summary.length).toBeLessThanOrEqual(5);
      for (const s of summary) expect(s.text).toMatch(new RegExp(`^${s.count} 条意见认为：“.+”(（其中.+）)?。$`));
      expect(summary.map((s) => s.count)).toEqual([...summary.map((s) => s.count)].sort((a, b) => b - a));
    }
    // Most topics of this size hold several arguments.
    expect(machine.filter((t) => (t.summary?.length ?? 0) >= 2).length).toBeGreaterThan(machine.length / 2);
    for (const t of fixture.result.topics.filter((x) => x.kind === "no_substance" || x.kind === "other")) expect(t.summary).toEqual([]);
  });

  it("cites only comments of the topic that say what the sentence quotes", () => {
    for (const t of fixture.result.topics) {
      const own = new Set(t.comment_ids);
      for (const s of t.summary ?? []) {
        expect(s.comment_ids.every((id) => own.has(id))).toBe(true);
        expect(new Set(s.comment_ids).size).toBe(s.comment_ids.length);
        expect(s.comment_ids.length).toBe(Math.min(s.count, MAX_CITED));
      }
    }
    expect(wrongCitations(fixture.result, ebikeTexts, ebikeSegmenter)).toEqual([]);
  });

  it("the check fails when citations are given to the wrong sentences", () => {
    const sentences = allSentences(fixture.result);
    // Each sentence given the next one's citations.
    const shuffled = sentences.map((s, k) => ({ ...s, comment_ids: sentences[(k + 1) % sentences.length].comment_ids }));
    const cited = shuffled.reduce((n, s) => n + s.comment_ids.length, 0);
    expect(wrongCitations(fixture.result, ebikeTexts, ebikeSegmenter, shuffled).length).toBeGreaterThan(cited * 0.8);
  });

  it("quotes no personal data", () => {
    for (const s of allSentences(fixture.result)) expect(detectPii(s.text), s.text).toEqual([]);
    // Every comment states its argument next to a mobile number or an address: those never reach the summary.
    const base = fixture.comments.slice(0, 120);
    const withPii = base.map((c, i) => ({
      ...c,
      text: i % 2 ? `${c.text}我的电话13912345${String(i).padStart(3, "0")}。` : `住在沈阳市皇姑区崇山中路${i}号，${c.text}`,
    }));
    const result = analyze({ comments: withPii, draft: fixture.draft });
    const sentences = allSentences(result);
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) {
      expect(s.text).not.toMatch(/139\d{8}|崇山中路/);
      expect(detectPii(s.text)).toEqual([]);
    }
  });

  it("summarises English topics in English, a campaign counted once with its letters stated", () => {
    const comments = englishConsultation();
    const result = analyze({ comments });
    const texts = new Map(comments.map((c) => [c.id, c.text]));
    const sentences = allSentences(result);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    for (const s of sentences) expect(s.text).toMatch(/^\d+ comments? argues?: ".+"( \(including .+\))?\.$/);
    expect(wrongCitations(result, texts, createPrepareContext(null).segmenter)).toEqual([]);
    const campaign = result.campaigns.find((c) => c.comment_ids.includes("letter-0"));
    expect(campaign?.size).toBe(12);
    const nightBus = sentences.find((s) => s.campaign_letters > 0);
    expect(nightBus?.text).toContain("one campaign of 12 letters, counted once");
    expect(nightBus?.campaign_letters).toBe(12);
    // The letters are one voice: the campaign's twelve copies add one to the count, and one citation.
    expect(nightBus!.comment_ids.filter((id) => id.startsWith("letter-"))).toHaveLength(1);
    const shuffled = sentences.map((s, k) => ({ ...s, comment_ids: sentences[(k + 1) % sentences.length].comment_ids }));
    expect(wrongCitations(result, texts, createPrepareContext(null).segmenter, shuffled).length).toBeGreaterThan(0);
  });

  it("cuts text into sentences, and a long one at its commas, without openers", () => {
    const text = "一、建议延长过渡期。另外，希望开通线上登记！理由：上班族没时间";
    expect(clausesOf(text).map(({ start, end }) => text.slice(start, end))).toEqual(["建议延长过渡期", "希望开通线上登记", "上班族没时间"]);
    const time = "会议定在12:30举行。注意：不要迟到";
    expect(clausesOf(time).map(({ start, end }) => time.slice(start, end))).toEqual(["会议定在12:30举行", "不要迟到"]);
    const long = `${"很长的一句话".repeat(16)}，第二部分说得很清楚。Keep the night bus. It matters.`;
    expect(clausesOf(long).map(({ start, end }) => long.slice(start, end))).toEqual([
      "很长的一句话".repeat(16),
      "第二部分说得很清楚",
      "Keep the night bus",
      "It matters",
    ]);
  });
});
