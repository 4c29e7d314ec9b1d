import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { normalizeText } from "./normalize";
import { findNames } from "./pii-names";
import { createSegmenter } from "./segment";
import { isStopword } from "./stopwords";
import { topicTitle, type TitleContext } from "./topic-title";

const segmenter = createSegmenter();

/** The context analyze() gives: jieba's tags, and each token's share of all comments of the consultation. */
function contextOf(all: readonly string[]): TitleContext {
  const df = new Map<string, number>();
  for (const text of all) for (const token of new Set(segmenter.tokenize(text))) df.set(token, (df.get(token) ?? 0) + 1);
  return { tag: segmenter.tag, lift: (token) => (df.has(token) ? all.length / df.get(token)! : 0) };
}

const loans = [
  "创业担保贷款额度太低了，建议提高到三十万元。",
  "希望提高创业担保贷款额度，贴息期限也应当延长。",
  "贴息期限只有两年太短，建议延长到三年。",
  "创业担保贷款额度应该按行业区分，餐饮和制造业需要的资金不一样。",
  "贴息期限延长对小微企业很重要，现在利息负担太重。",
  "创业担保贷款额度能不能和纳税额挂钩？",
  "贴息期限到期后能否续贷，办法没有说。",
];
const training = [
  "职业技能培训补贴标准太低，建议提高。",
  "培训机构的资质要公开，防止骗取补贴。",
  "线上培训也应该纳入职业技能培训补贴范围。",
  "农民工参加职业技能培训的时间要灵活安排。",
];
const bikes = [
  "The bike lanes on Main Street are too narrow and cars park in them.",
  "Protected bike lanes would make me ride to work every day.",
  "Please add bike lanes near the schools; parking fees downtown are too high anyway.",
  "Parking fees should pay for the new bike lanes.",
  "I oppose higher parking fees for residents.",
  "Bike lanes and parking fees are the two things that matter here.",
];
const transit = ["Bus routes should run later at night.", "The bus schedule on weekends is unreliable.", "More bus shelters would help older riders."];

describe("topicTitle", () => {
  it("names a Chinese topic with the phrases its comments write, joined with 与", () => {
    const title = topicTitle(loans, contextOf([...loans, ...training]));
    expect(title).toBe("创业担保贷款额度与贴息期限");
  });

  it("names an English topic with its noun phrases, joined with and", () => {
    const title = topicTitle(bikes, contextOf([...bikes, ...transit]));
    expect(title).toBe("Bike lanes and parking fees");
  });

  it("never puts a person's name, a phone number or an email in the title", () => {
    const named = [
      "我叫王建国，电话13812345678，王建国认为创业担保贷款额度太低。",
      "王建国：创业担保贷款额度应当提高，联系邮箱wangjianguo@example.com。",
      "我是王建国，13812345678，贴息期限太短了，王建国建议延长。",
      "王建国反映贴息期限太短，请回电13812345678。",
      "联系人王建国，创业担保贷款额度和贴息期限都要改。",
      // Names the tagger does not see as one name: 郑/ns 宏伟/a, 徐/nr 春生/n, 陈立群/x.
      "邻居郑宏伟说贴息期限太短，郑宏伟的贷款也没批。",
      "徐春生：创业担保贷款额度太低。徐春生",
      "邻居郑宏伟也说创业担保贷款额度不够用，郑宏伟",
      "徐春生反映贴息期限太短。",
      "陈立群：贴息期限太短。陈立群",
    ];
    const title = topicTitle(named, contextOf([...named, ...training]));
    expect(title).not.toBeNull();
    expect(title).not.toMatch(/王建国|建国|宏伟|春生|立群|138|@|example|wangjianguo/);
    expect(findNames(title!)).toEqual([]);
  });

  it("leaves out a name that most of a topic's comments carry, even one the tagger cuts in pieces", () => {
    // 徐/nr 春生/n, 陈立群/x: a signature on every letter of one sender.
    const signed = [
      "贴息期限太短，建议延长。徐春生",
      "邻居徐春生说贴息期限应当延长到三年。",
      "贴息期限到期后能否续贷？——徐春生",
      "徐春生：贴息期限只有两年。",
      "贴息期限要和贷款期限一致。陈立群",
      "我叫陈立群，贴息期限太短了。",
    ];
    const title = topicTitle(signed, contextOf([...signed, ...training]));
    expect(title).not.toBeNull();
    expect(title).not.toMatch(/春生|立群/);
    expect(title).toContain("贴息期限");
  });

  it("takes no place code or number as a subject (A市, A3区, 2019年)", () => {
    const coded = [
      "A市A3区的出租车2019年起不打表，出租车计价器形同虚设。",
      "A3区火车站出租车拒载严重，出租车计价器要检查。",
      "A市出租车司机绕路，建议出租车计价器联网。",
      "A3区出租车计价器被改装过，请查处。",
    ];
    const title = topicTitle(coded, contextOf([...coded, ...training]));
    expect(title).toContain("出租车");
    expect(title).not.toMatch(/[A-Za-z0-9]/);
  });

  it("takes no attitude, stopword or number as a subject, and gives up when nothing is left", () => {
    const empty = ["支持！", "同意这个办法。", "坚决反对。", "建议尽快实施，谢谢。", "13812345678"];
    expect(topicTitle(empty, contextOf([...empty, ...training]))).toBeNull();
  });

  it("is made of the words of one comment when a topic is one letter (a campaign)", () => {
    const letter = ["我们强烈建议在办法中增加流浪犬收容救助的内容，由政府设立收容所。"];
    const title = topicTitle(letter, contextOf([...letter, ...training]))!;
    expect(title.length).toBeGreaterThanOrEqual(4);
    expect(title.length).toBeLessThanOrEqual(16);
    for (const part of title.split("与")) expect(letter[0]).toContain(part);
    expect(isStopword(title)).toBe(false);
  });
});

describe("titles of the e-bike consultation (tests/fixtures/consultation-ebike)", () => {
  const dir = path.resolve(__dirname, "../../tests/fixtures/consultation-ebike");
  const records = fs
    .readFileSync(path.join(dir, "comments.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; text: string; name: string; email: string });
  const draft = fs.readFileSync(path.join(dir, "draft.md"), "utf8");
  const result = analyze({ comments: records.map((r) => ({ id: r.id, text: r.text, sender: r.email || r.name || null })), draft });
  const textOf = new Map(records.map((r) => [r.id, normalizeText(r.text).toLowerCase()]));
  const senderNames = new Set(records.map((r) => r.name).filter(Boolean));
  const machine = result.topics.filter((t) => t.kind === "machine");

  it("gives every machine topic a title of 4–16 characters in its own comments' words, with no name and no stopword at an edge", () => {
    expect(machine.length).toBeGreaterThan(5);
    for (const topic of machine) {
      const title = topic.label;
      expect(title.length, title).toBeGreaterThanOrEqual(4);
      expect(title.length, title).toBeLessThanOrEqual(16);
      expect(findNames(title), title).toEqual([]);
      for (const name of senderNames) expect(title, name).not.toContain(name);
      for (const part of title.split(/与|、/)) {
        expect(
          topic.comment_ids.some((id) => textOf.get(id)!.includes(part)),
          `${part} in ${topic.id}`
        ).toBe(true);
        const words = segmenter.cut(part).filter((w) => w.trim() !== "");
        expect(isStopword(words[0]), part).toBe(false);
        expect(isStopword(words[words.length - 1]), part).toBe(false);
      }
    }
  });

  it("names most topics with phrases rather than a row of keywords", () => {
    const large = machine.filter((t) => t.size >= 10);
    const phrased = large.filter((t) => !t.label.includes("、") && t.label !== t.keywords.slice(0, 3).join("、"));
    expect(phrased.length).toBeGreaterThanOrEqual(Math.ceil(0.8 * large.length));
  });
}, 60_000);
