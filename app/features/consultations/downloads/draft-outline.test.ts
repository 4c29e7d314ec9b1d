import { describe, expect, it } from "vitest";
import type { StoredNode } from "~/features/consultations/draft.server";
import { blockText, draftOutline } from "./draft-outline";

let id = 0;
const node = (kind: StoredNode["kind"], label: string | null, text: string, children: StoredNode[] = [], heading: string | null = null): StoredNode => ({
  id: ++id,
  parentId: null,
  kind,
  number: null,
  label,
  heading,
  text,
  articleIdentityId: null,
  children,
});

describe("draftOutline", () => {
  it("gives chapters, sections, each article's 款 with the label on the first, and its 项, in order", () => {
    const tree = [
      node(
        "chapter",
        "第一章",
        "总则",
        [
          node(
            "section",
            "第一节",
            "一般规定",
            [
              node("article", "第一条", "为了规范服务，制定本办法。"),
              node("article", "第二条", "服务站应当：\n（一）公布开放时间；\n本条另有规定。", [
                node("paragraph", null, "服务站应当：", [node("item", "（一）", "公布开放时间；")]),
                node("paragraph", null, "本条另有规定。"),
              ]),
            ],
            "一般规定"
          ),
        ],
        "总则"
      ),
    ];
    const blocks = draftOutline({ title: "某办法（征求意见稿）", versionLabel: "征求意见稿", period: "2026年1月1日 至 2026年1月31日" }, tree);
    expect(blocks.map(blockText)).toEqual([
      "某办法（征求意见稿）",
      "征求意见期：2026年1月1日 至 2026年1月31日",
      "第一章\u3000总则",
      "第一节\u3000一般规定",
      "第一条\u3000为了规范服务，制定本办法。",
      "第二条\u3000服务站应当：",
      "（一）公布开放时间；",
      "本条另有规定。",
    ]);
    expect(blocks.map((b) => b.kind)).toEqual(["title", "note", "chapter", "section", "paragraph", "paragraph", "item", "paragraph"]);
  });

  it("names a later version under the title when the title does not, and leaves out a period not yet set", () => {
    const blocks = draftOutline({ title: "某办法", versionLabel: "第二次征求意见稿", period: null }, [node("article", "第一条", "内容。")]);
    expect(blocks.map(blockText)).toEqual(["某办法", "（第二次征求意见稿）", "第一条\u3000内容。"]);
  });
});
