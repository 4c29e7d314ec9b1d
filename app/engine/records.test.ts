import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluation";
import { getPath, inputWarnings, parseRecordLine, summariseWarnings, toComment, uniqueIds, type JsonRecord } from "./records";
import type { AnalysisResult, CommentResult, TopicResult } from "./types";

describe("parseRecordLine", () => {
  it("parses objects, skips blank lines and reports malformed ones with their line number", () => {
    expect(parseRecordLine('{"id": 1}', 1)).toEqual({ kind: "record", record: { id: 1 } });
    expect(parseRecordLine("   ", 2)).toEqual({ kind: "blank" });
    expect(parseRecordLine('{"id": 1', 3)).toMatchObject({ kind: "problem", problem: { line: 3 } });
    expect(parseRecordLine("[1,2]", 4)).toEqual({ kind: "problem", problem: { line: 4, message: "not a JSON object" } });
  });
});

describe("getPath and toComment", () => {
  it("reads dotted paths and takes the id from id, else row", () => {
    const record = { row: 7, labels: { topic: "x" }, tokens: "a b", author: 12 };
    expect(getPath(record, "labels.topic")).toBe("x");
    expect(getPath(record, "labels.missing.deeper")).toBeUndefined();
    expect(toComment(record, "tokens", 1)).toEqual({ id: "7", text: "a b", sender: "12" });
    expect(toComment({ id: "c1" }, "text", 1)).toEqual({ id: "c1", text: "", sender: null });
  });
});

const comment = (over: Partial<CommentResult>): CommentResult => ({
  id: "",
  topic: null,
  campaign: null,
  articles: [],
  articles_inferred: [],
  pii: [],
  stance: "neutral",
  article_stances: {},
  keywords: [],
  new_argument: false,
  ...over,
});
const topicResult = (id: string): TopicResult => ({
  id,
  label: id,
  keywords: [],
  size: 0,
  comment_ids: [],
  representative_ids: [],
  kind: "machine",
  distinct_senders: 0,
  largest_sender_comments: 0,
  dominated_by_one_sender: false,
});

describe("evaluate", () => {
  it("computes each figure only where the labels exist", () => {
    const records: JsonRecord[] = [
      { id: "1", labels: { topic: "a", campaign: "k", articles: [8], pii: ["phone"] } },
      { id: "2", labels: { topic: "a", campaign: "k", articles: [], pii: [] } },
      { id: "3", labels: { topic: "b", campaign: null, articles: [9, 10], pii: [] } },
    ];
    const result: AnalysisResult = {
      topics: [],
      campaigns: [],
      comments: [
        comment({ id: "1", topic: "t1", campaign: "c1", articles: [8], pii: [{ kind: "landline", start: 0, end: 3 }] }),
        comment({ id: "2", topic: "t1", campaign: "c1", pii: [{ kind: "email", start: 0, end: 3 }] }),
        comment({ id: "3", topic: "t2", articles: [9], articles_inferred: [10] }),
      ],
    };
    const figures = evaluate(records, result, "labels.topic", 1.23456);
    expect(figures).toMatchObject({ n: 3, nmi: 1, ari: 1, campaign_precision: 1, campaign_recall: 1, seconds: 1.235 });
    expect(figures.article_accuracy).toBe(1);
    expect(figures.pii_recall).toBe(1);
    expect(figures.pii_false_positive_rate).toBe(0.5);
    const unlabelled = evaluate([{ id: "1" }], { topics: [], campaigns: [], comments: [comment({ id: "1" })] }, null, 0);
    expect(unlabelled).toMatchObject({ nmi: null, ari: null, campaign_precision: null, article_accuracy: null, pii_recall: null });
  });
});

describe("theme figures", () => {
  const records: JsonRecord[] = ["a", "a", "b", "b", "c"].map((topic, i) => ({ id: String(i), labels: { topic, theme: topic === "c" ? "y" : "x" } }));
  // Topics t1 and t2 are one theme; t3 is in none (as no-substance), so it counts as a group of its own.
  const result: AnalysisResult = {
    topics: [
      { ...topicResult("t1"), theme: "theme-1" },
      { ...topicResult("t2"), theme: "theme-1" },
      { ...topicResult("t3"), theme: null },
    ],
    themes: [{ id: "theme-1", label: "x", topic_ids: ["t1", "t2"], size: 4 }],
    campaigns: [],
    comments: ["t1", "t1", "t2", "t2", "t3"].map((topic, i) => comment({ id: String(i), topic })),
  };

  it("scores each comment's theme against the coarser labels where given", () => {
    const figures = evaluate(records, result, "labels.topic", 0, undefined, (r) => String((r.labels as { theme: string }).theme));
    expect(figures).toMatchObject({ nmi: 1, themes: 1, theme_nmi: 1, theme_ari: 1 });
  });

  it("scores themes against the topic labels where the records have one level", () => {
    const figures = evaluate(records, result, "labels.topic", 0);
    expect(figures.theme_nmi).toBeLessThan(1);
    expect(figures.theme_nmi).toBeGreaterThan(0);
    expect(evaluate([{ id: "1" }], { topics: [], campaigns: [], comments: [comment({ id: "1" })] }, null, 0).theme_nmi).toBeNull();
  });
});

describe("article link precision", () => {
  it("counts every link the engine made, including those on comments labelled with no article", () => {
    const records: JsonRecord[] = [
      { id: "1", labels: { articles: [8] } },
      { id: "2", labels: { articles: [] } }, // 「机场第二条跑道」: no article, so a link is wrong
      { id: "3", labels: { articles: [9] } },
      { id: "4" }, // unlabelled: not counted
    ];
    const result: AnalysisResult = {
      topics: [],
      campaigns: [],
      comments: [
        comment({ id: "1", articles: [8] }),
        comment({ id: "2", articles: [2] }),
        comment({ id: "3", articles_inferred: [4] }),
        comment({ id: "4", articles: [5] }),
      ],
    };
    const figures = evaluate(records, result, null, 0);
    // Accuracy (over labelled articles only) hides the false link on comment 2; precision does not.
    expect(figures.article_accuracy).toBe(0.5);
    expect(figures.article_link_precision).toBeCloseTo(1 / 3);
    expect(figures.inferred_link_precision).toBe(0);
    expect(evaluate([{ id: "1" }], { topics: [], campaigns: [], comments: [comment({ id: "1" })] }, null, 0)).toMatchObject({
      article_link_precision: null,
      inferred_link_precision: null,
    });
  });
});

describe("inputWarnings", () => {
  it("reports repeated ids, and missing, null, numeric, non-text and empty texts, each with its line", () => {
    const records: JsonRecord[] = [
      { id: "a", text: "正常的意见" },
      { id: "a", text: "另一条" },
      { id: 7, text: null, __line: 9 },
      { id: "7", text: 42 },
      { row: 5, text: ["x"] },
      { id: "e", text: " \n " },
      { id: "m" },
    ];
    const warnings = inputWarnings(records, "text");
    expect(warnings.map((w) => [w.line, w.id, w.kind])).toEqual([
      [2, "a", "duplicate_id"],
      [9, "7", "null_text"],
      [4, "7", "duplicate_id"],
      [4, "7", "numeric_text"],
      [5, "5", "not_text"],
      [6, "e", "empty_text"],
      [7, "m", "missing_text"],
    ]);
    expect(summariseWarnings(warnings)).toBe("2 duplicate ids, 1 null text, 1 numeric text, 1 not text, 1 empty text, 1 missing text");
    expect(inputWarnings([{ id: "ok", text: "好" }], "text")).toEqual([]);
  });

  it("makes repeated ids unique by their line, keeping the first", () => {
    const comments = [{ id: "a" }, { id: "a" }, { id: "b" }, { id: "a" }];
    expect(uniqueIds(comments, [1, 2, 3, 4]).map((c) => c.id)).toEqual(["a", "a#line-2", "b", "a#line-4"]);
  });
});
