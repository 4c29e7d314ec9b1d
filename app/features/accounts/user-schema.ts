import { z } from "zod";
import { ROLES } from "~db/vocabulary";
import { PASSWORD_RULE } from "./password-rule";

const password = z
  .string({ error: "请输入密码。" })
  .min(PASSWORD_RULE.min, `密码至少 ${PASSWORD_RULE.min} 个字符。`)
  .max(PASSWORD_RULE.max, `密码不能超过 ${PASSWORD_RULE.max} 个字符。`);

const optionalDivision = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0), "请选择有效的处室。");

const profile = {
  displayName: z.string({ error: "请输入姓名。" }).trim().min(1, "请输入姓名。").max(60, "姓名不能超过 60 个字符。"),
  email: z
    .string()
    .trim()
    .max(254, "邮箱地址过长。")
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, "请输入有效的邮箱地址，例如 name@example.gov.cn。"),
  role: z.enum(ROLES, { error: "请选择角色。" }),
  divisionId: optionalDivision,
};

const requireDivisionForDrafter = (v: { role?: unknown; divisionId?: unknown }) => v.role !== "drafter" || typeof v.divisionId === "number";
// `when` runs the check even when other fields failed, so every problem is reported at once.
const divisionIssue = { message: "起草处室人员必须选择所属处室。", path: ["divisionId"], when: () => true };

export const NewUserSchema = z
  .object({
    username: z
      .string({ error: "请输入用户名。" })
      .trim()
      .regex(/^[A-Za-z0-9._-]{3,32}$/, "用户名为 3–32 位字母、数字、点、下划线或短横线。"),
    password,
    ...profile,
  })
  .refine(requireDivisionForDrafter, divisionIssue);

export const EditUserSchema = z
  .object({ intent: z.literal("update"), ...profile, active: z.literal("on").optional() })
  .refine(requireDivisionForDrafter, divisionIssue);

export const ResetPasswordSchema = z.object({ intent: z.literal("reset-password"), password });
