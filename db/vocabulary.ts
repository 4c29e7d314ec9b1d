// The product's closed vocabularies. No database imports here: the browser bundle uses these too.
export const ROLES = ["admin", "drafter", "reviewer", "legal"] as const;
export type Role = (typeof ROLES)[number];

export const DOC_TYPES = ["rule", "major_decision", "normative", "normative_business"] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const CONSULTATION_STATUSES = [
  "draft", // 草稿
  "pending_review", // 待审核
  "published", // 已发布 (即将开始 / 征求中 / 已截止 by the clock)
  "processing", // 意见处理中
  "legal_review", // 已报送法制审核
  "feedback_published", // 已公布反馈
  "withdrawn", // 已撤回
] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const NODE_KINDS = ["chapter", "section", "article", "paragraph", "item"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

// department_letter: 部门来函, a letter from another department, entered by staff with that department as the identity.
export const CHANNELS = ["web", "email", "letter", "phone", "meeting", "department_letter"] as const;
export type Channel = (typeof CHANNELS)[number];

export const PUBLISH_PREFERENCES = ["named", "anonymous", "private"] as const;
export type PublishPreference = (typeof PUBLISH_PREFERENCES)[number];

export const MODERATION_STATUSES = ["pending", "approved", "rejected"] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export const REJECT_REASONS = [
  "personal_data", // 含无法分离的个人信息
  "off_topic", // 与征求内容无关
  "spam", // 广告、灌水
  "abuse", // 辱骂、人身攻击
  "sensitive", // 涉密或敏感内容
  "duplicate", // 重复提交
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

// Kept in step with PiiKind in app/engine/pii.ts (a test checks); the column is plain text, so a new kind needs no migration.
export const PII_KINDS = ["phone", "landline", "id_card", "bank_card", "email", "address", "qq", "wechat", "plate", "passport", "certificate", "name"] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** A comment's fields that may be published, each screened for personal data and reviewed. */
export const SCREENED_FIELDS = ["body", "name", "organisation"] as const;
export type ScreenedField = (typeof SCREENED_FIELDS)[number];

export const STANCES = ["support", "oppose", "suggest", "question", "neutral"] as const;
export type Stance = (typeof STANCES)[number];

export const DISPOSITIONS = [
  "adopted", // 采纳
  "partly_adopted", // 部分采纳
  "not_adopted", // 不采纳
  "already_provided", // 已有规定
  "out_of_scope", // 不属于征求范围
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
