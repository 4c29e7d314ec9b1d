import { describe, expect, test } from "vitest";
import { auditActionLabel, auditChanges, auditEntityLabel } from "./audit-display";

describe("audit entries in words", () => {
  test("names actions and objects in Chinese, keeping an unknown action as it is", () => {
    expect(auditActionLabel("consultation.approve")).toBe("审核通过并发布");
    expect(auditActionLabel("something.new")).toBe("something.new");
    expect(auditActionLabel("comment.attachment_review")).toBe("审核意见附件是否公开");
    expect(auditEntityLabel("consultation", "3")).toBe("征求意见（编号 3）");
    expect(auditEntityLabel("calendar", "2026-10-01")).toBe("工作日历 2026-10-01");
  });

  test("shows only what changed, with labels and times in Asia/Shanghai", () => {
    const before = JSON.stringify({
      title: "办法",
      docType: "rule",
      status: "pending_review",
      opensAt: "2026-11-01T00:00:00.000Z",
      closesAt: "2026-12-04T15:59:59.000Z",
      shortPeriodReason: null,
    });
    const after = JSON.stringify({
      title: "办法",
      docType: "rule",
      status: "published",
      opensAt: "2026-12-04T13:00:00.000Z",
      closesAt: "2026-12-04T15:59:59.000Z",
      shortPeriodReason: "汛期安全",
    });
    expect(auditChanges({ entityType: "consultation", before, after })).toEqual([
      { field: "状态", before: "待审核", after: "已发布" },
      { field: "开始时间", before: "2026年11月1日 08:00", after: "2026年12月4日 21:00" },
      { field: "缩短期限的理由", before: "（空）", after: "汛期安全" },
    ]);
  });

  test("lists every field of a one-sided entry, with 是/否 and enumerations in words", () => {
    const after = JSON.stringify({ username: "li", role: "reviewer", active: true, divisionId: 2 });
    expect(auditChanges({ entityType: "user", before: null, after })).toEqual([
      { field: "用户名", before: null, after: "li" },
      { field: "角色", before: null, after: "审核" },
      { field: "启用", before: null, after: "是" },
      { field: "处室编号", before: null, after: "2" },
    ]);
    expect(auditChanges({ entityType: "comment", before: null, after: JSON.stringify({ status: "rejected", rejectReason: "spam" }) })).toEqual([
      { field: "状态", before: null, after: "不予公开" },
      { field: "不予公开的理由", before: null, after: "广告或无意义内容" },
    ]);
  });

  test("never shows JSON, even for nested values or text that is not JSON", () => {
    const nested = auditChanges({ entityType: "topic", before: null, after: JSON.stringify({ from: { id: 3, label: "就业" }, ids: [1, 2] }) });
    expect(nested).toEqual([
      { field: "原名称", before: null, after: "id：3；名称：就业" },
      { field: "ids", before: null, after: "1、2" },
    ]);
    expect(auditChanges({ entityType: "x", before: null, after: "not json" })).toEqual([{ field: "内容", before: null, after: "not json" }]);
    expect(auditChanges({ entityType: "x", before: null, after: null })).toEqual([]);
  });
});
