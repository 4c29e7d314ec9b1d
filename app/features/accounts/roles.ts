import type { Role } from "~db/vocabulary";

export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  drafter: "起草处室",
  reviewer: "审核",
  legal: "法制机构",
};
