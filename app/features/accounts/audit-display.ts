// The audit log as staff read it: Chinese names for actions, objects and fields, and values in
// words (labels, 是/否, times in Asia/Shanghai) instead of the JSON the hash chain stores. Pure and
// browser-safe; the stored rows are never changed, since the chain hashes them as they are.
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/features/consultations";
import { CHANNEL_LABELS, DISPOSITION_LABELS, REJECT_REASON_LABELS } from "~/features/comments";
import { kindLabel } from "~/features/notices";
import { ROLE_LABELS } from "./roles";
import { formatDateTime } from "~/platform/dates";

const ACTION_LABELS: Record<string, string> = {
  "consultation.create": "新建征求意见",
  "consultation.edit": "修改草稿",
  "consultation.submit": "提交审核",
  "consultation.approve": "审核通过并发布",
  "consultation.return": "退回修改",
  "consultation.extend": "延长征求意见期",
  "consultation.withdraw": "撤回征求意见",
  "consultation.new_version": "发布新版本",
  "consultation.processing": "进入意见处理",
  "consultation.legal_submit": "报送合法性审查",
  "consultation.feedback_publish": "公布意见采纳情况",
  "legal_review.receive": "法制机构确认收到",
  "legal_review.finish": "法制机构审查完毕",
  "attachment.add": "上传附件",
  "attachment.remove": "删除附件",
  "comment.approve": "意见审核通过",
  "comment.reject": "意见不予公开",
  "comment.bulk_by_filter": "按筛选批量处理意见",
  "comment.attachment_review": "审核意见附件是否公开",
  "disposition.record": "记录采纳情况",
  "disposition.update": "修改采纳情况",
  "disposition.clear": "清除采纳情况",
  "summary.generate": "生成意见采纳情况说明初稿",
  "summary.regenerate": "重新生成意见采纳情况说明初稿",
  "summary.reopen": "重新修改意见采纳情况说明",
  "summary.save": "保存意见采纳情况说明",
  "summary.submit": "意见采纳情况说明提交审核",
  "summary.approve": "意见采纳情况说明审核通过",
  "summary.return": "意见采纳情况说明退回修改",
  "summary.publish": "公布意见采纳情况说明",
  "analysis.start": "开始意见分析",
  "analysis.finish": "意见分析完成",
  "analysis.fail": "意见分析失败",
  "topic.rename": "重命名主题",
  "topic.merge": "合并主题",
  "topic.split": "拆分主题",
  "topic.move": "移动意见",
  "topic.own_topic": "单列主题",
  "calendar.set": "设置工作日历",
  "calendar.remove": "删除工作日历设置",
  "user.create": "新建账号",
  "user.update": "修改账号",
  "user.login": "登录",
  "user.password_reset": "重置密码",
  "outbox.retry": "重新发送邮件",
};

const ENTITY_LABELS: Record<string, string> = {
  consultation: "征求意见",
  comment: "意见",
  feedback_summary: "意见采纳情况说明",
  disposition: "采纳情况",
  topic: "主题",
  user: "账号",
  calendar: "工作日历",
  email_outbox: "邮件",
  attachment: "附件",
};

const FIELD_LABELS: Record<string, string> = {
  title: "标题",
  docType: "文件类型",
  status: "状态",
  opensAt: "开始时间",
  closesAt: "截止时间",
  shortPeriodReason: "缩短期限的理由",
  withdrawnReason: "撤回理由",
  reason: "理由",
  rejectReason: "不予公开的理由",
  note: "说明",
  decision: "决定",
  changeMade: "条文修改",
  changeNote: "修改说明",
  label: "名称",
  articles: "条文数",
  filename: "文件名",
  attachment: "附件",
  isPublic: "公开",
  files: "附件",
  sha256: "SHA-256 校验值",
  body: "正文",
  authorId: "起草人编号",
  approvedBy: "审核人编号",
  topicId: "主题编号",
  newTopicId: "新主题编号",
  fromTopicId: "原主题编号",
  toTopicId: "目标主题编号",
  topicIds: "主题编号",
  commentIds: "意见编号",
  from: "原名称",
  targetId: "合并到主题编号",
  sourceIds: "被合并主题编号",
  labels: "被合并主题名称",
  commentId: "意见编号",
  articleIdentityId: "条文编号",
  runId: "分析编号",
  comments: "意见数",
  topics: "主题数",
  campaigns: "批量意见组数",
  error: "错误",
  username: "用户名",
  displayName: "姓名",
  email: "邮箱",
  role: "角色",
  divisionId: "处室编号",
  active: "启用",
  date: "日期",
  kind: "类型",
  receivedAt: "收到时间",
  finishedAt: "审查完毕时间",
  publishedBody: "公开文本",
  channel: "渠道",
  ip: "IP 地址",
};

const STATUS_BY_ENTITY: Record<string, Record<string, string>> = {
  consultation: { ...PHASE_LABELS, published: "已发布" },
  comment: { pending: "待审核", approved: "已公开", rejected: "不予公开" },
  feedback_summary: { draft: "起草中", pending_review: "待审核", approved: "已审核", published: "已公布" },
  email_outbox: { pending: "待发送", sending: "发送中", sent: "已发送", failed: "发送失败", held: "已保留" },
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  docType: DOC_TYPE_LABELS,
  role: ROLE_LABELS,
  rejectReason: REJECT_REASON_LABELS,
  channel: CHANNEL_LABELS,
  decision: { ...DISPOSITION_LABELS, approved: "同意", returned: "退回修改", rejected: "不予公开" },
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const LONG_TEXT = 120;

export const auditActionLabel = (action: string) => ACTION_LABELS[action] ?? action;

export function auditEntityLabel(entityType: string, entityId: string | null): string {
  const name = ENTITY_LABELS[entityType] ?? entityType;
  if (!entityId) return name;
  return entityType === "calendar" ? `${name} ${entityId}` : `${name}（编号 ${entityId}）`;
}

const fieldLabel = (key: string) => FIELD_LABELS[key] ?? key;

function valueText(key: string, value: unknown, entityType: string): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const label = key === "kind" && entityType === "email_outbox" ? kindLabel(value) : labelsFor(key, entityType)?.[value];
    if (label) return label;
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    return value.length > LONG_TEXT ? `${value.slice(0, LONG_TEXT)}…（共 ${value.length} 字）` : value;
  }
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, entityType)).join("、") || "（空）";
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k)}：${valueText(k, v, entityType)}`)
      .join("；");
  }
  return String(value);
}

function labelsFor(key: string, entityType: string): Record<string, string> | undefined {
  if (key === "status") return STATUS_BY_ENTITY[entityType];
  if (key === "kind" && entityType === "calendar") return { holiday: "放假", workday: "调休上班" };
  return VALUE_LABELS[key];
}

function parse(json: string | null): { object: Record<string, unknown> } | { raw: string } | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (value === null) return null;
    if (typeof value === "object" && !Array.isArray(value)) return { object: value as Record<string, unknown> };
    return { raw: valueText("", value, "") };
  } catch {
    return { raw: json };
  }
}

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * The fields an entry changed, each with its name and its values in words: only the fields that
 * differ when both sides are recorded, every field when only one side is.
 */
export function auditChanges(entry: { entityType: string; before: string | null; after: string | null }): AuditChange[] {
  const before = parse(entry.before);
  const after = parse(entry.after);
  if ((before && "raw" in before) || (after && "raw" in after)) {
    const raw = (side: typeof before) => (side ? ("raw" in side ? side.raw : valueText("", side.object, entry.entityType)) : null);
    return [{ field: "内容", before: raw(before), after: raw(after) }];
  }
  const b = before?.object;
  const a = after?.object;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys
    .filter((k) => !b || !a || JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({
      field: fieldLabel(k),
      before: b ? valueText(k, b[k], entry.entityType) : null,
      after: a ? valueText(k, a[k], entry.entityType) : null,
    }));
}
