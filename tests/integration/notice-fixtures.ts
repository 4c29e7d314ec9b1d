// Small builders for the notice tests: staff with email addresses, consultations at chosen times,
// comments received at chosen instants, subscriptions in a chosen state.
import crypto from "node:crypto";
import { first, single, type Db } from "~db/client.server";
import { comments, consultations, divisions, subscriptions, users, type DocType, type Role } from "~db/schema";
import { createConsultation } from "~/features/consultations/consultation-editor.server";
import { ConsultationSchema } from "~/features/consultations/consultation-schema";
import { sha256Hex } from "~/platform/crypto.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}`;

export async function division(db: Db, name: string) {
  return (await db.select().from(divisions)).find((d) => d.name === name) ?? (await db.insert(divisions).values({ name }).returning())[0];
}

/** A staff account; the password hash is a placeholder, these accounts never log in. */
export async function staff(db: Db, role: Role, divisionName: string, email: string | null = `${role}-${unique()}@example.gov.cn`, active = true) {
  const d = await division(db, divisionName);
  const u = unique();
  return single(
    db
      .insert(users)
      .values({ username: `${role}-${u}`, displayName: `${role} ${u}`, email, role, divisionId: d.id, passwordHash: "x", active })
      .returning()
  );
}

export function consultationAt(
  db: Db,
  author: { id: number; divisionId: number | null },
  at: { opensAt: Date; closesAt: Date; status?: "published" | "draft"; docType?: DocType; publishedAt?: Date | null; title?: string }
) {
  return single(
    db
      .insert(consultations)
      .values({
        title: at.title ?? `测试办法${unique()}（征求意见稿）`,
        docType: at.docType ?? "rule",
        divisionId: author.divisionId!,
        authorId: author.id,
        status: at.status ?? "published",
        opensAt: at.opensAt,
        closesAt: at.closesAt,
        publishedAt: at.publishedAt === undefined ? at.opensAt : at.publishedAt,
      })
      .returning()
  );
}

export function commentAt(db: Db, consultationId: number, receivedAt: Date, extra: Partial<typeof comments.$inferInsert> = {}) {
  const receiptNo = `ZQ${unique().toUpperCase()}`;
  return single(
    db
      .insert(comments)
      .values({ consultationId, receiptNo, checkCodeHash: "x", body: "意见", bodyNormalized: "意见", identityCategory: "退役军人", receivedAt, ...extra })
      .returning()
  );
}

export function subscription(
  db: Db,
  email: string,
  scope: "all" | "division" | "doc_type" | "consultation",
  scopeValue: string | null,
  status: "pending" | "active" | "unsubscribed" = "active"
) {
  return single(
    db
      .insert(subscriptions)
      .values({ email, scope, scopeValue, status, tokenHash: sha256Hex(crypto.randomUUID()), confirmedAt: status === "active" ? new Date() : null })
      .returning()
  );
}

const DRAFT = `测试办法（征求意见稿）
第一章 总则
第一条 为了规范测试工作，制定本办法。
第二条 本办法适用于本省行政区域内的测试活动。`;

/** A draft ready for review (basis, a lawful period, articles), through the real editor. */
export function readyDraft(db: Db, author: { id: number; divisionId: number | null; displayName: string; role: Role }, title = "测试办法（征求意见稿）") {
  const day = 86_400_000;
  const fmt = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
  const input = ConsultationSchema.parse({
    title,
    docType: "rule",
    summary: "为规范测试工作，现公开征求意见。",
    draftText: DRAFT,
    basis: "一、必要性。",
    opensAt: fmt(Date.now() + day),
    closesAt: fmt(Date.now() + 40 * day),
  });
  return createConsultation(db, input, author);
}
