// The disposition matrix's forms: an opinion (意见要点) inside a topic with the comments it answers,
// a single comment's own answer, and a topic's public title. No database imports, so the page can
// share the rules and the limits with the server.
import { z } from "zod";
import { DISPOSITIONS, type Disposition } from "~db/vocabulary";

export const DISPOSITION_LIMITS = { reason: 1000, changeMade: 2000, title: 200, publicTitle: 60 } as const;

/** 采纳 needs no reason; the others must say why. Adopting, wholly or partly, must say what changed. */
export const needsReason = (d: Disposition) => d !== "adopted";
export const needsChange = (d: Disposition) => d === "adopted" || d === "partly_adopted";

const id = z.coerce.number().int().positive();

const answerFields = {
  decision: z.enum(DISPOSITIONS, { error: "请选择处理结果。" }),
  reason: z.string().trim().max(DISPOSITION_LIMITS.reason, `理由不能超过 ${DISPOSITION_LIMITS.reason} 个字符。`).default(""),
  // The select's first option is empty: 不涉及具体条款.
  articleIdentityId: z
    .union([z.literal(""), id])
    .optional()
    .transform((v) => (typeof v === "number" ? v : null)),
  changeMade: z.string().trim().max(DISPOSITION_LIMITS.changeMade, `修改情况不能超过 ${DISPOSITION_LIMITS.changeMade} 个字符。`).default(""),
};

function answerRules(v: { decision: Disposition; reason: string; changeMade: string }, ctx: z.RefinementCtx) {
  if (needsReason(v.decision) && !v.reason) {
    ctx.addIssue({ code: "custom", path: ["reason"], message: "请填写理由：除“采纳”外，每种处理结果都须说明理由。" });
  }
  if (needsChange(v.decision) && !v.changeMade) {
    ctx.addIssue({ code: "custom", path: ["changeMade"], message: "采纳或部分采纳的，请写明对征求意见稿所作的修改。" });
  }
}

/** A single comment's own answer. */
export const DispositionSchema = z.object({ commentId: id.optional(), topicId: id.optional(), ...answerFields }).superRefine((v, ctx) => {
  if (v.commentId === undefined) ctx.addIssue({ code: "custom", path: ["form"], message: "请指定一条意见。" });
  answerRules(v, ctx);
});

const idList = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(id, { error: "所选意见无效。" }));

/**
 * An opinion (意见要点) of a topic: its point as the public will read it, its answer, and the comments
 * it answers. `listedIds` are the comments the form showed: those not ticked leave the opinion, those
 * not shown keep their place. `includeUnanswered` adds every comment of the topic that has no answer yet.
 */
export const OpinionSchema = z
  .object({
    topicId: id,
    opinionId: z
      .union([z.literal(""), id])
      .optional()
      .transform((v) => (typeof v === "number" ? v : undefined)),
    title: z
      .string({ error: "请填写意见要点。" })
      .trim()
      .min(1, "请填写意见要点：用一句话概括这些意见，将在反馈页面公开。")
      .max(DISPOSITION_LIMITS.title, `意见要点不能超过 ${DISPOSITION_LIMITS.title} 个字符。`),
    commentIds: idList,
    listedIds: idList,
    includeUnanswered: z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean()),
    ...answerFields,
  })
  .superRefine((v, ctx) => {
    if (v.opinionId === undefined && v.commentIds.length === 0 && !v.includeUnanswered) {
      ctx.addIssue({ code: "custom", path: ["commentIds"], message: "请勾选本意见要点答复的意见，或勾选“本主题中尚未答复的全部意见”。" });
    }
    answerRules(v, ctx);
  });
export type OpinionInput = z.infer<typeof OpinionSchema>;

export const DeleteOpinionSchema = z.object({ opinionId: id });

/** A topic's title for the public: staff confirm or rewrite the generated proposal. */
export const TopicTitleSchema = z.object({
  topicId: id,
  publicTitle: z
    .string({ error: "请填写公开标题。" })
    .trim()
    .min(1, "请填写公开标题。")
    .max(DISPOSITION_LIMITS.publicTitle, `公开标题不能超过 ${DISPOSITION_LIMITS.publicTitle} 个字符。`)
    .refine((t) => !/其他（未归类）|未归类|未划分主题/.test(t), "“其他（未归类）”“未划分主题”是工作标签，请改写为能向社会公开的标题。"),
});

export type DispositionInput = z.infer<typeof DispositionSchema>;

export const ClearOverrideSchema = z.object({ commentId: id });
