import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { senderShare } from "./sender-share";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";

describe("senderShare", () => {
  it("flags a topic of 10 or more where one sender wrote at least half", () => {
    const nine = [...Array(5).fill("a"), "b", "c", "d", "e", "f"];
    expect(senderShare(nine)).toEqual({ distinct_senders: 6, largest_sender_comments: 5, dominated_by_one_sender: true });
    expect(senderShare([...Array(4).fill("a"), "b", "c", "d", "e", "f", "g"]).dominated_by_one_sender).toBe(false);
    // too small a topic to say
    expect(senderShare(Array(9).fill("a")).dominated_by_one_sender).toBe(false);
    // unknown senders are counted in the size, never as one sender
    expect(senderShare(Array(20).fill(null))).toEqual({ distinct_senders: 0, largest_sender_comments: 0, dominated_by_one_sender: false });
  });
});

describe("a topic one sender dominates", () => {
  it("is flagged in the result with its counts", () => {
    const base = fixtureComments();
    const texts = [
      "小区门口的狗粪便没人清理，建议罚款。",
      "狗粪便清理要有人监督，不清理就罚款。",
      "公园草坪狗粪便太多，请城管处罚不清理的人。",
      "遛狗不带袋子清理粪便的必须罚款。",
      "楼道里狗粪便臭气熏天，物业应该清理并罚款。",
      "狗粪便问题严重，建议设置收集箱并罚款。",
      "早上跑步踩到狗粪便，要求主人清理，否则罚款。",
      "广场上狗粪便到处都是，希望加大清理和罚款力度。",
      "狗粪便影响环境卫生，建议明确罚款标准。",
      "绿化带狗粪便没人清理，请执法部门罚款。",
      "狗粪便清理应写入办法，不清理罚款五十元。",
      "孩子玩耍的地方有狗粪便，请求加强清理和罚款。",
    ];
    const comments = [...base, ...texts.map((text, i) => ({ id: `p${i}`, text, sender: "one-person" }))];
    const result = analyze({ comments, draft: FIXTURE_DRAFT });
    const topic = result.topics.find((t) => t.comment_ids.includes("p0"))!;
    const mine = topic.comment_ids.filter((id) => id.startsWith("p")).length;
    expect(topic.largest_sender_comments).toBe(mine);
    expect(topic.dominated_by_one_sender).toBe(mine * 2 >= topic.size && topic.size >= 10);
    expect(topic.dominated_by_one_sender).toBe(true);
    // the fixture's own topics, many senders each, are not
    expect(result.topics.filter((t) => !t.comment_ids.some((id) => id.startsWith("p"))).every((t) => !t.dominated_by_one_sender)).toBe(true);
  });
});
