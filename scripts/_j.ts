import fs from "node:fs";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { findNames } from "~/analysis/pii-names";
const j = Jieba.withDict(dict);
console.log(JSON.stringify(j.tag("黄金周期间周末", true)));
const texts: string[] = [];
for (const f of ["corpus/comments.jsonl", "data/zh_tipdm2020c_attach2_sample_labelled.jsonl", "data/zh_tipdm2020c_attach3_hot_issue_messages.jsonl", "data/zh_tipdm2020c_attach4_messages_with_replies.jsonl"])
  for (const l of fs.readFileSync("/work/shared/" + f, "utf8").split("\n")) if (l.trim()) texts.push(JSON.parse(l).text);
const counts = new Map<string, number>();
let flagged = 0;
const t0 = performance.now();
for (const t of texts) {
  const n = findNames(t);
  if (n.length) flagged++;
  for (const m of n) { const k = t.slice(m.start, m.end) + "/" + m.confidence; counts.set(k, (counts.get(k) ?? 0) + 1); }
}
console.log("ms", performance.now() - t0, "texts", texts.length, "flagged", flagged);
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 150).map(([k, v]) => `${k}:${v}`).join(" "));
