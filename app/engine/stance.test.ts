import { describe, expect, it } from "vitest";
import { articleStances, stanceHint } from "./stance";

const expectEach = (cases: readonly (readonly [string, string])[]) => {
  for (const [text, stance] of cases) expect(stanceHint(text), text).toBe(stance);
};

describe("stanceHint", () => {
  it.each([
    ["坚决支持这个办法！", "support"],
    ["这一条写得好，很实在👍", "support"],
    ["我不同意全面禁养大型犬，这是一刀切。", "oppose"],
    ["建议把牵引绳长度放宽到两米。", "suggest"],
    ["登记费用是多少？", "question"],
    ["请问老人怎么办理登记", "question"],
    ["我家住在三楼。", "neutral"],
    ["I strongly oppose this rule.", "oppose"],
    ["The city should add more dog parks.", "suggest"],
    ["How will the fees be set?", "question"],
  ] as const)("%s → %s", (text, stance) => {
    expect(stanceHint(text)).toBe(stance);
  });

  it("reads negated approval as opposition", () => {
    expect(stanceHint("不支持")).toBe("oppose");
  });

  it("copes with empty text", () => {
    expect(stanceHint("")).toBe("neutral");
  });

  it("reads the ways Chinese commenters object", () => {
    expectEach([
      ["对收取管理费这一项，本人不同意。", "oppose"],
      ["我们全体业主反对在小区里加装广告屏", "oppose"],
      ["第九条建议删除。", "oppose"],
      ["恳请取消夜间施工许可的规定", "oppose"],
      ["收费标准定得不合理，普通家庭承担不了", "oppose"],
      ["这种事情不应由业主委员会来承担", "oppose"],
      ["公示期只有三天，不宜作为正式程序", "oppose"],
      ["费用全让居民出，说不过去", "oppose"],
      ["写得很笼统，落实不了，形同虚设", "oppose"],
      ["这一款脱离实际，基层根本做不到", "oppose"],
    ]);
  });

  it("reads a rhetorical question as opposition, not as a question", () => {
    expectEach([
      ["难道老年人就不用出门了吗？", "oppose"],
      ["凭什么租户要交这笔钱？", "oppose"],
      ["一个小区装三个岗亭，有必要吗？", "oppose"],
      ["何必搞得这么复杂", "oppose"],
      ["每年都要重新审批，这合理吗？", "oppose"],
      ["这叫便民？跑了四趟还没办完", "oppose"],
      ["定这个标准的人自己去窗口办过吗？", "oppose"],
    ]);
    // Genuine questions stay questions.
    expectEach([
      ["审批需要几个工作日？", "question"],
      ["租户能不能自己申请？", "question"],
      ["这个规定从什么时候开始执行", "question"],
    ]);
  });

  it("weighs the clause after a concession's turn more than the conceded clause", () => {
    expectEach([
      ["虽然初衷是好的，但是收费太高了，居民负担不起。", "oppose"],
      ["出发点可以理解，可是让物业来执法，行不通", "oppose"],
      ["整体上我是赞成的，然而第三款的罚款标准太重，难以服众。", "oppose"],
      ["虽然刚开始会有点不习惯，但这是件好事，支持！", "support"],
      ["尽管有人嫌麻烦，不过分类投放确实很有必要。", "support"],
    ]);
  });

  it("keeps negation in its scope", () => {
    expectEach([
      ["不是不同意收费，而是建议按面积分档收取。", "suggest"],
      ["并非反对这项改革，只是希望给老旧小区多留一些过渡时间。", "suggest"],
      ["我不反对设卡口，但建议高峰时段开放两个通道。", "suggest"],
      ["没有理由不支持这样的好政策。", "support"],
      ["不得不说，这次的征求意见稿考虑得很周到。", "support"],
      ["这个收费标准谈不上公平", "oppose"],
      ["审批时限并不合理", "oppose"],
    ]);
  });

  it("reads complaints of degree and feasibility, and plain approval", () => {
    expectEach([
      ["见习补贴标准偏低，每月八百块连房租都不够。", "oppose"],
      ["虽然优先招录的初衷是好的，但实际操作中企业未必买账。", "oppose"],
      ["这条写得太原则了，基层没法操作。", "oppose"],
      ["技能培训全部免费，好政策！", "support"],
      ["申请场地补贴需要哪些材料", "question"],
      ["对第二十条的处罚标准持保留意见。", "oppose"],
      ["每年至少开一次业主大会，好是好，就是很难组织起来。", "oppose"],
      ["大型犬一律禁养？养了八年的狗总不能扔了吧", "oppose"],
      ["一次性创业补助三千元，杯水车薪。", "oppose"],
      ["我不认为国企应该承担这么多安置任务。", "oppose"],
      ["把适应性培训从三个月缩短到一个月，不利于转岗。", "oppose"],
      ["一边说鼓励创业，一边又设置这么多审批，自相矛盾。", "oppose"],
      ["招用比例不低于百分之五，小微企业哪有这个能力？", "oppose"],
      ["这个办法对我们自主就业的帮助很大，谢谢。", "support"],
      ["培训机构的资质审核要严格，不能只管收钱不管教。", "suggest"],
      ["补贴要直接发到个人手里，不要经过中间机构。", "suggest"],
    ]);
  });

  it("does not let praise elsewhere hide an objection to one article", () => {
    expectEach([
      ["第三条写得很好，我完全赞成；但第五条的收费规定不合理，应当删除。", "oppose"],
      ["大部分内容都支持。第八条不同意，居民的意见没有被听取。", "oppose"],
    ]);
  });

  it("reads proposals, praise and questions in everyday phrasing", () => {
    expectEach([
      ["希望增加夜间的巡逻次数", "suggest"],
      ["可以考虑由街道统一招标，费用更透明。", "suggest"],
      ["公示期最好改为十五个工作日", "suggest"],
      ["终于有人管这件事了，点赞！", "support"],
      ["这个规定很及时，早该出台了", "support"],
      ["想咨询一下，外地户口可以申请吗", "question"],
      ["第十条说的“相关部门”具体指哪个部门？", "question"],
      ["我們社區建議增加公示渠道。", "suggest"],
    ]);
  });
});

describe("articleStances", () => {
  it("gives each named article the stance of its own clause", () => {
    expect(articleStances("第三条写得很好，完全赞成；第五条的收费规定不合理，建议删除。")).toEqual({ 3: "support", 5: "oppose" });
    expect(articleStances("第二条建议把适用范围扩大到商铺。第七条的公示期是多久？")).toEqual({ 2: "suggest", 7: "question" });
    expect(articleStances("支持第4条和第6条。")).toEqual({ 4: "support", 6: "support" });
    expect(articleStances("第八条整体可以，但第九条对企业的要求过高，中小企业根本做不到。")).toEqual({ 8: "support", 9: "oppose" });
  });

  it("is empty when no article is named", () => {
    expect(articleStances("总体支持。")).toEqual({});
  });
});
