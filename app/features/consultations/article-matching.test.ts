import { describe, expect, it } from "vitest";
import { matchArticles, similarity } from "./article-matching";

const v1 = [
  { number: 1, text: "为了促进退役军人就业创业，根据有关法律，制定本办法。", identityId: 101 },
  { number: 2, text: "本办法适用于本省行政区域内的退役军人就业创业工作。", identityId: 102 },
  { number: 3, text: "县级以上人民政府应当将退役军人就业创业工作纳入国民经济和社会发展规划。", identityId: 103 },
  { number: 4, text: "退役军人事务部门负责组织实施适应性培训。", identityId: 104 },
];

describe("article identity across versions", () => {
  it("scores identical text 1 and unrelated text near 0", () => {
    expect(similarity("退役军人就业", "退役军人就业")).toBe(1);
    expect(similarity("退役军人就业", "天气晴朗")).toBe(0);
  });

  it("keeps identities of unchanged and lightly reworded articles", () => {
    const next = [
      { number: 1, text: v1[0].text },
      { number: 2, text: "本办法适用于本省行政区域内退役军人的就业创业促进工作。" },
      { number: 3, text: v1[2].text },
      { number: 4, text: v1[3].text },
    ];
    expect([...matchArticles(v1, next)]).toEqual([
      [1, 101],
      [2, 102],
      [3, 103],
      [4, 104],
    ]);
  });

  it("follows articles renumbered by an insertion and gives the new article no identity", () => {
    const next = [
      { number: 1, text: v1[0].text },
      { number: 2, text: "本办法所称就业创业服务，包括职业指导、岗位推荐和创业辅导。" },
      { number: 3, text: v1[1].text },
      { number: 4, text: v1[2].text },
      { number: 5, text: v1[3].text },
    ];
    const m = matchArticles(v1, next);
    expect(m.get(1)).toBe(101);
    expect(m.get(2)).toBeUndefined();
    expect(m.get(3)).toBe(102);
    expect(m.get(4)).toBe(103);
    expect(m.get(5)).toBe(104);
  });

  it("does not reuse an identity for a deleted article's number when the text is new", () => {
    const next = [
      { number: 1, text: v1[0].text },
      { number: 2, text: "市场监督管理部门应当为退役军人创办的个体工商户提供登记便利。" },
    ];
    const m = matchArticles(v1.slice(0, 2), next);
    expect(m.get(1)).toBe(101);
    expect(m.get(2)).toBeUndefined();
  });
});
