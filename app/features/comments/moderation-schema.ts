// The moderation queue's words and forms: labels for stored codes, the GET filters and the four
// decisions. No database imports, so the browser bundle may use them too.
import { z } from "zod";
import { REJECT_REASONS, type PiiKind, type PublishPreference, type ScreenedField } from "~db/vocabulary";
import { COMMENT_MAX } from "./comment-schema";

export const QUEUE_STATUSES = ["pending", "approved", "rejected", "all"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  pending: "待审核",
  approved: "已公开",
  rejected: "不予公开",
  all: "全部",
};

export const QUEUE_PAGE_SIZE = 50;

export const PII_KIND_LABELS: Record<PiiKind | "other", string> = {
  phone: "手机号",
  landline: "电话号码",
  id_card: "身份证号",
  bank_card: "银行卡号",
  email: "邮箱",
  address: "地址",
  qq: "QQ号",
  wechat: "微信号",
  plate: "车牌号",
  passport: "护照号",
  certificate: "证件号",
  name: "姓名",
  other: "个人信息",
};

/** Short forms for the queue; the comment form itself uses PUBLISH_LABELS' longer sentences. */
export const PUBLISH_PREFERENCE_SHORT: Record<PublishPreference, string> = {
  named: "实名公开",
  anonymous: "匿名公开",
  private: "不公开",
};

export const REDACTION_STATUS_LABELS = {
  proposed: "待确认",
  accepted: "已隐去",
  dismissed: "已保留",
} as const;

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1")
  .catch(false);

/**
 * Filters come from a link or a GET form, so a malformed value falls back to its default rather
 * than failing the page: a moderator who edits the address by hand still gets a queue.
 */
export const QueueFilterSchema = z.object({
  status: z.enum(QUEUE_STATUSES).catch("pending"),
  article: z.coerce.number().int().positive().max(9999).optional().catch(undefined),
  pii: flag,
  campaign: flag,
  /** Detections nobody has reviewed yet (待确认): what bulk approval holds back. */
  unreviewed: flag,
  offTopic: flag,
  duplicate: flag,
  marked: flag,
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type QueueFilters = z.infer<typeof QueueFilterSchema>;

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  return QueueFilterSchema.parse(Object.fromEntries(params));
}

/** The filters as URL parameters, defaults left out, so links stay short and shareable. */
export function queueSearch(f: QueueFilters, overrides: Partial<QueueFilters> = {}): string {
  const v = { ...f, ...overrides };
  const params = new URLSearchParams();
  if (v.status !== "pending") params.set("status", v.status);
  if (v.article) params.set("article", String(v.article));
  if (v.pii) params.set("pii", "1");
  if (v.campaign) params.set("campaign", "1");
  for (const key of ["unreviewed", "offTopic", "duplicate", "marked"] as const) if (v[key]) params.set(key, "1");
  if (v.q) params.set("q", v.q);
  if (v.page > 1) params.set("page", String(v.page));
  return `?${params}`;
}

const commentId = z.coerce.number({ error: "未指定意见。" }).int().positive("未指定意见。");
const reason = z.enum(REJECT_REASONS, { error: "请选择不予公开的理由。" });
const note = z
  .string()
  .trim()
  .max(500, "说明不能超过 500 字。")
  .optional()
  .transform((v) => v || null);

/** Absent: the detector's proposal stands; empty: the field is not published. */
const publishedLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `公开的${label}不能超过 ${max} 个字符。`)
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));

export const ApproveSchema = z.object({
  commentId,
  publishedName: publishedLine("姓名", 50),
  publishedOrganisation: publishedLine("单位", 100),
  publishedBody: z
    .string({ error: "请填写公开文本。" })
    .trim()
    .min(1, "请填写公开文本；不宜公开的意见请选择“不予公开”。")
    .max(COMMENT_MAX + 1000, "公开文本过长。"),
  confirmNoPii: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export const RejectSchema = z.object({ commentId, reason, note });

const selectedIds = z
  .union([z.string(), z.array(z.string())], { error: "请先勾选要处理的意见。" })
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{1,12}$/, "所选意见无效。")
          .transform(Number)
      )
      .min(1, "请先勾选要处理的意见。")
      .max(200, "一次最多处理 200 条意见。")
  );

export const BulkApproveSchema = z.object({ ids: selectedIds });

/** What a bulk action by filter does to every comment the filter matches. */
export const BULK_ACTIONS = ["approve", "reject", "mark", "unmark"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  approve: "通过并公开",
  reject: "不予公开",
  mark: "加标记",
  unmark: "取消标记",
};

/** The GET step: which action the moderator asks to confirm (the filters travel as the queue's own parameters). */
export const BulkRequestSchema = z
  .object({
    bulk: z.enum(BULK_ACTIONS, { error: "请选择要执行的操作。" }),
    bulkReason: z.enum(REJECT_REASONS).optional().catch(undefined),
  })
  .refine((v) => v.bulk !== "reject" || v.bulkReason, { message: "请选择不予公开的理由。", path: ["bulkReason"] });

/** The POST step: the confirmed action, with the count and the token of the set the moderator saw. */
export const BulkByFilterSchema = z
  .object({
    bulk: z.enum(BULK_ACTIONS, { error: "请选择要执行的操作。" }),
    bulkReason: z.enum(REJECT_REASONS).optional().catch(undefined),
    count: z.coerce.number({ error: "确认信息无效，请重新确认。" }).int().min(0),
    token: z.string({ error: "确认信息无效，请重新确认。" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "确认信息无效，请重新确认。"),
  })
  .refine((v) => v.bulk !== "reject" || v.bulkReason, { message: "请选择不予公开的理由。", path: ["bulkReason"] });
export const BulkRejectSchema = z.object({ ids: selectedIds, reason });

/** The comment fields the publication screen reads (publication-screen.ts), as staff see them. */
export const FIELD_LABELS: Record<ScreenedField, string> = { body: "意见内容", name: "姓名", organisation: "单位" };
