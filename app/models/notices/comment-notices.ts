import { env } from "~/utils/env.server";
import { formatDateTime } from "~/utils/dates";
import { renderNotice, oneLine } from "./layout";

export function statusLink(receiptNo: string, code: string): string {
  return `${env().PUBLIC_URL}/status?receipt=${encodeURIComponent(receiptNo)}&code=${encodeURIComponent(code)}`;
}

export function receiptNotice(input: {
  consultationTitle: string;
  receiptNo: string;
  checkCode: string;
  receivedAt: Date;
  verifyLink?: string;
}) {
  return renderNotice(`意见回执 ${input.receiptNo}：${oneLine(input.consultationTitle)}`, [
    "您好！",
    `我们已于 ${formatDateTime(input.receivedAt)} 收到您对《${oneLine(input.consultationTitle).replace(/^《|》$/g, "")}》提出的意见。`,
    `回执编号：${input.receiptNo}\n查询码：${input.checkCode}`,
    ...(input.verifyLink
      ? ["本次征求意见要求确认电子邮箱。请点击下面的链接确认，确认后您的意见方计入有效意见：", { link: input.verifyLink, label: "确认电子邮箱" }]
      : []),
    "您的意见将经审核后按您选择的方式公开，意见处理情况也将在此查询：",
    { link: statusLink(input.receiptNo, input.checkCode), label: "查询意见处理情况" },
  ]);
}
