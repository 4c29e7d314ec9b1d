import { describe, expect, it } from "vitest";
import { findCampaigns } from "./campaigns";
import { hashString, joinLetterFamilies, mostSentences, sentenceWords, splitSentences } from "./letter-families";
import { seededRandom } from "./prng";
import { duplicateKey, normalizeText } from "./normalize";

const run = (texts: string[]) => {
  const senders = texts.map(() => null);
  const found = findCampaigns(
    texts.map((t) => duplicateKey(normalizeText(t))),
    senders
  );
  return joinLetterFamilies(texts, senders, found, 20);
};
const together = (campaignOf: Int32Array, members: number[]) => campaignOf[members[0]] >= 0 && members.every((i) => campaignOf[i] === campaignOf[members[0]]);

const TEMPLATE_EN = [
  "I strongly oppose the proposed rule on rodenticide registration.",
  "These poisons kill owls, hawks and foxes that eat the poisoned rats.",
  "Secondary poisoning spreads through the whole food chain of our region.",
  "Safer methods such as sealing buildings and traps already exist.",
  "Please withdraw the rule and protect our native wildlife.",
];
const PARAPHRASE_EN = [
  "Kindly withdraw this rule and protect our local wildlife.",
  "Safer methods like sealing buildings and snap traps are already available.",
  "I firmly oppose this proposed rule on rodenticide registration.",
  "Secondary poisoning moves through the entire food chain of our region.",
  "Those poisons kill owls, eagles and foxes which eat the poisoned rats.",
];
const TEMPLATE_ZH = [
  "我们坚决反对在老城区新建电动自行车集中停放点的方案。",
  "老城区道路狭窄，停放点会占用消防通道和人行道。",
  "夜间集中充电存在火灾隐患，周边都是木结构老房子。",
  "建议把停放点设在新区的公交枢纽附近，方便换乘。",
  "请规划部门重新论证，广泛听取居民意见。",
];
const PARAPHRASE_ZH = [
  "恳请规划部门重新研究论证，充分听取居民意见。",
  "晚上集中充电存在火灾隐患，附近都是木结构老房子。",
  "我们坚决反对在老城区建设电动自行车集中停车点的方案。",
  "建议将停放点设在新区的地铁枢纽附近，方便换乘。",
  "老城区街道狭窄，停放点将挤占消防通道和人行道。",
];

describe("joinLetterFamilies", () => {
  it("joins paraphrases that reorder the template's sentences and swap words (English and Chinese)", () => {
    const texts = [TEMPLATE_EN.join(" "), TEMPLATE_EN.join(" "), PARAPHRASE_EN.join(" "), TEMPLATE_ZH.join(""), TEMPLATE_ZH.join(""), PARAPHRASE_ZH.join("")];
    const { campaignOf, campaigns } = run(texts);
    expect(together(campaignOf, [0, 1, 2])).toBe(true);
    expect(together(campaignOf, [3, 4, 5])).toBe(true);
    expect(campaignOf[0]).not.toBe(campaignOf[3]);
    expect(campaigns).toHaveLength(2);
  });

  it("keeps apart different letters that share one common sentence", () => {
    const shared = "Please withdraw the rule and protect our native wildlife.";
    const other = [
      "The parking rules downtown are confusing for visitors and residents alike.",
      "Meters should accept cards and phones instead of coins only.",
      "Signs at the corner of Main Street contradict each other.",
      shared,
    ];
    const sharedZh = "请规划部门重新论证，广泛听取居民意见。";
    const otherZh = [
      "公园夜间开放时间应当延长到晚上十点，方便下班后锻炼的市民。",
      "园内照明不足，夜跑的人容易摔倒受伤。",
      "建议增加饮水点和公共厕所的数量。",
      sharedZh,
    ];
    const texts = [TEMPLATE_EN.join(" "), TEMPLATE_EN.join(" "), other.join(" "), TEMPLATE_ZH.join(""), TEMPLATE_ZH.join(""), otherZh.join("")];
    const { campaignOf } = run(texts);
    expect(campaignOf[2]).toBe(-1);
    expect(campaignOf[5]).toBe(-1);
  });

  it("groups variants that add personal paragraphs under their template and lists each letter's additions", () => {
    const template = TEMPLATE_EN.join(" ");
    const variantA = [
      "My name is Ann Lee and I volunteer at a raptor rescue centre.",
      "Last winter we treated eleven owls that had eaten poisoned rats and only two survived.",
      "Our volunteers see this suffering every single week of the year.",
      ...TEMPLATE_EN,
    ].join(" ");
    const variantB = [...TEMPLATE_EN.slice(0, 4), "As a farmer I have used traps for twenty years without any trouble at all.", TEMPLATE_EN[4]].join(" ");
    const variantZh = [...TEMPLATE_ZH, "我家就住在老城区，楼下已经发生过两次电动车起火。", "孩子上学每天都要绕开乱停的车辆走到马路中间。"].join("");
    const texts = [template, template, variantA, variantB, TEMPLATE_ZH.join(""), TEMPLATE_ZH.join(""), variantZh];
    const { campaignOf, campaigns, additions } = run(texts);
    expect(together(campaignOf, [0, 1, 2, 3])).toBe(true);
    expect(together(campaignOf, [4, 5, 6])).toBe(true);
    const family = campaigns[campaignOf[0]];
    expect(family.representative).toBe(0);
    expect(family.variants[0].representative).toBe(0);
    expect(additions[0]).toEqual([]);
    expect(additions[1]).toEqual([]);
    expect(additions[2]).toEqual([
      "My name is Ann Lee and I volunteer at a raptor rescue centre.",
      "Last winter we treated eleven owls that had eaten poisoned rats and only two survived.",
      "Our volunteers see this suffering every single week of the year.",
    ]);
    expect(additions[3]).toEqual(["As a farmer I have used traps for twenty years without any trouble at all."]);
    expect(additions[6]).toEqual(["我家就住在老城区，楼下已经发生过两次电动车起火。", "孩子上学每天都要绕开乱停的车辆走到马路中间。"]);
  });

  it("does not call one shared sentence in different people's own framing a campaign, but keeps exact copies", () => {
    const point = "对平台的算法派单也要监管，超时扣罚应该明令禁止";
    const texts = [`我的想法是，${point}。仅代表个人观点。`, `作为家长，${point}。辛苦了。`, `个人意见 仅供参考：${point}！`, `${point}。`, `${point}。`];
    const { campaignOf, campaigns } = run(texts);
    expect(campaigns).toHaveLength(1);
    expect(together(campaignOf, [3, 4])).toBe(true);
    expect([0, 1, 2].map((i) => campaignOf[i])).toEqual([-1, -1, -1]);
  });

  it("gives the same families from the texts normalised by the caller (full-width, traditional characters)", () => {
    const toTraditional: Record<string, string> = { 们: "們", 对: "對", 动: "動", 车: "車", 点: "點", 会: "會", 议: "議" };
    const traditional = (t: string) => t.replace(/[们对动车点会议]/g, (c) => toTraditional[c]);
    const fullWidth = (t: string) => t.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const texts = [
      TEMPLATE_ZH.join(""),
      traditional(PARAPHRASE_ZH.join("")),
      traditional(TEMPLATE_ZH.join("")) + "我家就住在老城区。",
      TEMPLATE_EN.join(" "),
      fullWidth(PARAPHRASE_EN.join(" ")),
      "一条与众不同的意见，关于别的事情，写得足够长，好让它成为一封信。",
    ];
    const senders = texts.map(() => null);
    const found = findCampaigns(
      texts.map((t) => duplicateKey(normalizeText(t))),
      senders
    );
    const plain = joinLetterFamilies(texts, senders, found, 20);
    const given = joinLetterFamilies(texts, senders, found, 20, undefined, texts.map(normalizeText));
    expect(given).toEqual(plain);
    expect(plain.campaigns.length).toBeGreaterThanOrEqual(2);
  });

  it("reads Han text as the hashes of its character pairs, and a lone character as itself", () => {
    const pairs = (run: string) => Array.from({ length: run.length - 1 }, (_, i) => hashString(run.slice(i, i + 2)));
    const expected = [...new Set([...pairs("老城区道路狭窄"), ...pairs("停放点占用通道"), hashString("车"), hashString("street")])].sort((a, b) => a - b);
    expect(Array.from(sentenceWords("老城区道路狭窄，停放点占用通道。车 Street"))).toEqual(expected);
  });

  it("never finds more sentences than mostSentences allows, so letters with too few sentence ends need no split", () => {
    const random = seededRandom(9);
    const pieces = [
      "我们反对",
      "停放点",
      "Safer methods",
      "e.g",
      "ok",
      " ",
      "\n",
      "\n\n",
      "。",
      "！",
      "？",
      "!",
      "?",
      "；",
      ";",
      ".",
      ". ",
      ":",
      ": ",
      "．",
      "： ",
      "，",
      ",",
      "…",
      "1.5",
      "第3条",
    ];
    for (let t = 0; t < 2000; t++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      expect(splitSentences(text).length).toBeLessThanOrEqual(mostSentences(text));
    }
    expect(mostSentences("一句话，没有句号")).toBe(1);
    expect(splitSentences("第一句。第二句！第三句").length).toBe(mostSentences("第一句。第二句！第三句"));
  });
});
