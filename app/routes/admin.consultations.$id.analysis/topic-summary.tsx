import type { ViewData } from "~/features/analysis/index.server";

type Summary = Extract<ViewData, { kind: "topic" }>["topic"]["summary"];

/**
 * The topic's distinct arguments, each with how many comments make it and the receipts of the comments it rests
 * on (docs/decisions/0043). A cited comment on this page is a link to it; the others are named by receipt.
 */
export function TopicSummaryList({ summary, onPage }: { summary: Summary; onPage: ReadonlySet<number> }) {
  if (summary.length === 0) return null;
  const rephrased = summary.some((s) => s.extractiveText !== null);
  return (
    <section aria-labelledby="topic-summary-title" className="topic-summary">
      <h3 id="topic-summary-title">意见摘要</h3>
      <p className="hint">
        {rephrased ? "由本单位部署的模型据原文摘录改写，摘录附后；" : "摘录自意见原文；"}
        个人信息已隐去，同一模板来信计为 1 条。每句注明所依据意见的回执编号。
      </p>
      <ol>
        {summary.map((s, k) => (
          <li key={k}>
            <p>{s.text}</p>
            {s.extractiveText ? <p className="meta">原文摘录：{s.extractiveText}</p> : null}
            <p className="meta">
              依据：
              {s.cited.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? "、" : ""}
                  {onPage.has(c.id) ? <a href={`#comment-${c.id}`}>{c.receiptNo}</a> : c.receiptNo}
                </span>
              ))}
              {s.count > s.cited.length ? `（列出 ${s.cited.length} 条，共 ${s.count} 条）` : ""}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
