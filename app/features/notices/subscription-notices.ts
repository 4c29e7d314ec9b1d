// Notices to the public who subscribed: confirmation (double opt-in), welcome, new consultations
// and closing reminders. Every mail after confirmation ends with its one-click unsubscribe link.
import { DOC_TYPE_LABELS } from "~/features/consultations";
import { formatDateTime } from "~/platform/dates";
import { env } from "~/platform/env.server";
import type { DocType } from "~db/vocabulary";
import { oneLine, renderNotice } from "./layout";

const title = (t: string) => `《${oneLine(t).replace(/^《|》$/g, "")}》`;

function unsubscribeBlocks(scopeLabel: string, unsubscribeLink: string) {
  return [`您收到本邮件，是因为您订阅了：${scopeLabel}。如不再需要，可随时退订：`, { link: unsubscribeLink, label: "退订本订阅" }];
}

export function confirmSubscriptionNotice(input: { scopeLabel: string; confirmLink: string }) {
  return renderNotice("请确认订阅征求意见通知", [
    "您好！",
    `有人（可能是您本人）在征求意见平台上用本邮箱订阅了：${input.scopeLabel}。`,
    "请点击下面的链接确认订阅。确认之前，我们不会向您发送任何通知；链接 7 天内有效。",
    { link: input.confirmLink, label: "确认订阅" },
    "如果这不是您本人的操作，请忽略本邮件，您不会收到任何通知。",
  ]);
}

export function welcomeNotice(input: { scopeLabel: string; unsubscribeLink: string; follow?: boolean }) {
  const what = input.follow
    ? "今后该征求意见延长期限、截止征求意见、公布意见采纳情况时，我们会邮件告知您。"
    : "今后有新的征求意见发布、征求意见即将截止时，我们会邮件告知您。";
  return renderNotice("订阅已生效：征求意见通知", [
    "您好！",
    `您的订阅已确认：${input.scopeLabel}。${what}`,
    ...unsubscribeBlocks(input.scopeLabel, input.unsubscribeLink),
  ]);
}

export function alreadySubscribedNotice(input: { scopeLabel: string; unsubscribeLink: string }) {
  return renderNotice("您已订阅征求意见通知", [
    "您好！",
    `有人在征求意见平台上再次用本邮箱订阅了：${input.scopeLabel}。该订阅此前已经生效，无需再次确认。`,
    ...unsubscribeBlocks(input.scopeLabel, input.unsubscribeLink),
  ]);
}

interface ConsultationFacts {
  id: number;
  title: string;
  docType: DocType;
  divisionName: string;
  summary: string;
  opensAt: Date | null;
  closesAt: Date | null;
}

const pageLink = (id: number) => `${env().PUBLIC_URL}/consultations/${id}`;

export function newConsultationNotice(c: ConsultationFacts, input: { scopeLabel: string; unsubscribeLink: string }) {
  const period = c.opensAt && c.closesAt ? `征求意见期：${formatDateTime(c.opensAt)} 至 ${formatDateTime(c.closesAt)}` : "";
  return renderNotice(`新的征求意见：${title(c.title)}`, [
    "您好！",
    `${env().DEPARTMENT_NAME}发布了${title(c.title)}，公开征求社会公众意见。`,
    [`文件类型：${DOC_TYPE_LABELS[c.docType]}`, `起草处室：${oneLine(c.divisionName)}`, period].filter(Boolean).join("\n"),
    ...(c.summary.trim() ? [c.summary.trim().slice(0, 300)] : []),
    { link: pageLink(c.id), label: "阅读草案并提出意见" },
    ...unsubscribeBlocks(input.scopeLabel, input.unsubscribeLink),
  ]);
}

export function closingReminderNotice(c: ConsultationFacts & { closesAt: Date }, input: { scopeLabel: string; unsubscribeLink: string }) {
  return renderNotice(`征求意见即将截止：${title(c.title)}`, [
    "您好！",
    `${title(c.title)}将于 ${formatDateTime(c.closesAt)} 截止征求意见。如您有意见或建议，请在截止前提交。`,
    { link: pageLink(c.id), label: "阅读草案并提出意见" },
    ...unsubscribeBlocks(input.scopeLabel, input.unsubscribeLink),
  ]);
}

export type FollowEvent = "extended" | "closed" | "published";

/** To those who follow one consultation: its period extended, its period over, its feedback published. */
export function followNotice(
  event: FollowEvent,
  c: { id: number; title: string; closesAt: Date | null },
  input: { scopeLabel: string; unsubscribeLink: string }
) {
  const blocks =
    event === "extended"
      ? {
          subject: `征求意见期已延长：${title(c.title)}`,
          lines: [
            `${title(c.title)}的征求意见期已延长${c.closesAt ? `，新的截止时间为 ${formatDateTime(c.closesAt)}` : ""}。如您有意见或建议，请在截止前提交。`,
          ],
          link: { link: pageLink(c.id), label: "阅读草案并提出意见" },
        }
      : event === "closed"
      ? {
          subject: `征求意见已截止：${title(c.title)}`,
          lines: [
            `${title(c.title)}已于 ${
              c.closesAt ? formatDateTime(c.closesAt) : ""
            } 截止征求意见。起草部门将研究全部意见，并公布意见采纳情况，届时我们会再次告知您。`,
          ],
          link: { link: pageLink(c.id), label: "查看征求意见" },
        }
      : {
          subject: `意见采纳情况已公布：${title(c.title)}`,
          lines: [`${title(c.title)}的意见采纳情况说明已经公布，您可以查看收到的意见和起草部门的处理情况。`],
          link: { link: `${pageLink(c.id)}/feedback`, label: "查看意见采纳情况" },
        };
  return renderNotice(blocks.subject, ["您好！", ...blocks.lines, blocks.link, ...unsubscribeBlocks(input.scopeLabel, input.unsubscribeLink)]);
}
