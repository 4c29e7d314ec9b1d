import { describe, expect, test } from "vitest";
import { closedConsultation, openConsultation } from "~db/seed/demo-content";
import { draftProfile, findLikelyDuplicates, judgeTopicality } from "./moderation-signals";
import { createSegmenter } from "./segment";

const segmenter = createSegmenter();

describe("off-topic", () => {
  // The fixture the thresholds were chosen on: the demo consultations' comments, labelled by the seed.
  const judged = [openConsultation, closedConsultation].map((c) => {
    const draft = draftProfile(segmenter, c.title, c.draft);
    return c.comments.map((m) => ({ note: m.note, text: m.text, ...judeg(draft, m.text) }));
  });
  function judeg(draft: ReturnType<typeof draftProfile>, text: string) {
    return judgeTopicality(segmenter, draft, text);
  }
  const all = judged.flat();

  test("flags the comments about something else, with the reason", () => {
    const flagged = all.filter((r) => r.offTopic);
    expect(flagged.map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringContaining("烧烤店"), expect.stringContaining("奖牌、锦旗")]));
    for (const r of flagged) expect(r.reason).toMatch(/没有共同的实词/);
  });

  test("rarely flags a comment on the draft: at most 1 in 100 of the unlabelled ones", () => {
    const onTopic = all.filter((r) => !r.note);
    const wrong = onTopic.filter((r) => r.offTopic);
    expect(wrong.length / onTopic.length).toBeLessThanOrEqual(0.01);
  });

  test("a comment naming an article or the document, a short reaction and a foreign-language one are not judged", () => {
    const draft = draftProfile(segmenter, "辽宁省退役军人就业创业促进办法（征求意见稿）", "第一条 为了促进退役军人就业创业，制定本办法。");
    expect(judgeTopicality(segmenter, draft, "第九条写得好，我家楼下烧烤店天天半夜吵闹没人管").offTopic).toBe(false);
    expect(judgeTopicality(segmenter, draft, "这个办法管不管我家楼下烧烤店天天半夜吵闹").offTopic).toBe(false);
    expect(judgeTopicality(segmenter, draft, "好好好").offTopic).toBe(false);
    expect(judgeTopicality(segmenter, draft, "The barbecue downstairs is noisy every night").offTopic).toBe(false);
    expect(judgeTopicality(segmenter, draft, "我家楼下烧烤店天天半夜吵闹，投诉多次没人管").offTopic).toBe(true);
  });
});

describe("likely duplicates", () => {
  const letter = "建议将自主就业退役士兵的创业担保贷款额度提高到五十万元，并延长贴息期限至三年，切实减轻创业负担。";

  test("the same text with other punctuation, spacing or case points to the first copy", () => {
    const found = findLikelyDuplicates([
      { id: 1, text: letter },
      { id: 2, text: "完全无关的另一条意见，谈的是服务站的开放时间安排问题。" },
      { id: 3, text: letter.replace(/，/g, ",").replace("。", " ! ") },
      { id: 4, text: ` ${letter}` },
    ]);
    expect([...found]).toEqual([
      [3, { of: 1, similarity: 1 }],
      [4, { of: 1, similarity: 1 }],
    ]);
  });

  test("a near-identical text (a word changed) is a likely duplicate; a text on the same subject is not", () => {
    const found = findLikelyDuplicates([
      { id: 10, text: letter },
      { id: 11, text: letter.replace("五十万元", "六十万元") },
      { id: 12, text: "创业担保贷款额度太低了，建议提高，贴息期限也应该延长，不然创业负担太重。" },
    ]);
    expect(found.get(11)?.of).toBe(10);
    expect(found.get(11)!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(found.has(12)).toBe(false);
  });

  test("short reactions are never paired, and the earliest copy is the one named", () => {
    const found = findLikelyDuplicates([
      { id: 1, text: "同意" },
      { id: 2, text: "同意！" },
      { id: 3, text: letter },
      { id: 4, text: letter.replace("三年", "五年") },
      { id: 5, text: letter.replace("三年", "四年") },
    ]);
    expect(found.has(2)).toBe(false);
    expect(found.get(4)?.of).toBe(3);
    expect(found.get(5)?.of).toBe(3);
  });

  test("3,000 comments take well under a second", () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({
      id: i + 1,
      text: `${letter.slice(i % 20)}第${i}号意见，关于服务站第${i % 37}项的看法${i * 7919}`,
    }));
    const t = performance.now();
    findLikelyDuplicates(items);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
