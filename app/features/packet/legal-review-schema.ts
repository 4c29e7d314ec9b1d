// The legal office's and the drafter's forms on the packet page. No database imports: the browser
// may use it too.
import { z } from "zod";

export const LEGAL_NOTE_MAX = 1000;
export const LEGAL_OPINION_MAX = 2000;

/** 第几轮 and where it stands; derived from the review's dates (legal-review.server.ts legalStage). */
export type LegalStage = "submitted" | "in_review" | "returned" | "finished";

export const LEGAL_STAGE_LABELS: Record<LegalStage, string> = {
  submitted: "待登记",
  in_review: "审查中",
  returned: "退回修改",
  finished: "审查完毕",
};

/** 审查完毕: the legal office's conclusion, kept with the review. */
export const LegalFinishSchema = z.object({
  note: z.string({ error: "请填写审查结论。" }).trim().min(1, "请填写审查结论。").max(LEGAL_NOTE_MAX, `审查结论不能超过 ${LEGAL_NOTE_MAX} 个字。`),
});

/** One opinion of the legal office: on an article (its identity id) or general (empty). */
export const LegalOpinionSchema = z.object({
  article: z
    .string()
    .trim()
    .regex(/^(\d{1,9})?$/, "请选择条款或“总体意见”。")
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  body: z.string({ error: "请填写审查意见。" }).trim().min(1, "请填写审查意见。").max(LEGAL_OPINION_MAX, `审查意见不能超过 ${LEGAL_OPINION_MAX} 个字。`),
});

/** The drafter's answer to one opinion. */
export const LegalAnswerSchema = z.object({
  opinionId: z
    .string({ error: "未找到该审查意见。" })
    .regex(/^\d{1,9}$/, "未找到该审查意见。")
    .transform(Number),
  answer: z
    .string({ error: "请填写对审查意见的答复。" })
    .trim()
    .min(1, "请填写对审查意见的答复。")
    .max(LEGAL_OPINION_MAX, `答复不能超过 ${LEGAL_OPINION_MAX} 个字。`),
});
