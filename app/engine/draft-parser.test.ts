import { describe, expect, test } from "vitest";
import { flattenArticles, parseDraft, serializeDraft, toChineseNumeral, type DraftNode } from "./draft-parser";

const WITH_CHAPTERS = [
  "# 某市养犬管理规定（征求意见稿）",
  "",
  "公众可以在2026年5月31日前提出意见。",
  "",
  "## 第一章　总则",
  "",
  "第一条　为了规范养犬行为，保障公民人身安全，制定本规定。",
  "第二条　本市行政区域内的养犬及相关管理活动，适用本规定。",
  "",
  "## 第二章 养犬登记",
  "第一节 一般规定",
  "第三条 个人养犬，应当具备下列条件：",
  "（一）具有完全民事行为能力；",
  "（二）有固定住所且独户居住；",
  "（三）法律、法规规定的其他条件。",
  "单位养犬的，应当建立管理制度。",
  "第二节　登记程序",
  "第四条　养犬人应当自取得犬只之日起三十日内办理登记。",
  "登记证有效期为一年。",
  "",
  "",
  "第三章 附则",
  "第五条 本规定自2027年1月1日起施行。",
].join("\n");

describe("parseDraft", () => {
  const parsed = parseDraft(WITH_CHAPTERS);

  test("reads the title and keeps the text before the first chapter as a preamble", () => {
    expect(parsed.title).toBe("某市养犬管理规定（征求意见稿）");
    expect(parsed.preamble).toBe("公众可以在2026年5月31日前提出意见。");
    expect(parsed.warnings).toEqual([expect.stringContaining("前言")]);
  });

  test("builds chapters, sections and articles", () => {
    expect(parsed.nodes.map((n) => [n.kind, n.number, n.label, n.heading])).toEqual([
      ["chapter", 1, "第一章", "总则"],
      ["chapter", 2, "第二章", "养犬登记"],
      ["chapter", 3, "第三章", "附则"],
    ]);
    const sections = parsed.nodes[1].children;
    expect(sections.map((s) => [s.kind, s.number, s.heading])).toEqual([
      ["section", 1, "一般规定"],
      ["section", 2, "登记程序"],
    ]);
    expect(sections[1].children.map((a) => a.label)).toEqual(["第四条"]);
  });

  test("splits an article into 款 and 项", () => {
    const article3 = parsed.nodes[1].children[0].children[0];
    expect(article3.kind).toBe("article");
    expect(article3.number).toBe(3);
    const [first, second] = article3.children;
    expect(first.text).toBe("个人养犬，应当具备下列条件：");
    expect(first.children.map((i) => [i.kind, i.number, i.label, i.text])).toEqual([
      ["item", 1, "（一）", "具有完全民事行为能力；"],
      ["item", 2, "（二）", "有固定住所且独户居住；"],
      ["item", 3, "（三）", "法律、法规规定的其他条件。"],
    ]);
    expect(second).toMatchObject({ kind: "paragraph", text: "单位养犬的，应当建立管理制度。", children: [] });
  });

  test("flattens articles with their chapter and the 款 joined by newlines", () => {
    const articles = flattenArticles(parsed);
    expect(articles.map((a) => [a.number, a.label, a.chapter, a.chapterHeading])).toEqual([
      [1, "第一条", 1, "总则"],
      [2, "第二条", 1, "总则"],
      [3, "第三条", 2, "养犬登记"],
      [4, "第四条", 2, "养犬登记"],
      [5, "第五条", 3, "附则"],
    ]);
    expect(articles[2].text).toBe(
      "个人养犬，应当具备下列条件：\n（一）具有完全民事行为能力；\n（二）有固定住所且独户居住；\n（三）法律、法规规定的其他条件。\n单位养犬的，应当建立管理制度。"
    );
    expect(articles[3].text).toBe("养犬人应当自取得犬只之日起三十日内办理登记。\n登记证有效期为一年。");
  });
});

describe("parseDraft without chapters", () => {
  test("puts articles at the top level and tolerates CRLF, indentation and full-width spaces", () => {
    const text =
      "关于加强校园周边交通管理的规定\r\n\r\n　　第一条　为了保障学生出行安全，制定本规定。\r\n　　第2条 学校周边道路应当设置提示标志。\r\n  第３条\t本规定自发布之日起施行。\r\n";
    const parsed = parseDraft(text);
    expect(parsed.title).toBe("关于加强校园周边交通管理的规定");
    expect(parsed.nodes.map((n) => [n.kind, n.number, n.label])).toEqual([
      ["article", 1, "第一条"],
      ["article", 2, "第二条"],
      ["article", 3, "第三条"],
    ]);
    expect(parsed.nodes[1].text).toBe("学校周边道路应当设置提示标志。");
    expect(parsed.warnings).toEqual([]);
    expect(flattenArticles(parsed).every((a) => a.chapter === null && a.chapterHeading === null)).toBe(true);
  });

  test("joins a title broken before its status note and has no title when the text starts with an article", () => {
    expect(parseDraft("某省河道管理条例\n（草案）\n第一条 为了……").title).toBe("某省河道管理条例（草案）");
    expect(parseDraft("第一条 为了……\n第二条 适用范围。").title).toBeNull();
  });

  test("numbers articles into the hundreds and reads traditional 條", () => {
    const lines = ["第九十九条 甲。", "第一百条 乙。", "第一百零一条 丙。", "第一百一十条 丁。", "第一百十一条 戊。"];
    const parsed = parseDraft(lines.join("\n"));
    expect(parsed.nodes.map((n) => n.number)).toEqual([99, 100, 101, 110, 111]);
    expect(parsed.nodes.map((n) => n.label)).toEqual(["第九十九条", "第一百条", "第一百零一条", "第一百一十条", "第一百一十一条"]);
    expect(parseDraft("第十九條 本辦法自公布之日起施行。").nodes[0]).toMatchObject({ number: 19, label: "第十九条" });
  });

  test("accepts an article label with no space after it, but not a sentence about an article", () => {
    const parsed = parseDraft("第一条为了规范管理，制定本办法。\n第二条规定的人员，按照下列规定办理。\n第二条 本办法适用于全省。");
    expect(parsed.nodes.map((n) => n.number)).toEqual([1, 2]);
    expect(parsed.nodes[0].children.map((p) => p.text)).toEqual(["为了规范管理，制定本办法。", "第二条规定的人员，按照下列规定办理。"]);
  });

  test("reads article headings in 【】 or （）", () => {
    const parsed = parseDraft("第一条【立法目的】为了保护湿地，制定本办法。\n第二条（适用范围）本办法适用于全市。");
    expect(parsed.nodes.map((n) => [n.heading, n.text])).toEqual([
      ["立法目的", "为了保护湿地，制定本办法。"],
      ["适用范围", "本办法适用于全市。"],
    ]);
  });

  test("nests 1. items under a （一） item and reads items that start the article", () => {
    const parsed = parseDraft("第八条\n（一）城市公共交通：\n1. 公共汽车；\n2. 轨道交通；\n（二）长途客运。\n前款规定的优待，凭证享受。");
    const [lead, next] = parsed.nodes[0].children;
    expect(lead.text).toBe("");
    expect(lead.children.map((i) => [i.label, i.children.map((c) => c.label)])).toEqual([
      ["（一）", ["1.", "2."]],
      ["（二）", []],
    ]);
    expect(next.text).toBe("前款规定的优待，凭证享受。");
    // The 目 under （一） are their own series, so only the late start is reported.
    expect(parsed.warnings).toEqual(["编号从第八条开始，缺少第一条至第七条"]);
  });

  test("takes a chapter heading from the next line when the label stands alone", () => {
    const parsed = parseDraft("第一章\n总则\n第一条 为了……");
    expect(parsed.nodes[0]).toMatchObject({ kind: "chapter", number: 1, heading: "总则", text: "总则" });
  });

  test("treats a long 第X章 sentence as text, not a chapter", () => {
    const parsed = parseDraft("第一条 总则。\n第二章所称的经营者，是指在本市从事经营活动，依法登记的企业和个体工商户。");
    expect(parsed.nodes).toHaveLength(1);
    expect(parsed.nodes[0].children).toHaveLength(2);
  });
});

describe("numbering warnings", () => {
  test("reports gaps, repeats and backward steps", () => {
    const parsed = parseDraft("第一条 甲。\n第二条 乙。\n第五条 丙。\n第五条 丁。\n第四条 戊。");
    expect(parsed.warnings).toEqual(["第二条之后是第五条，缺少第三条至第四条", "第五条重复出现", "第五条之后是第四条，编号倒退"]);
  });

  test("reports a draft that starts late, a chapter gap and an item gap", () => {
    const parsed = parseDraft("第一章 总则\n第三条 甲：\n（一）乙；\n（三）丙。\n第三章 附则\n第四条 丁。");
    expect(parsed.warnings).toEqual(["第一章之后是第三章，缺少第二章", "编号从第三条开始，缺少第一条至第二条", "第三条中（一）之后是（三），缺少（二）"]);
  });

  test("warns when nothing looks like an article", () => {
    expect(parseDraft("一、总体要求\n二、主要任务").warnings).toContain("没有识别到任何条文（第X条）");
  });
});

describe("serializeDraft", () => {
  const strip = (nodes: DraftNode[]): unknown => nodes.map((n) => ({ ...n, children: strip(n.children) }));

  test("writes the canonical form", () => {
    const text = serializeDraft(parseDraft("标题\n第1章 总则\n第1条 甲。\n乙。\n第2条\n（一）丙；\n（二）丁。"));
    expect(text).toBe("标题\n\n第一章　总则\n\n第一条　甲。\n乙。\n\n第二条\n（一）丙；\n（二）丁。\n");
  });

  test("round-trips through parseDraft, including the drafter's corrections", () => {
    const parsed = parseDraft(WITH_CHAPTERS);
    const again = parseDraft(serializeDraft(parsed));
    expect(again.title).toBe(parsed.title);
    expect(again.preamble).toBe(parsed.preamble);
    expect(strip(again.nodes)).toEqual(strip(parsed.nodes));

    parsed.nodes[0].children[1].children[0].text = "本市行政区域内的养犬活动，适用本规定。";
    parsed.nodes[0].children[1].heading = "适用范围";
    const corrected = flattenArticles(parseDraft(serializeDraft(parsed)));
    expect(corrected[1].text).toBe("本市行政区域内的养犬活动，适用本规定。");
  });
});

describe("parseDraft on very large drafts", () => {
  // Median of a few runs, so that one garbage collection does not decide the ratio.
  const timed = (text: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      parseDraft(text);
      runs.push(performance.now() - started);
    }
    return runs.sort((a, b) => a - b)[1];
  };
  const items = (n: number, label: (i: number) => string) => "第一条 下列事项：\n" + Array.from({ length: n }, (_, i) => `${label(i)}项目内容`).join("\n");

  test("grows linearly with the number of 项 in one article (100,000 included)", () => {
    for (const label of [(i: number) => `（${i + 1}）`, (i: number) => `${(i % 99) + 1}.`]) {
      const small = timed(items(50_000, label));
      const large = timed(items(100_000, label));
      // Linear is a ratio near 2, quadratic near 4.
      expect(large / small).toBeLessThan(3);
    }
  });

  test("numbers items and articles past ten thousand", () => {
    const parsed = parseDraft(items(12_000, (i) => `（${toChineseNumeral(i + 1)}）`));
    const last = parsed.nodes[0].children[0].children.at(-1);
    expect(last?.label).toBe("（一万二千）");
    expect(parsed.warnings.filter((w) => !w.startsWith("另有"))).toEqual([]);

    const articles = Array.from({ length: 10_050 }, (_, i) => `第${i + 1}条 内容。`).join("\n");
    const flat = flattenArticles(parseDraft(articles));
    expect(flat).toHaveLength(10_050);
    expect(flat[10_000].label).toBe("第一万零一条");
    expect(parseDraft(serializeDraft(parseDraft(articles))).nodes).toHaveLength(10_050);
  });

  test("lists at most a readable number of warnings, with a count of the rest", () => {
    const parsed = parseDraft(items(5_000, () => "（一）"));
    expect(parsed.warnings.length).toBeLessThanOrEqual(101);
    expect(parsed.warnings.at(-1)).toMatch(/^另有 \d+ 条提示未列出/);
  });
});
