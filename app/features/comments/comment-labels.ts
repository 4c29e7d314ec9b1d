import type { Channel, Disposition, RejectReason } from "~db/vocabulary";

export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  personal_data: "含有无法分离的个人信息",
  off_topic: "与本次征求意见内容无关",
  spam: "广告或无意义内容",
  abuse: "含有辱骂、人身攻击等内容",
  sensitive: "涉及国家秘密、商业秘密或敏感内容",
  duplicate: "重复提交",
};

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  adopted: "采纳",
  partly_adopted: "部分采纳",
  not_adopted: "不采纳",
  already_provided: "已有规定",
  out_of_scope: "不属于征求范围",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: "网上提交",
  email: "电子邮件",
  letter: "信函",
  phone: "电话",
  meeting: "座谈会",
  department_letter: "部门来函",
};
