// What the packet says, independent of format: the DOCX and the PDF render the same blocks, so
// the two files the legal office may receive never differ in content.
import type { Count } from "~/features/packet/packet-stats.server";
import type { Packet } from "~/features/packet/packet.server";
import { toChineseNumeral } from "~/engine/chinese-numerals";
import { formatDateTime } from "~/platform/dates";

export type Block =
  | { kind: "title"; text: string }
  | { kind: "subtitle"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "note"; text: string }
  /** 落款: the department and the date, right-aligned under the text. */
  | { kind: "signature"; text: string }
  /** `weights`: relative column widths, where the first column should not take half the table. */
  | { kind: "table"; headers: string[]; rows: string[][]; weights?: number[] };

export interface PacketOutline {
  /** The portrait part: title, summary, 送审稿, 起草说明, 修改对照表, statistics, moderation record, index. */
  front: Block[];
  /** The landscape part: the register's heading and introduction; the table follows them. */
  registerIntro: Block[];
  /** Said after the table; for a consultation without comments, instead of rows. */
  registerEnd: Block[];
}

export const INTERNAL_MARK = "内部资料";

// The summary is a document of its own, with its own title and 一、二、 headings; the packet's
// parts are therefore 第一部分, 第二部分 … so the two numberings never read as one.
const SUMMARY_TITLE = /^关于.{2,120}的说明$/;
const SUMMARY_HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）).{0,40}$/;

const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const part = (n: number, title: string): Block => ({ kind: "heading", text: `第${toChineseNumeral(n)}部分　${title}` });

const percent = (n: number, total: number) => (total ? `${((n / total) * 100).toFixed(1)}%` : "—");

function countTable(first: string, counts: Count[], total: number): Block {
  return { kind: "table", headers: [first, "条数", "占比"], rows: counts.map((c) => [c.label, String(c.count), percent(c.count, total)]) };
}

function period(p: Packet): string {
  const { opensAt, closesAt } = p.meta;
  return opensAt && closesAt ? `${formatDateTime(opensAt)} 至 ${formatDateTime(closesAt)}` : "未设置";
}

function summaryBlocks(p: Packet, n: number): Block[] {
  const heading = part(n, `意见采纳情况说明（${p.summary.note}）`);
  if (!p.summary.text) return [heading, { kind: "note", text: "起草处室尚未起草意见采纳情况说明。" }];
  const lines = p.summary.text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  // The 落款 closes the text: the department above a date, both right-aligned.
  const signed = lines.length >= 3 && DATE_LINE.test(lines.at(-1)!) && lines.at(-2)!.length <= 40 ? 2 : 0;
  const body = lines.slice(0, lines.length - signed);
  const drafted: Block[] =
    p.summary.source === "drafted" ? [{ kind: "note", text: "起草处室尚未保存意见采纳情况说明，以下为平台根据意见处理情况生成的初稿" }] : [];
  return [
    heading,
    ...drafted,
    ...body.map(
      (text): Block =>
        SUMMARY_TITLE.test(text) ? { kind: "subtitle", text } : SUMMARY_HEADING.test(text) ? { kind: "subheading", text } : { kind: "paragraph", text }
    ),
    ...lines.slice(lines.length - signed).map((text): Block => ({ kind: "signature", text })),
  ];
}

/** 送审稿: the latest version's text as entered, line by line. */
function finalDraftBlocks(p: Packet, n: number): Block[] {
  const { final, consulted } = p.draft;
  if (!final) return [part(n, "送审稿"), { kind: "note", text: "尚无草案文本。" }];
  const same = consulted?.versionNo === final.versionNo;
  const lines = final.text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [
    part(n, "送审稿"),
    { kind: "note", text: same ? `征求意见后未形成新版本，送审稿即${final.label}` : `${final.label}（第${final.versionNo}版）` },
    ...lines.map((text): Block => (/^第[一二三四五六七八九十百]+[章节]/.test(text) ? { kind: "subheading", text } : { kind: "paragraph", text })),
  ];
}

function basisBlocks(p: Packet, n: number): Block[] {
  const lines = p.draft.basis
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [
    part(n, "起草说明"),
    ...(lines.length ? lines.map((text): Block => ({ kind: "paragraph", text })) : [{ kind: "note", text: "起草处室未填写起草说明。" } as Block]),
  ];
}

/** 修改对照表: each changed article, its old and new text, and the opinions that led to the change. */
function changeBlocks(p: Packet, n: number): Block[] {
  const { changes, unchanged, consulted, final } = p.draft;
  const heading = part(n, "修改对照表");
  if (!consulted || !final || consulted.versionNo === final.versionNo) return [heading, { kind: "note", text: "征求意见后未形成新版本，条文未作修改" }];
  return [
    heading,
    { kind: "paragraph", text: `下表对照${consulted.label}与送审稿（${final.label}），列出修改的${changes.length}条及修改依据；其余${unchanged}条未作修改。` },
    {
      kind: "table",
      headers: ["条款", `${consulted.label}`, "送审稿", "修改依据（采纳的意见）"],
      weights: [10, 30, 30, 30],
      rows: changes.map((c) => [
        c.from && c.to && c.from !== c.to ? `${c.from}→${c.to}` : c.to ?? `${c.from}（删除）`,
        c.oldText || "（新增）",
        c.newText || "（删除）",
        c.grounds.join("\n") || "—",
      ]),
    },
  ];
}

function indexBlocks(p: Packet, n: number): Block[] {
  const heading = part(n, "意见登记表索引（按条款）");
  if (!p.draft.index.length) return [heading, { kind: "note", text: "本次征求意见未收到意见" }];
  return [
    heading,
    { kind: "paragraph", text: "按条款列出意见登记表中相应意见的序号；一条意见涉及多个条款的，在每个条款下各列一次。" },
    {
      kind: "table",
      headers: ["条款", "条数", "意见登记表序号"],
      weights: [15, 10, 75],
      rows: p.draft.index.map((e) => [e.label, String(e.count), e.numbers]),
    },
  ];
}

function statisticsBlocks(p: Packet, n: number): Block[] {
  const { stats } = p;
  if (stats.received === 0) return [part(n, "意见统计"), { kind: "paragraph", text: "本次征求意见未收到意见。" }];
  return [
    part(n, "意见统计"),
    {
      kind: "paragraph",
      text: `本次征求意见共收到意见 ${stats.received} 条，来自 ${stats.commenters} 位提出人（同一邮箱或同一姓名和单位计为一位，未署名的意见各计一位）。`,
    },
    { kind: "subheading", text: "一、按提交渠道" },
    countTable("渠道", stats.byChannel, stats.received),
    { kind: "subheading", text: "二、按提出人身份" },
    countTable("身份", stats.byIdentity, stats.received),
    { kind: "subheading", text: "三、按采纳情况" },
    countTable("采纳情况", stats.byDisposition, stats.received),
    { kind: "subheading", text: "四、按条款" },
    {
      kind: "paragraph",
      text: "按提出人所选、工作人员标注和意见中明确提及的条款统计；一条意见涉及多个条款的，在每个条款下各计一次；未涉及具体条款的计入总体意见。",
    },
    { kind: "table", headers: ["条款", "条数"], rows: stats.byArticle.map((a) => [a.label, String(a.count)]) },
  ];
}

function moderationBlocks(p: Packet, n: number): Block[] {
  const m = p.moderation;
  const kinds = m.redactionsByKind.map((k) => `${k.label} ${k.count} 处`).join("，");
  const blocks: Block[] = [
    part(n, "意见审核记录"),
    { kind: "paragraph", text: "意见按照“先审查、后发布”的要求经人工审核后公开；未予公开的意见仍计入征求意见记录和意见登记表。" },
  ];
  if (p.stats.received === 0) return blocks;
  blocks.push(countTable("审核结果", m.byStatus, p.stats.received));
  if (m.byRejectReason.length) {
    blocks.push({ kind: "subheading", text: "不予公开的理由" }, countTable("理由", m.byRejectReason, p.stats.received));
  }
  blocks.push({
    kind: "paragraph",
    text:
      `含有个人信息的意见 ${m.withPersonalData} 条${kinds ? `，公开文本中已隐去${kinds}` : ""}；` +
      `提出人选择不公开的意见 ${m.keptPrivate} 条。本材料所附意见登记表载有意见原文，仅供审查使用。`,
  });
  return blocks;
}

export function packetOutline(p: Packet): PacketOutline {
  const lr = p.legalReview;
  const front: Block[] = [
    { kind: "title", text: p.meta.title },
    { kind: "subtitle", text: "公开征求意见情况（合法性审查材料）" },
    { kind: "paragraph", text: `起草单位：${p.meta.department}${p.meta.divisionName}` },
    { kind: "paragraph", text: `文件类型：${p.meta.docType}；当前状态：${p.meta.phase}` },
    { kind: "paragraph", text: `征求意见期：${period(p)}` },
    {
      kind: "paragraph",
      text: lr ? `报送法制审核：${formatDateTime(lr.submittedAt)}（${lr.submittedBy}）${lr.round > 1 ? `，第 ${lr.round} 轮` : ""}` : "报送法制审核：尚未报送",
    },
    { kind: "paragraph", text: `材料生成时间：${formatDateTime(p.generatedAt)}` },
    ...summaryBlocks(p, 1),
    ...finalDraftBlocks(p, 2),
    ...basisBlocks(p, 3),
    ...changeBlocks(p, 4),
    ...statisticsBlocks(p, 5),
    ...moderationBlocks(p, 6),
    ...indexBlocks(p, 7),
  ];
  return {
    front,
    registerIntro: [
      part(8, "意见登记表"),
      { kind: "paragraph", text: `下表列出收到的全部 ${p.registerCount} 条意见，按收到时间排序；意见内容为原文，含提出人信息，仅供合法性审查使用。` },
    ],
    registerEnd: p.registerCount ? [{ kind: "paragraph", text: `（共 ${p.registerCount} 条）` }] : [{ kind: "note", text: "本次征求意见未收到意见。" }],
  };
}
