import { raw } from "~db/client.server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, commentArticles, comments, consultations, draftNodes } from "~db/schema";
import { createConsultation } from "~/features/consultations/consultation-editor.server";
import { ConsultationSchema } from "~/features/consultations/consultation-schema";
import { extendDeadline, review, submitForReview, withdraw } from "~/features/consultations/consultation-workflow.server";
import { WorkflowError } from "~/features/consultations/workflow-error";
import { getPublicConsultation } from "~/features/consultations/consultation.server";
import { hashCheckCode } from "~/features/comments/receipt.server";
import { createVersion, diffVersions, listVersions } from "~/features/consultations/versions.server";
import { verifyAuditChain } from "~/platform/audit.server";
import { makeUser, testDb } from "./helpers";

const db = testDb();
const DRAFT = `测试办法（征求意见稿）
第一章 总则
第一条 为了规范测试工作，制定本办法。
第二条 本办法适用于本省行政区域内的测试活动。
第二章 附则
第三条 本办法自发布之日起施行。`;

const day = 86_400_000;
function input(overrides: Record<string, string> = {}) {
  const now = Date.now();
  const fmt = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
  return ConsultationSchema.parse({
    title: "测试办法（征求意见稿）",
    docType: "rule",
    summary: "测试",
    draftText: DRAFT,
    basis: "一、必要性。",
    opensAt: fmt(now + day),
    closesAt: fmt(now + 40 * day),
    ...overrides,
  });
}

async function setup() {
  const { user: drafter } = await makeUser("drafter", { division: "测试处" });
  const { user: otherDrafter } = await makeUser("drafter", { division: "另一处" });
  const { user: reviewer } = await makeUser("reviewer");
  const { user: legal } = await makeUser("legal");
  const id = await createConsultation(db, input(), drafter);
  return { drafter, otherDrafter, reviewer, legal, id };
}

const status = async (id: number) => (await db.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0]!.status;

describe("review before publication", () => {
  it("goes draft → pending review → published, audited at each step", async () => {
    const { drafter, reviewer, id } = await setup();
    expect(await getPublicConsultation(db, id)).toBeUndefined();
    await submitForReview(db, id, drafter);
    expect(await status(id)).toBe("pending_review");
    expect(await getPublicConsultation(db, id)).toBeUndefined();
    await review(db, id, reviewer, "approved", undefined);
    expect(await status(id)).toBe("published");
    expect((await getPublicConsultation(db, id))?.phase).toBe("upcoming");
    const actions = (
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "consultation"), eq(auditLog.entityId, String(id))))
    ).map((a) => a.action);
    expect(actions).toEqual(["consultation.create", "consultation.submit", "consultation.approve"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("never lets the author approve their own consultation", async () => {
    const { drafter, reviewer, id } = await setup();
    await submitForReview(db, id, drafter);
    // Even a reviewer account that authored it: authorship is what counts.
    await db.update(consultations).set({ authorId: reviewer.id }).where(eq(consultations.id, id));
    await expect(review(db, id, reviewer, "approved", undefined)).rejects.toThrow("不能审核自己起草的征求意见。");
    expect(await status(id)).toBe("pending_review");
  });

  it("lets neither drafters, the legal office nor another division publish or submit", async () => {
    const { drafter, otherDrafter, legal, id } = await setup();
    await expect(submitForReview(db, id, otherDrafter)).rejects.toThrow(WorkflowError);
    await submitForReview(db, id, drafter);
    for (const who of [drafter, otherDrafter, legal]) {
      await expect(review(db, id, who, "approved", undefined)).rejects.toThrow(/只有审核人员可以审核/);
    }
    expect(await status(id)).toBe("pending_review");
  });

  it("returns a consultation to its drafter only with a comment", async () => {
    const { drafter, reviewer, id } = await setup();
    await submitForReview(db, id, drafter);
    await expect(review(db, id, reviewer, "returned", " ")).rejects.toThrow("退回修改时请填写审核意见。");
    await review(db, id, reviewer, "returned", "请补充法律依据。");
    expect(await status(id)).toBe("draft");
  });

  it("refuses a period below the statutory minimum without a reason", async () => {
    const { user: drafter } = await makeUser("drafter", { division: "测试处" });
    const now = Date.now();
    const fmt = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
    const short = await createConsultation(db, input({ opensAt: fmt(now + day), closesAt: fmt(now + 10 * day) }), drafter);
    await expect(submitForReview(db, short, drafter)).rejects.toThrow(/短于法定最短期限/);
    await db.update(consultations).set({ shortPeriodReason: "上位法修改后须在限期内出台配套规定。" }).where(eq(consultations.id, short));
    await expect(submitForReview(db, short, drafter)).resolves.not.toThrow();
  });

  it("rejects an end before the start in the form schema", () => {
    const r = ConsultationSchema.safeParse({ ...input(), opensAt: "2026-12-10T09:00", closesAt: "2026-12-01T09:00", draftText: DRAFT });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain("截止时间必须晚于开始时间。");
  });
});

describe("after publication", () => {
  async function published() {
    const s = await setup();
    await submitForReview(db, s.id, s.drafter);
    await review(db, s.id, s.reviewer, "approved", undefined);
    await db
      .update(consultations)
      .set({ opensAt: new Date(Date.now() - day) })
      .where(eq(consultations.id, s.id));
    return s;
  }

  it("extends the deadline with a public reason, only later and only by the division", async () => {
    const { drafter, otherDrafter, id } = await published();
    const before = (await db.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0]!.closesAt!;
    await expect(extendDeadline(db, id, drafter, new Date(before.getTime() - day), "提前")).rejects.toThrow(/必须晚于原截止时间/);
    await expect(extendDeadline(db, id, otherDrafter, new Date(before.getTime() + day), "延期")).rejects.toThrow(WorkflowError);
    await extendDeadline(db, id, drafter, new Date(before.getTime() + 7 * day), "应社会公众要求延长七日。");
    expect((await db.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0]!.closesAt!.getTime()).toBe(before.getTime() + 7 * day);
  });

  it("withdraws with a public reason", async () => {
    const { drafter, id } = await published();
    await withdraw(db, id, drafter, "上位法已修订，本草案需重新起草。");
    expect((await getPublicConsultation(db, id))?.phase).toBe("withdrawn");
    expect((await getPublicConsultation(db, id))?.withdrawnReason).toContain("上位法已修订");
  });

  it("publishes a new version whose articles keep their identity, so comments stay attached", async () => {
    const { drafter, id } = await published();
    const [v1] = await listVersions(db, id);
    const art3 = (await db.select().from(draftNodes).where(eq(draftNodes.versionId, v1.id))).find((n) => n.kind === "article" && n.number === 3)!;
    const comment = (
      await db
        .insert(comments)
        .values({
          consultationId: id,
          receiptNo: `ZQ20261126-T${id}AAAA`,
          checkCodeHash: hashCheckCode("x", "y"),
          body: "第三条施行日期太早。",
          bodyNormalized: "第三条施行日期太早。",
          identityCategory: "其他群众",
          receivedAt: new Date(),
        })
        .returning()
    )[0];
    await db.insert(commentArticles).values({ commentId: comment.id, articleIdentityId: art3.articleIdentityId! });

    const v2Text = DRAFT.replace("第三条 本办法自发布之日起施行。", "第三条 测试机构应当建立档案。\n第四条 本办法自2027年1月1日起施行。");
    await createVersion(db, id, drafter, { label: "第二次征求意见稿", changeNote: "增加档案管理规定，明确施行日期。", draftText: v2Text });
    const versions = await listVersions(db, id);
    expect(versions.map((v) => v.label)).toEqual(["征求意见稿", "第二次征求意见稿"]);
    const diff = await diffVersions(db, versions[0].id, versions[1].id);
    const followed = diff.find((d) => d.identityId === art3.articleIdentityId)!;
    expect(followed).toMatchObject({ fromNumber: 3, toNumber: 4, change: "changed" });
    expect(diff.find((d) => d.toNumber === 3)?.change).toBe("added");
    const v2Art4 = (await db.select().from(draftNodes).where(eq(draftNodes.versionId, versions[1].id))).find((n) => n.kind === "article" && n.number === 4)!;
    expect(v2Art4.articleIdentityId).toBe(art3.articleIdentityId);
  });

  it("keeps a published version's text immutable: drafts of published consultations cannot be edited", async () => {
    const { drafter, id } = await published();
    expect((await listVersions(db, id))[0].frozenAt).not.toBeNull();
    const { updateDraftConsultation } = await import("~/features/consultations/consultation-editor.server");
    await expect(updateDraftConsultation(db, id, input(), drafter)).rejects.toThrow(/only a draft/);
  });
});
