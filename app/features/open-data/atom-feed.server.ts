// The Atom 1.0 (RFC 4287) feed of public consultations. Feed readers and the provincial portal
// key entries on <id>, so an entry's id is its page's absolute URL and never changes.
import { formatDateTime } from "~/platform/dates";
import { el, escapeHtml, renderXml, type XmlNode } from "~/platform/xml";
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/features/consultations";
import { consultationApiUrl, consultationUrl, feedbackUrl, isoShanghai } from "./syndication.server";
import type { SyndicationRow } from "./syndication-query.server";

export const FEED_PATH = "/feeds/consultations.atom";
export const FEED_LIMIT = 50;
export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/**
 * The entry's body as HTML: what a reader needs to decide whether to read the draft. User text
 * is escaped here as HTML and the whole is escaped again as XML by the writer; readers undo the
 * second layer and render the first, so a title with <script> shows as text.
 * The comment count is left out on purpose: it changes without the entry's <updated> changing.
 */
export function entryHtml(row: SyndicationRow, url: string): string {
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const parts = row.summary
    .split(/\n+/)
    .filter((line) => line.trim() !== "")
    .map(p);
  if (row.opensAt && row.closesAt) {
    parts.push(p(`征求意见期：${formatDateTime(row.opensAt)} 至 ${formatDateTime(row.closesAt)}（北京时间）`));
  }
  if (row.shortPeriodReason) parts.push(p(`征求意见期较短的理由：${row.shortPeriodReason}`));
  parts.push(p(`状态：${PHASE_LABELS[row.phase]}；文件类型：${DOC_TYPE_LABELS[row.docType]}；起草处室：${row.divisionName}`));
  if (row.phase === "withdrawn" && row.withdrawnReason) parts.push(p(`撤回理由：${row.withdrawnReason}`));
  if (row.phase === "feedback_published") {
    parts.push(`<p><a href="${escapeHtml(`${url}/feedback`)}">查看意见采纳情况说明和逐条答复</a></p>`);
  }
  parts.push(`<p><a href="${escapeHtml(url)}">查看草案全文、起草说明并提出意见</a></p>`);
  return parts.join("\n");
}

function entry(row: SyndicationRow, baseUrl: string): XmlNode {
  const url = consultationUrl(baseUrl, row.id);
  return el(
    "entry",
    {},
    el("id", {}, url),
    el("title", { type: "text" }, row.title),
    el("updated", {}, isoShanghai(row.changedAt)),
    el("published", {}, isoShanghai(row.publishedAt ?? row.createdAt)),
    el("link", { rel: "alternate", type: "text/html", href: url }),
    el("link", { rel: "related", type: "application/json", href: consultationApiUrl(baseUrl, row.id) }),
    // Publishing the feedback changes <updated> too (see lastChangedAtSql), so readers see the entry again.
    ...(row.phase === "feedback_published"
      ? [el("link", { rel: "related", type: "text/html", href: feedbackUrl(baseUrl, row.id), title: "意见采纳情况说明" })]
      : []),
    // scheme + term is the API query listing the same kind: the terms are the API's vocabularies.
    el("category", { scheme: `${baseUrl}/api/v1/consultations?doc_type=`, term: row.docType, label: DOC_TYPE_LABELS[row.docType] }),
    el("category", { scheme: `${baseUrl}/api/v1/consultations?status=`, term: row.phase, label: PHASE_LABELS[row.phase] }),
    ...(row.summary.trim() ? [el("summary", { type: "text" }, row.summary)] : []),
    el("content", { type: "html" }, entryHtml(row, url))
  );
}

export function renderConsultationsFeed({
  rows,
  baseUrl,
  departmentName,
  updated,
}: {
  rows: SyndicationRow[];
  baseUrl: string;
  departmentName: string;
  /** The feed's <updated>: the latest change to any public consultation. */
  updated: Date;
}): string {
  const self = `${baseUrl}${FEED_PATH}`;
  return renderXml(
    el(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": "zh-CN" },
      el("id", {}, self),
      el("title", { type: "text" }, `${departmentName} 公开征求意见`),
      el("subtitle", { type: "text" }, "行政决策草案、规章和行政规范性文件公开征求意见"),
      el("updated", {}, isoShanghai(updated)),
      el("link", { rel: "self", type: "application/atom+xml", href: self }),
      el("link", { rel: "alternate", type: "text/html", href: `${baseUrl}/` }),
      el("author", {}, el("name", {}, departmentName), el("uri", {}, `${baseUrl}/`)),
      el("generator", {}, "征求 Zhengqiu"),
      ...rows.map((row) => entry(row, baseUrl))
    )
  );
}
