import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";
import { NO_SUBSTANCE_ID, UNCLUSTERED_ID } from "./topics";

// A short slogan sent by many people is the costliest thing to miss: it must be a campaign with its count, and
// none of its copies may be left in 其他（未归类）.
describe("analyze with a repeated slogan", () => {
  const slogans = ["坚决反对取消二十三路夜班车", "请保留老城区菜市场", "Keep the night bus!", "暂缓实施新罚款标准，先把垃圾桶配齐", "强烈反对学区划分限制！"];
  for (const copies of [2, 50, 200]) {
    for (const slogan of slogans) {
      it(`finds ${copies} copies of 「${slogan}」 as a campaign outside 其他`, () => {
        const comments = [
          ...fixtureComments(),
          ...Array.from({ length: copies }, (_, k) => ({ id: `slogan-${k}`, text: k % 2 ? ` ${slogan.toUpperCase()}。` : slogan, sender: `person-${k}` })),
        ];
        const result = analyze({ comments, draft: FIXTURE_DRAFT });
        const copiesOf = result.comments.filter((c) => c.id.startsWith("slogan-"));
        const campaign = result.campaigns.find((c) => c.comment_ids.includes("slogan-0"));
        expect(campaign?.size).toBe(copies);
        expect(campaign?.distinct_senders).toBe(copies);
        for (const c of copiesOf) {
          expect(c.campaign).toBe(campaign?.id);
          expect(c.topic).not.toBe(UNCLUSTERED_ID);
          expect(c.topic).not.toBe(NO_SUBSTANCE_ID);
          expect(c.topic).not.toBeNull();
        }
        // None of these slogans is about keeping dogs: as large as a topic, they must not swell a dog topic but
        // be a topic of their own (two copies are too few for a topic and go to the nearest one).
        const topic = result.topics.find((t) => t.id === copiesOf[0].topic);
        if (copies >= 50) expect(topic?.comment_ids.every((id) => id.startsWith("slogan-"))).toBe(true);
      });
    }
  }
});
