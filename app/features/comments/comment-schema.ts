import { z } from "zod";
import { CHANNELS, PUBLISH_PREFERENCES } from "~db/vocabulary";

// A lawyer's full submission fits; longer material goes in attachments (docs/decisions/0020-long-comments-and-attachments.md).
export const COMMENT_MAX = 20000;

/** The refusal, with the count over, so that the person knows how much to cut. */
export const overLimitMessage = (length: number) =>
  `意见内容超出 ${length - COMMENT_MAX} 字（共 ${length} 字，上限 ${COMMENT_MAX} 字）。请精简，或将较长的材料作为附件上传；您填写的内容已全部保留。`;

const optionalLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符。`)
    .optional()
    .transform((v) => (v ? v : null));

const articleNumbers = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{1,4}$/, "所选条款无效。")
          .transform(Number)
      )
      .max(200, "所选条款过多。")
  );

/** The public comment form; the same fields, plus channel and date, for comments staff enter. */
export const CommentSchema = z.object({
  body: z
    .string({ error: "请填写意见内容。" })
    .trim()
    .min(1, "请填写意见内容。")
    .check((ctx) => {
      if (ctx.value.length > COMMENT_MAX) ctx.issues.push({ code: "custom", message: overLimitMessage(ctx.value.length), input: ctx.value });
    }),
  articles: articleNumbers,
  name: optionalLine("姓名", 50),
  organisation: optionalLine("单位", 100),
  identityCategory: z.string({ error: "请选择身份类别。" }).trim().min(1, "请选择身份类别。").max(20, "身份类别无效。"),
  email: z
    .string()
    .trim()
    .max(254, "邮箱地址过长。")
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, "请输入有效的邮箱地址，例如 name@example.com。")
    .transform((v) => (v ? v.toLowerCase() : null)),
  publishPreference: z.enum(PUBLISH_PREFERENCES, { error: "请选择是否公开。" }),
  // 关注本条意见: the email hears the answer when the feedback is published.
  notifyResult: z
    .literal("on", { error: "“处理结果告知”选项无效。" })
    .optional()
    .transform((v) => v === "on"),
  consent: z.literal("on", { error: "请阅读并同意意见处理说明。" }),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "表单已过期，请刷新页面后重新提交。"),
  // Filled only by bots: the field is hidden from people and from assistive technology.
  website: z.string().max(0, "提交失败，请刷新页面后重试。").optional(),
});

/** The identity recorded for 部门来函: the sending department is named in 单位 (organisation). */
export const DEPARTMENT_IDENTITY = "政府部门";

export const StaffCommentSchema = CommentSchema.omit({ consent: true, website: true }).extend({
  // For 部门来函 only: the sending department, recorded as the comment's organisation.
  department: optionalLine("来函部门", 100),
  // A letter or a call that left an email address is told the result, as it always was.
  notifyResult: z
    .unknown()
    .optional()
    .transform(() => true),
  channel: z.enum(CHANNELS, { error: "请选择收到意见的渠道。" }).refine((c) => c !== "web", "网上提交的意见无需代录。"),
  receivedOn: z
    .string({ error: "请填写收到日期。" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "请按“年-月-日”填写收到日期。")
    .transform((v) => new Date(`${v}T12:00:00+08:00`))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() <= Date.now() + 86_400_000, "收到日期无效或晚于今天。"),
  // Only for a letter received after the period: the postmark shows it was sent in time.
  postmarkedOn: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), "请按“年-月-日”填写邮戳日期。")
    .transform((v) => (v ? new Date(`${v}T12:00:00+08:00`) : null))
    .refine((d) => d === null || !Number.isNaN(d.getTime()), "邮戳日期无效。"),
  lateReason: z
    .string()
    .trim()
    .max(500, "理由不能超过 500 个字符。")
    .optional()
    .transform((v) => (v ? v : null)),
});

export const ReceiptLookupSchema = z.object({
  receipt: z
    .string({ error: "请填写回执编号。" })
    .trim()
    .toUpperCase()
    .regex(/^ZQ\d{8}-[0-9A-Z]{6}$/, "回执编号格式不正确，应类似 ZQ20261126-7K3M9Q。"),
  code: z
    .string({ error: "请填写查询码。" })
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{10}$/, "查询码为 10 位字母或数字。"),
});

export const PUBLISH_LABELS = {
  named: "实名公开（公开姓名和单位）",
  anonymous: "匿名公开（只公开意见内容）",
  private: "不公开（仅供起草部门研究）",
} as const;
