// The kinds of notice in email_outbox.kind, with the names staff see on /admin/outbox.
export const NOTICE_KINDS = {
  receipt: "意见回执",
  comment_published: "意见已公开",
  comment_not_published: "意见未予公开",
  disposition: "意见处理结果",
  subscription_confirm: "订阅确认",
  subscription_welcome: "订阅生效",
  subscription_exists: "重复订阅提示",
  new_consultation: "新征求意见通知",
  closing_reminder: "截止提醒（订阅者）",
  comment_digest: "新意见日报",
  deadline_reminder: "截止期限提醒（起草处室）",
  review_request: "审核请求",
  packet_arrival: "材料送达（法制机构）",
  legal_progress: "法制审核进度（起草处室）",
  follow_extended: "延长征求意见期（关注者）",
  follow_closed: "征求意见截止（关注者）",
  follow_published: "反馈已公布（关注者）",
} as const;

export type NoticeKind = keyof typeof NOTICE_KINDS;

export const kindLabel = (kind: string): string => (kind in NOTICE_KINDS ? NOTICE_KINDS[kind as NoticeKind] : kind);

// Browser-safe: the outbox page renders these, so they cannot live in outbox-admin.server.ts.
export type OutboxStatus = "pending" | "sending" | "sent" | "held" | "failed";
export const OUTBOX_STATUSES: OutboxStatus[] = ["pending", "sending", "sent", "held", "failed"];

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: "待发送",
  sending: "发送中",
  sent: "已发送",
  failed: "发送失败",
  held: "已保留（未配置 SMTP）",
};
