// The public title the workspace proposes for a topic, for staff to confirm or rewrite: the
// working label cleaned of what must never be published. It is only a proposal; nothing is public
// until staff approve a title (topic-titles.ts).
import { TOO_FEW_LABEL } from "~/engine/small-consultation";
import { screenText } from "~/features/comments/index.server";

const CATCH_ALL: Record<string, string> = {
  "其他（未归类）": "其他意见",
  // A consultation too small for topics: one bucket of every comment not in a campaign or staff topic.
  [TOO_FEW_LABEL]: "综合意见",
  其他: "其他意见",
  无实质内容: "未提出具体意见的来信",
};

/** The label without working markers or anything the publication screen finds (names, contacts). */
export function proposedPublicTitle(topic: { label: string; noSubstance?: boolean }): string {
  const label = topic.label.trim();
  if (CATCH_ALL[label]) return CATCH_ALL[label];
  if (topic.noSubstance) return CATCH_ALL["无实质内容"];
  // "张主任交办：创业贷款", "处内简称：甲组": what precedes a colon is a working note, not the subject.
  const subject = label.includes("：") ? label.slice(label.lastIndexOf("：") + 1) : label;
  const withoutMarkers = subject.replace(/[（(][^）)]*(未归类|待定|暂定|草)[^）)]*[）)]/g, "");
  const found = screenText(withoutMarkers);
  let text = withoutMarkers;
  for (const m of [...found].sort((a, b) => b.start - a.start)) text = text.slice(0, m.start) + text.slice(m.end);
  const cleaned = text
    .split(/[、,，;；·|/]+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .join("、");
  return cleaned || "其他意见";
}
