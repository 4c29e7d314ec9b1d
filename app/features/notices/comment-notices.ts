import { env } from "~/platform/env.server";
import { statusToken } from "~/features/comments/index.server";
import { formatDateTime } from "~/platform/dates";
import { renderNotice, oneLine } from "./layout";

/**
 * The status page of this receipt, opened at once by a signed token. The check code is only in the
 * mail's text: a link with the code would leave it in the history of whatever browser opens the
 * mail; the token shows the status and nothing more.
 */
export function statusLink(receiptNo: string): string {
  return `${env().PUBLIC_URL}/status/${encodeURIComponent(receiptNo)}/${statusToken(receiptNo)}`;
}

export function receiptNotice(input: { consultationTitle: string; receiptNo: string; checkCode: string; receivedAt: Date; verifyLink?: string }) {
  return renderNotice(`意见回执 ${input.receiptNo}：${oneLine(input.consultationTitle)}`, [
    "您好！",
    `我们已于 ${formatDateTime(input.receivedAt)} 收到您对《${oneLine(input.consultationTitle).replace(/^《|》$/g, "")}》提出的意见。`,
    `回执编号：${input.receiptNo}\n查询码：${input.checkCode}`,
    ...(input.verifyLink
      ? ["本次征求意见要求确认电子邮箱。请点击下面的链接确认，确认后您的意见方计入有效意见：", { link: input.verifyLink, label: "确认电子邮箱" }]
      : []),
    "您的意见将经审核后按您选择的方式公开，意见处理情况可凭回执编号和查询码在此查询：",
    { link: statusLink(input.receiptNo), label: "查询意见处理情况" },
  ]);
}
