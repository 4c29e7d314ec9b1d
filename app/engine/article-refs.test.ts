import { describe, expect, test } from "vitest";
import { extractArticleRefs, findArticleRefSpans } from "./article-refs";
import type { DraftArticle } from "./draft-parser";

// A small draft: chapter 1 has articles 1–3, chapter 2 has 4–7, chapter 3 has 8–9.
const DRAFT: DraftArticle[] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
  number: n,
  label: `第${n}条`,
  text: "",
  chapter: n <= 3 ? 1 : n <= 7 ? 2 : 3,
  chapterHeading: null,
}));

describe("extractArticleRefs", () => {
  test.each([
    ["建议修改第五条。", [5]],
    ["第5条写得不清楚", [5]],
    ["第 3 条和第　４　条", [3, 4]],
    ["第十二条第二款应当删除", [12]],
    ["第十二条第二款第三项", [12]],
    ["第十九條規定很好", [19]],
    ["第一百零五条", [105]],
    ["第三、四条", [3, 4]],
    ["第三条、第四条", [3, 4]],
    ["第三、四、五条", [3, 4, 5]],
    ["第三和第四条", [3, 4]],
    ["第三条及第六条", [3, 6]],
    ["第5至7条", [5, 6, 7]],
    ["第五条至第七条", [5, 6, 7]],
    ["第五到七条", [5, 6, 7]],
    ["第5-7条", [5, 6, 7]],
    ["第５～７条", [5, 6, 7]],
    ["第八条，第九条也一样", [8, 9]],
    ["第九条和第八条，还有第八条", [8, 9]],
  ])("%s", (text, expected) => {
    expect(extractArticleRefs(text)).toEqual(expected);
  });

  test.each([
    ["Article 13 should be clearer.", [13]],
    ["See Art. 13 and art.14", [13, 14]],
    ["article 5 and 6", [5, 6]],
    ["Articles 5, 6 and 8", [5, 6, 8]],
    ["Articles 3-5", [3, 4, 5]],
    ["articles 3 to 5", [3, 4, 5]],
  ])("English: %s", (text, expected) => {
    expect(extractArticleRefs(text)).toEqual(expected);
  });

  test.each(["第一时间办理，第一次去", "第一，要简化流程；第二，要公开", "第一条件是公平", "第2026年", "第12款", "前款规定的人员", "starting 5 parts"])(
    "finds nothing in %s",
    (text) => {
      expect(extractArticleRefs(text)).toEqual([]);
    }
  );

  test("ignores articles of other laws", () => {
    expect(extractArticleRefs("《退役军人保障法》第二十条已有规定")).toEqual([]);
    expect(extractArticleRefs("《军人抚恤优待条例》第三十条、第三十一条和本办法第三条")).toEqual([3]);
    expect(extractArticleRefs("根据退役军人保障法第二十条，建议第八条增加")).toEqual([8]);
    expect(extractArticleRefs("与该条例第五条衔接")).toEqual([]);
  });

  test("ignores articles qualified by another document", () => {
    expect(extractArticleRefs("《退役军人保障法》第二十条规定得很清楚")).toEqual([]);
    expect(extractArticleRefs("国务院令第257号第十五条要求公开征求意见")).toEqual([]);
    expect(extractArticleRefs("依照国务院令第257号…第十五条")).toEqual([]);
    expect(extractArticleRefs("购房合同第5条约定了交房时间")).toEqual([]);
    expect(extractArticleRefs("劳动合同的第十条、第十一条和补充协议第一条")).toEqual([]);
    expect(extractArticleRefs("《XX条例》第三条")).toEqual([]);
    expect(extractArticleRefs("按国办发〔2018〕37号第三条、建房〔2009〕274第十一条")).toEqual([]);
    expect(extractArticleRefs("《交易价格行为规则》（2009）59号第5条")).toEqual([]);
    expect(extractArticleRefs("依据<<西地省物业管理条例>>第三十四条")).toEqual([]);
    expect(extractArticleRefs("中央一号文件第八条")).toEqual([]);
  });

  test("still counts this draft's articles next to another document's", () => {
    expect(extractArticleRefs("本办法第五条")).toEqual([5]);
    expect(extractArticleRefs("第五条")).toEqual([5]);
    expect(extractArticleRefs("购房合同第5条和本办法第六条")).toEqual([6]);
    expect(extractArticleRefs("国务院令第257号第十五条，建议第八条也改")).toEqual([8]);
  });

  test("reads a document of another kind than the draft as another document", () => {
    const title = "某市退役军人优待办法（征求意见稿）";
    expect(extractArticleRefs("某市养犬管理规定第八条", undefined, { title })).toEqual([]);
    expect(extractArticleRefs("本规定第八条、该办法第九条、优待办法第十条", undefined, { title })).toEqual([8, 9, 10]);
    // Without the draft's title its kind is unknown, so the reference is kept.
    expect(extractArticleRefs("某市养犬管理规定第八条")).toEqual([8]);
  });

  test("keeps references to the draft by its title or its kind", () => {
    expect(extractArticleRefs("《办法》第八条")).toEqual([8]);
    expect(extractArticleRefs("本办法第八条、办法第九条、本条例第二条")).toEqual([2, 8, 9]);
    expect(extractArticleRefs("《某市优待办法（征求意见稿）》第八条")).toEqual([8]);
    const title = "某市退役军人优待办法（征求意见稿）";
    expect(extractArticleRefs("《某市退役军人优待办法》第八条", undefined, { title })).toEqual([8]);
    expect(extractArticleRefs("《某市退役军人优待办法》第八条")).toEqual([]);
  });

  test("turns a chapter into its articles when the draft is given", () => {
    expect(extractArticleRefs("第二章整体写得好", DRAFT)).toEqual([4, 5, 6, 7]);
    expect(extractArticleRefs("Chapter 3 is vague", DRAFT)).toEqual([8, 9]);
    expect(extractArticleRefs("第一、三章", DRAFT)).toEqual([1, 2, 3, 8, 9]);
    expect(extractArticleRefs("第二章")).toEqual([]);
  });

  test("reads 第二章第六条 as article 6 only", () => {
    expect(extractArticleRefs("第二章第六条", DRAFT)).toEqual([6]);
  });

  test("drops numbers the draft does not have", () => {
    expect(extractArticleRefs("第八条和第三十条", DRAFT)).toEqual([8]);
    expect(extractArticleRefs("第8至12条", DRAFT)).toEqual([8, 9]);
  });
});

describe("findArticleRefSpans", () => {
  test("returns spans in the original text with their numbers", () => {
    const text = "同意第五条至第七条；《保障法》第二十条另说；Article 9";
    const spans = findArticleRefSpans(text);
    expect(spans.map((s) => [s.text, s.kind, s.numbers, s.external])).toEqual([
      ["第五条至第七条", "article", [5, 6, 7], false],
      ["第二十条", "article", [20], true],
      ["Article 9", "article", [9], false],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  test("keeps offsets of full-width text", () => {
    const [span] = findArticleRefSpans("关于第１２条第２款");
    expect(span).toMatchObject({ start: 2, end: 9, text: "第１２条第２款", numbers: [12] });
  });
});

describe("条 as the measure word of long things is no article", () => {
  // Any noun 条 counts (roads, lines, routes, waterways, vessels), with or without a modifier before it.
  const nouns = [
    "跑道",
    "街",
    "路",
    "线",
    "巷",
    "胡同",
    "河",
    "航线",
    "地铁线",
    "公交线路",
    "船",
    "道路",
    "大街",
    "隧道",
    "高速公路",
    "铁路",
    "运河",
    "车道",
    "航道",
    "渠",
    "短信",
  ];
  const numbers = ["二", "五", "十二", "3", "７"];
  test.each(nouns.flatMap((noun) => numbers.map((n) => [n, noun] as const)))("第%s条%s", (n, noun) => {
    expect(extractArticleRefs(`机场要修第${n}条${noun}，噪音影响居民。`)).toEqual([]);
    expect(extractArticleRefs(`第${n}条新建${noun}什么时候通？`)).toEqual([]);
    expect(extractArticleRefs(`沿第${n}条${noun}往东走`, DRAFT)).toEqual([]);
  });

  test.each([
    ["第五条规定的期限太短", [5]],
    ["第五条第二款应当删除", [5]],
    ["第五条中的表述不清", [5]],
    ["第五条，建议增加跑道", [5]],
    ["第五条线上办理很方便", [5]],
    ["第五条路面硬化标准太低", [5]],
    ["第五条街道办事处的职责", [5]],
    ["第五条船舶登记", [5]],
    ["第五条和第二条跑道", [5]],
    ["第二条跑道的噪音，与第三条有关", [3]],
  ])("keeps the real reference in %s", (text, expected) => {
    expect(extractArticleRefs(text)).toEqual(expected);
  });

  test("keeps 第N条 when the draft's article N itself begins with the noun", () => {
    const draft: DraftArticle[] = [{ number: 5, label: "第五条", text: "河道管理范围内禁止倾倒垃圾。", chapter: null, chapterHeading: null }];
    expect(extractArticleRefs("第五条河道管理范围太宽", draft)).toEqual([5]);
    expect(extractArticleRefs("第五条道路太窄", draft)).toEqual([]);
  });
});
