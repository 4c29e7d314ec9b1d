import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { withoutBoilerplate } from "./boilerplate";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";
import { TokenCorpus } from "./token-corpus";

const words = (corpus: TokenCorpus, d: number) => Array.from(corpus.doc(d), (t) => corpus.words[t]);

describe("withoutBoilerplate", () => {
  const preamble = ["本人", "长期", "关注", "社区", "治理", "特此", "提出"];
  const corpus = new TokenCorpus();
  const subjects = [
    ["登记", "年检", "麻烦"],
    ["牵引绳", "太短", "放宽"],
    ["烈性犬", "名录", "公开"],
    ["粪便", "清理", "罚款"],
  ];
  subjects.forEach((s) => corpus.add([...preamble, ...s]));
  // the same preamble from four different people is shared wording, not one sender's boilerplate
  subjects.forEach((s) => corpus.add([...preamble, ...s]));
  // one sender's repeated copy of a whole text keeps its words
  for (let i = 0; i < 3; i++) corpus.add(["反对", "限制", "大型犬", "饲养"]);
  const senders = [...subjects.map(() => "a"), ...subjects.map((_, i) => `p${i}`), "c", "c", "c"];

  it("drops the phrases a sender repeats across their own comments, nothing else", () => {
    const out = withoutBoilerplate(corpus, senders);
    subjects.forEach((s, i) => expect(words(out, i)).toEqual(s));
    subjects.forEach((s, i) => expect(words(out, 4 + i)).toEqual([...preamble, ...s]));
    expect(words(out, 8)).toEqual(["反对", "限制", "大型犬", "饲养"]);
    // word ids are unchanged, so the rest of the engine reads the new corpus as the old
    expect(out.idOf("登记")).toBe(corpus.idOf("登记"));
  });

  it("returns the corpus itself when no sender repeats anything", () => {
    expect(
      withoutBoilerplate(
        corpus,
        senders.map((_, i) => `s${i}`)
      )
    ).toBe(corpus);
  });
});

// Two prolific senders each open (and close) every comment with the same long self-introduction, on four
// subjects. Their comments belong with the others on each subject, not in a topic of their own.
const preambleA = "本人是市人大代表李某某，长期从事社区治理研究，依据多年调研结果，郑重提出以下修改意见，恳请认真研究采纳：";
const closingA = "以上意见妥否，请审阅。联系人李某某，社区治理研究会。";
const preambleB = "我是在本市生活三十年的退休教师王某某，一直关心城市文明建设和邻里和谐，现就征求意见稿反映如下情况，望予重视：";
const ownTexts = [
  ["registration", "养犬登记年检每年一次太频繁，建议延长年检周期并开通网上办理登记。"],
  ["registration", "办理养犬登记证要到派出所排队，登记费用也不清楚，希望网上登记并公布收费。"],
  ["leash", "牵引绳一点五米太短，大型犬遛狗很难控制，建议牵引绳长度放宽。"],
  ["leash", "电梯里必须给犬只戴嘴套，牵引绳要拉紧，高峰时段不要带狗乘电梯。"],
  ["breeds", "烈性犬禁养名录要公开透明，大型犬不能一刀切禁养，老犬给过渡期。"],
  ["breeds", "重点管理区禁养烈性犬我支持，但禁养犬种名录应按攻击性来定。"],
  ["mess", "遛狗不清理粪便的应当罚款，小区里狗粪便太多，应该设置粪便收集箱。"],
  ["mess", "犬只夜间吠叫扰民严重影响休息，建议明确狗叫噪音投诉由哪个部门处理。"],
];

function consultation() {
  const base = fixtureComments();
  const extra = ownTexts.flatMap(([, text], i) => [
    { id: `a${i}`, text: `${preambleA}${text}${closingA}`, sender: "agent-a" },
    { id: `b${i}`, text: `${preambleB}${text.replace("建议", "希望").replace("，", "；")}`, sender: "agent-b" },
  ]);
  return [...base, ...extra];
}

describe("boilerplate in the topics", () => {
  it("does not let two senders' self-introductions form a topic of their own", () => {
    const result = analyze({ comments: consultation(), draft: FIXTURE_DRAFT });
    const prolific = (id: string) => id.startsWith("a") || id.startsWith("b");
    for (const topic of result.topics.filter((t) => t.kind === "machine")) {
      const theirs = topic.comment_ids.filter(prolific).length;
      // a topic made of the two senders' comments (their preambles) is what must not happen
      expect(theirs / topic.size).toBeLessThan(0.75);
    }
    // and their comments are spread over the subjects they write about (before: one topic per sender)
    const topicsOfTheirs = new Set(result.comments.filter((c) => prolific(c.id)).map((c) => c.topic));
    expect(topicsOfTheirs.size).toBeGreaterThanOrEqual(3);
  });
});
