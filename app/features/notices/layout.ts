import { env } from "~/platform/env.server";

export interface Notice {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]!));

/** Subjects are single lines: a line break in a name or title must never start a new header. */
export const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

type Block = string | { link: string; label: string };

/** One layout for every notice: a greeting, paragraphs or links, and the department's footer. */
export function renderNotice(subject: string, blocks: Block[]): Notice {
  const e = env();
  const footer = [
    `${e.DEPARTMENT_NAME}`,
    `地址：${e.DEPARTMENT_ADDRESS}　电话：${e.DEPARTMENT_PHONE}　${e.DEPARTMENT_HOURS}`,
    "本邮件由征求意见平台自动发送，请勿直接回复。",
  ];
  const text = [...blocks.map((b) => (typeof b === "string" ? b : `${b.label}：${b.link}`)), "", "——", ...footer].join("\n\n");
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(subject))}</title></head>
<body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#1b1f24;line-height:1.7;max-width:40rem;margin:0 auto;padding:1rem">
<div style="border-top:6px solid #a8141b;padding-top:0.5rem;font-weight:700">${escapeHtml(e.DEPARTMENT_NAME)} · 征求意见平台</div>
${blocks
  .map((b) =>
    typeof b === "string"
      ? `<p>${escapeHtml(b).replace(/\n/g, "<br>")}</p>`
      : `<p><a href="${escapeHtml(b.link)}" style="color:#0a4d8c">${escapeHtml(b.label)}</a></p>`
  )
  .join("\n")}
<hr style="border:0;border-top:1px solid #d5d9e0">
<p style="font-size:0.85rem;color:#4b5563">${footer.map(escapeHtml).join("<br>")}</p>
</body></html>`;
  return { subject: oneLine(subject), text, html };
}
