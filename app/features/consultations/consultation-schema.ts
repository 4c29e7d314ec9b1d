import { z } from "zod";
import { DOC_TYPES } from "~db/vocabulary";

export const LIMITS = {
  title: 200,
  summary: 500,
  draftText: 300_000,
  basis: 50_000,
  interpretation: 50_000,
  reason: 500,
} as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .max(max, `${label}不能超过 ${max.toLocaleString("zh-CN")} 个字符。`);

const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}。`);

/** A `datetime-local` value, read as Asia/Shanghai wall time. */
const shanghaiDateTime = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, `请按“年-月-日 时:分”填写${label}。`)
    .transform((v) => new Date(`${v.length === 16 ? `${v}:00` : v}+08:00`))
    .refine((d) => !Number.isNaN(d.getTime()), `${label}不是有效的日期时间。`);

const optionalText = (label: string, max: number) =>
  text(label, max)
    .optional()
    .transform((v) => (v ? v : null));

export const ConsultationSchema = z
  .object({
    title: required("标题", LIMITS.title),
    docType: z.enum(DOC_TYPES, { error: "请选择文件类型。" }),
    summary: text("内容摘要", LIMITS.summary).default(""),
    draftText: required("征求意见稿正文", LIMITS.draftText),
    basis: required("起草说明", LIMITS.basis),
    interpretation: optionalText("政策解读", LIMITS.interpretation),
    opensAt: shanghaiDateTime("开始时间"),
    closesAt: shanghaiDateTime("截止时间"),
    shortPeriodReason: optionalText("缩短期限的理由", LIMITS.reason),
    contactAddress: optionalText("通信地址", 200),
    contactEmail: z
      .string()
      .trim()
      .max(254, "邮箱地址过长。")
      .optional()
      .refine((v) => !v || z.email().safeParse(v).success, "请输入有效的邮箱地址。")
      .transform((v) => (v ? v : null)),
    showComments: z
      .literal("on")
      .optional()
      .transform((v) => v === "on"),
  })
  .refine((v) => v.closesAt > v.opensAt, {
    message: "截止时间必须晚于开始时间。",
    path: ["closesAt"],
    // Checked even when other fields failed, as long as both instants parsed.
    when: (p) => {
      const v = p.value as { opensAt?: unknown; closesAt?: unknown };
      return v.opensAt instanceof Date && v.closesAt instanceof Date;
    },
  });

export type ConsultationInput = z.infer<typeof ConsultationSchema>;

export const ReasonSchema = z.object({
  reason: required("理由", LIMITS.reason).min(4, "理由至少 4 个字。"),
});

export const ExtendSchema = ReasonSchema.extend({ closesAt: shanghaiDateTime("新的截止时间") });

export const ReviewSchema = z.object({
  decision: z.enum(["approved", "returned"], { error: "请选择审核意见。" }),
  comment: text("审核意见", LIMITS.reason).optional(),
  shortPeriodReason: optionalText("缩短期限的理由", LIMITS.reason),
});

export const NewVersionSchema = z.object({
  label: required("版本名称", 60),
  changeNote: required("修改说明", 5000),
  draftText: required("征求意见稿正文", LIMITS.draftText),
});

/** `datetime-local` value (Asia/Shanghai wall time) of an instant, for re-filling a form. */
export function toShanghaiInput(d: Date | null | undefined): string {
  if (!d) return "";
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}
