import { z } from "zod";
import { DOC_TYPES } from "~db/vocabulary";
import { FOLLOW_SCOPE, SCOPES, type Scope } from "~/features/notices";

/** The public subscription form. The address is checked here so that a typo is caught at the form. */
export const SubscribeSchema = z
  .object({
    email: z
      .string({ error: "请填写电子邮箱。" })
      .trim()
      .min(1, "请填写电子邮箱。")
      .max(254, "邮箱地址过长。")
      .pipe(z.email("请输入有效的邮箱地址，例如 name@example.com。"))
      .transform((v) => v.toLowerCase()),
    scope: z.enum([...SCOPES, FOLLOW_SCOPE], { error: "请选择订阅范围。" }),
    consultation: z.string().optional(),
    division: z.string().optional(),
    docType: z.union([z.literal(""), z.enum(DOC_TYPES)], { error: "请选择文件类型。" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "division" && !/^\d{1,9}$/.test(v.division ?? "")) {
      ctx.addIssue({ code: "custom", path: ["division"], message: "请选择起草处室。" });
    }
    if (v.scope === FOLLOW_SCOPE && !/^\d{1,9}$/.test(v.consultation ?? "")) {
      ctx.addIssue({ code: "custom", path: ["form"], message: "未找到要关注的征求意见，请从征求意见页面重新打开关注链接。" });
    }
    if (v.scope === "doc_type" && !v.docType) {
      ctx.addIssue({ code: "custom", path: ["docType"], message: "请选择文件类型。" });
    }
  })
  .transform((v): { email: string; subscription: Scope } => ({
    email: v.email,
    subscription:
      v.scope === FOLLOW_SCOPE
        ? { scope: FOLLOW_SCOPE, scopeValue: v.consultation! }
        : v.scope === "division"
        ? { scope: "division", scopeValue: v.division! }
        : v.scope === "doc_type" && v.docType
        ? { scope: "doc_type", scopeValue: v.docType }
        : { scope: "all", scopeValue: null },
  }));
