// The disposition matrix's forms: one decision for a topic or for a single comment. No database
// imports, so the page can share the rules and the limits with the server.
import { z } from "zod";
import { DISPOSITIONS, type Disposition } from "~db/vocabulary";

export const DISPOSITION_LIMITS = { reason: 1000, changeMade: 2000 } as const;

/** 采纳 needs no reason; the others must say why. Adopting, wholly or partly, must say what changed. */
export const needsReason = (d: Disposition) => d !== "adopted";
export const needsChange = (d: Disposition) => d === "adopted" || d === "partly_adopted";

const id = z.coerce.number().int().positive();

export const DispositionSchema = z
  .object({
    topicId: id.optional(),
    commentId: id.optional(),
    decision: z.enum(DISPOSITIONS, { error: "请选择处理结果。" }),
    reason: z
      .string()
      .trim()
      .max(DISPOSITION_LIMITS.reason, `理由不能超过 ${DISPOSITION_LIMITS.reason} 个字符。`)
      .default(""),
    // The select's first option is empty: 不涉及具体条款.
    articleIdentityId: z
      .union([z.literal(""), id])
      .optional()
      .transform((v) => (typeof v === "number" ? v : null)),
    changeMade: z
      .string()
      .trim()
      .max(DISPOSITION_LIMITS.changeMade, `修改情况不能超过 ${DISPOSITION_LIMITS.changeMade} 个字符。`)
      .default(""),
  })
  .superRefine((v, ctx) => {
    if ((v.topicId === undefined) === (v.commentId === undefined)) {
      ctx.addIssue({ code: "custom", path: ["form"], message: "请指定一个主题或一条意见。" });
    }
    if (needsReason(v.decision) && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "请填写理由：除“采纳”外，每种处理结果都须说明理由。" });
    }
    if (needsChange(v.decision) && !v.changeMade) {
      ctx.addIssue({ code: "custom", path: ["changeMade"], message: "采纳或部分采纳的，请写明对征求意见稿所作的修改。" });
    }
  });

export type DispositionInput = z.infer<typeof DispositionSchema>;

export const ClearOverrideSchema = z.object({ commentId: id });
