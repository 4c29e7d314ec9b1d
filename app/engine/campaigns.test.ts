import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN_OPTIONS, campaignVocabulary, findCampaigns, madeOfVocabulary } from "./campaigns";
import { SIGNATURE_SIZE, shingleHashes, signatureAgreement, signatureInto } from "./minhash";
import { duplicateKey, normalizeText } from "./normalize";
import { seededRandom } from "./prng";

const letter = "我们是小区业主，强烈要求在办法中增加电动自行车集中充电设施的规定，由街道统一规划建设，物业负责日常管理，禁止飞线充电，保障居民生命财产安全。";
const keys = (texts: string[]) => texts.map((t) => duplicateKey(normalizeText(t)));

describe("findCampaigns", () => {
  it("groups exact copies and edited copies of one letter, and nothing else", () => {
    const texts = [
      letter,
      `张三：${letter}`, // another signature
      letter.replace("强烈要求", "恳请"), // a synonym
      `${letter}请予采纳，谢谢！`, // an added sentence
      letter.replace("，由街道统一规划建设", ""), // a removed clause
      "禁止飞线充电，保障居民生命财产安全。我们是小区业主，强烈要求在办法中增加电动自行车集中充电设施的规定，由街道统一规划建设，物业负责日常管理。", // reordered
      letter.replace(/，/g, " , ").replace("。", "!!"), // punctuation and spacing
      "建议把公园夜间开放时间延长到晚上十点，方便下班后锻炼身体的市民。",
      "公交站台应当增设遮雨棚和座椅，老年人等车太辛苦了。",
    ];
    const { campaignOf, campaigns } = findCampaigns(
      keys(texts),
      texts.map(() => null)
    );
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0].members).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(campaignOf[7]).toBe(-1);
    expect(campaignOf[8]).toBe(-1);
  });

  it("does not call repeated short replies a campaign", () => {
    const texts = ["同意", "同意", "支持！", "支持"];
    expect(
      findCampaigns(
        keys(texts),
        texts.map(() => null)
      ).campaigns
    ).toEqual([]);
  });

  it("counts distinct senders, each anonymous one as a person", () => {
    const texts = [letter, letter, letter, letter];
    const [campaign] = findCampaigns(keys(texts), ["a@example.com", "A@example.com ", null, null]).campaigns;
    expect(campaign.distinctSenders).toBe(3);
  });

  it("takes the most often sent wording as representative", () => {
    const edited = `${letter}谢谢！`;
    const texts = [edited, letter, letter, letter];
    const [campaign] = findCampaigns(
      keys(texts),
      texts.map(() => null)
    ).campaigns;
    expect(campaign.representative).toBe(1);
  });

  it("orders campaigns by size and handles empty input", () => {
    const other = "建议对老旧小区加装电梯给予财政补贴，补贴比例不低于总造价的百分之四十，并简化审批手续。";
    const texts = [other, letter, letter, other, letter];
    const { campaigns } = findCampaigns(
      keys(texts),
      texts.map(() => null)
    );
    expect(campaigns.map((c) => c.members)).toEqual([
      [1, 2, 4],
      [0, 3],
    ]);
    expect(findCampaigns([], []).campaigns).toEqual([]);
  });
});

describe("slogans: exact copies too short for a letter", () => {
  // Slogans of every short length, cut from sentences that are not the example.
  const sources = [
    "坚决反对取消夜间公交线路保留二十三路末班车到十一点",
    "请保留老城区菜市场不要改建停车场还我们买菜的地方",
    "强烈要求暂缓实施新的垃圾分类罚款标准先把垃圾桶配齐",
  ];
  const others = ["建议把公园夜间开放时间延长到晚上十点，方便下班后锻炼身体的市民。", "公交站台应当增设遮雨棚和座椅，老年人等车太辛苦了。", "同意", "支持！"];
  const variants = (s: string) => [s, `${s}！`, ` ${s}。 `, `${s.slice(0, 2)} ${s.slice(2)}!!`, `「${s}」`];

  for (const copies of [2, 50, 200]) {
    it(`finds ${copies} copies from different senders as one campaign at every length from 4 to 20`, () => {
      for (const source of sources) {
        for (let length = 4; length <= 20; length++) {
          const slogan = source.slice(0, length);
          const texts = [...others, ...Array.from({ length: copies }, (_, k) => variants(slogan)[k % 5])];
          const senders = texts.map((_, k) => (k < others.length ? null : `person-${k}@example.com`));
          const { campaigns, campaignOf } = findCampaigns(keys(texts), senders);
          expect(campaigns, `${copies} × ${slogan}`).toHaveLength(1);
          expect(campaigns[0].members).toHaveLength(copies);
          expect(campaigns[0].distinctSenders).toBe(copies);
          for (let k = others.length; k < texts.length; k++) expect(campaignOf[k]).toBe(0);
        }
      }
    });
  }

  it("finds English and full-width slogans, whatever the case, spacing and punctuation", () => {
    const texts = ["No rezoning!", "NO REZONING", "no  rezoning.", "ＮＯ　ＲＥＺＯＮＩＮＧ！", "Save Elm Park", "save elm park!!!", "Agree", "agree"];
    const { campaigns } = findCampaigns(
      keys(texts),
      texts.map(() => null)
    );
    expect(campaigns.map((c) => c.members)).toEqual([
      [0, 1, 2, 3],
      [4, 5],
    ]);
  });

  it("does not call one sender repeating a slogan a campaign of several senders", () => {
    const texts = Array.from({ length: 6 }, () => "请保留老城区菜市场！");
    expect(
      findCampaigns(
        keys(texts),
        texts.map(() => "same@example.com")
      ).campaigns
    ).toEqual([]);
    const two = findCampaigns(
      keys(texts),
      texts.map((_, k) => (k < 3 ? "same@example.com" : "other@example.com"))
    ).campaigns;
    expect(two).toHaveLength(1);
    expect(two[0].distinctSenders).toBe(2);
  });
});

describe("a form letter whose slots each have several phrasings", () => {
  // Every slot of the letter has two phrasings (A, B); copies mix them and drop slots. A copy that differs from
  // the most sent wording in every slot it keeps is far from it, but a near duplicate of another copy.
  const opening = "我们是青松街道的老年居民，";
  const closing = "请听听老年人的声音！";
  const A = [
    "反对征求意见稿第十条关于公园夜间关闭的规定：",
    "晚上九点关门以后我们就没有地方散步锻炼，",
    "要求把关闭时间推迟到晚上十一点，",
    "夏天的傍晚正是出门的好时候。",
  ];
  const B = ["对第十条公园晚上闭园的条款表示反对：", "九点闭园后老人无处健身散步，", "请把闭园时间延后到二十三点，", "暑期黄昏最适合外出活动。"];
  const copy = (slots: string, addition = "") =>
    opening + [...slots].map((slot, i) => (slot === "A" ? A[i] : slot === "B" ? B[i] : "")).join("") + addition + closing;
  const agreement = (a: string, b: string) => {
    const signatures = new Uint32Array(2 * SIGNATURE_SIZE);
    signatureInto(shingleHashes(duplicateKey(normalizeText(a))), signatures, 0);
    signatureInto(shingleHashes(duplicateKey(normalizeText(b))), signatures, SIGNATURE_SIZE);
    return signatureAgreement(signatures, 0, 1);
  };
  const { threshold, memberThreshold } = DEFAULT_CAMPAIGN_OPTIONS;
  const template = copy("AAAA");
  const mixed = copy("BAAB");
  const rephrased = copy("B--B");

  it("keeps a copy that is a near duplicate of a copy close to the campaign's wording", () => {
    expect(agreement(template, mixed)).toBeGreaterThanOrEqual(memberThreshold);
    expect(agreement(mixed, rephrased)).toBeGreaterThanOrEqual(threshold);
    expect(agreement(template, rephrased)).toBeLessThan(memberThreshold);
    const texts = [template, template, template, mixed, rephrased, "公交站台应当增设遮雨棚和座椅，老年人等车太辛苦了，希望尽快落实。"];
    const { campaigns, campaignOf } = findCampaigns(
      keys(texts),
      texts.map(() => null)
    );
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0].members).toEqual([0, 1, 2, 3, 4]);
    expect(campaigns[0].representative).toBe(0);
    expect(campaignOf[5]).toBe(-1);
  });

  it("allows one hop only: a copy close to nothing but a copy kept through a hop stays out", () => {
    const further = copy("B---", "另外公园的厕所也该翻修了。");
    expect(agreement(further, rephrased)).toBeGreaterThanOrEqual(threshold);
    expect(agreement(further, mixed)).toBeLessThan(threshold);
    expect(agreement(further, template)).toBeLessThan(memberThreshold);
    const texts = [template, template, template, mixed, rephrased, further];
    const { campaigns, campaignOf } = findCampaigns(
      keys(texts),
      texts.map(() => null)
    );
    expect(campaigns.map((c) => c.members)).toEqual([[0, 1, 2, 3, 4]]);
    expect(campaignOf[5]).toBe(-1);
  });
});

describe("a campaign whose copies mix the template's phrasings in every slot", () => {
  // Generated: each slot takes the template's phrasing with probability one half, else another, and two copies
  // in five drop a slot. Most copies are then far from the most sent wording and from each other.
  const slots = [
    ["我们是青松街道的老年居民，", "我们这些住在青松街道的老人，"],
    ["反对征求意见稿第十条关于公园夜间关闭的规定：", "对第十条公园晚上闭园的条款表示反对：", "不同意办法第十条晚上关闭公园的做法："],
    ["晚上九点关门以后我们就没有地方散步锻炼，", "九点闭园后老人无处健身散步，", "公园九点一关，老人们就没处遛弯了，"],
    ["要求把关闭时间推迟到晚上十一点，", "请把闭园时间延后到二十三点，", "建议闭园时间改到夜里十一点，"],
    ["夏天的傍晚正是出门的好时候。", "暑期黄昏最适合外出活动。"],
    ["请听听老年人的声音！", "希望倾听我们老年人的意见！"],
  ];
  const ordinary = [
    "公交站台应当增设遮雨棚和座椅，老年人等车太辛苦了，希望尽快落实。",
    "建议小区增加充电桩，方便居民给电动车充电，避免飞线充电的安全隐患。",
    "图书馆周末开放时间太短，希望延长到晚上九点，方便上班族借书。",
    "第十条写得不清楚，夜间关闭具体指几点，请明确。",
    "公园里的健身器材年久失修，建议尽快更换，保障老人安全。",
  ];
  const random = seededRandom(7);
  const copies = Array.from({ length: 40 }, () => {
    const drop = random() < 0.4 ? 1 + Math.floor(random() * 4) : -1;
    return slots
      .map((alternatives, i) => (i === drop ? "" : random() < 0.5 ? alternatives[0] : alternatives[1 + Math.floor(random() * (alternatives.length - 1))]))
      .join("");
  });
  const others = Array.from({ length: 60 }, (_, k) => `${ordinary[k % ordinary.length].replace("，", k % 2 ? "，我觉得" : "，")}（${k}号）`);

  it("keeps nearly every copy and nothing else", () => {
    const texts = [...copies, ...others];
    const { campaigns, campaignOf } = findCampaigns(
      keys(texts),
      texts.map(() => null)
    );
    const main = campaignOf[0];
    expect(main).toBeGreaterThanOrEqual(0);
    expect(copies.filter((_, i) => campaignOf[i] === main).length).toBeGreaterThanOrEqual(39);
    expect(campaigns[main].members.every((i) => i < copies.length)).toBe(true);
    expect(others.every((_, k) => campaignOf[copies.length + k] === -1)).toBe(true);
  });

  it("takes the template's phrasings as its vocabulary, not one letter's addition", () => {
    const key = (t: string) => duplicateKey(normalizeText(t));
    const template = slots.map((a) => a[0]).join("");
    const other = slots.map((a) => a[a.length - 1]).join("");
    const addition = "另外我家楼下的路灯坏了好几个月，晚上出门黑漆漆的，一直没有人来修，请有关部门重视一下。";
    const anchors = [
      template,
      other,
      slots.map((a, i) => (i % 2 ? a[a.length - 1] : a[0])).join("") + addition,
      slots.map((a, i) => (i % 2 ? a[0] : a[a.length - 1])).join(""),
    ].map(key);
    const vocabulary = campaignVocabulary(anchors, key(template));
    const { vocabularyCoverage, minSharedLength } = DEFAULT_CAMPAIGN_OPTIONS;
    // A copy mixing phrasings that two wordings use is made of the vocabulary; one with a paragraph of its own is not.
    expect(madeOfVocabulary(key(other), vocabulary, vocabularyCoverage, minSharedLength)).toBe(true);
    expect(madeOfVocabulary(key(other.slice(0, 40) + addition), vocabulary, vocabularyCoverage, minSharedLength)).toBe(false);
    // Too little text is no letter, however much of it is the campaign's.
    expect(madeOfVocabulary(key(slots[1][0]), vocabulary, vocabularyCoverage, minSharedLength)).toBe(false);
  });
});

describe("the same in English", () => {
  const slots = [
    ["As a resident of the river district, ", "Living near the river district myself, "],
    [
      "I oppose the plan to close the north park at night. ",
      "I object to closing the north park after dark. ",
      "I do not support shutting the north park in the evening. ",
    ],
    [
      "Older residents have nowhere else to walk after nine. ",
      "After nine o'clock seniors lose their only place to exercise. ",
      "Once the gates shut at nine, we elderly cannot take our walks. ",
    ],
    ["Please move the closing time to eleven. ", "Kindly extend opening hours until 11 pm. ", "I ask that the park stay open until eleven. "],
    ["Summer evenings are the best time to be outside. ", "Warm evenings are when people most need fresh air. "],
    ["Please listen to older residents.", "We hope you will hear the voice of the elderly."],
  ];
  const ordinary = [
    "Bus shelters need benches and roofs, waiting in the rain is hard for older people.",
    "Please add charging points in every housing estate so residents stop running cables from windows.",
    "The library should open later on weekends so that working people can borrow books.",
    "Section ten is unclear: what time exactly does night closing start?",
    "The exercise machines in the park are broken and should be replaced soon.",
  ];

  it("keeps nearly every copy of a letter whose copies mix its phrasings, and nothing else", () => {
    const random = seededRandom(7);
    const copies = Array.from({ length: 40 }, () => {
      const drop = random() < 0.4 ? 1 + Math.floor(random() * 4) : -1;
      return slots
        .map((alternatives, i) => (i === drop ? "" : random() < 0.5 ? alternatives[0] : alternatives[1 + Math.floor(random() * (alternatives.length - 1))]))
        .join("");
    });
    const texts = [...copies, ...ordinary];
    const { campaigns, campaignOf } = findCampaigns(
      keys(texts),
      texts.map(() => null)
    );
    expect(copies.filter((_, i) => campaignOf[i] === campaignOf[0]).length).toBeGreaterThanOrEqual(39);
    expect(campaigns).toHaveLength(1);
    expect(ordinary.every((_, k) => campaignOf[copies.length + k] === -1)).toBe(true);
  });
});
