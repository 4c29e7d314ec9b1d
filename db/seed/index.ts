import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client.server";
import {
  calendarDays,
  commentArticles,
  comments,
  consultations,
  divisions,
  identityCategories,
  moderationDecisions,
  redactions,
  users,
  type PiiKind,
  type RejectReason,
} from "../schema";
import { parseDraft } from "~/engine/draft-parser";
import { detectPii, redact } from "~/engine/pii";
import { insertDraftVersion } from "~/features/consultations/draft.server";
import { redactDetections, screenText } from "~/features/comments/publication-screen.server";
import { rebuildSearchIndex } from "~/features/search/search.server";
import { hashCheckCode, newCheckCode, newReceiptNo } from "~/features/comments/receipt.server";
import { appendAudit } from "~/platform/audit.server";
import { addDays, shanghaiDate, shanghaiEndOfDay, shanghaiStartOfDay } from "~/platform/periods";
import { hashPassword } from "~/platform/password.server";
import { DEFAULT_IDENTITY_CATEGORIES } from "~/features/comments/identity-categories.server";
import { CALENDAR_2026, DEMO_ACCOUNTS, DEMO_DIVISIONS } from "./accounts";
import { closedConsultation, openConsultation, upcomingConsultation, type DemoComment, type DemoConsultation } from "./demo-content";

const DAY = 86_400_000;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .limit(1)
    )[0]!.n === 0
  );
}

/** Fills an empty database with the demo: divisions, one account per role, three consultations. */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<void> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  await db.transaction(async (tx) => {
    const divisionIds = new Map<string, number>();
    for (const name of DEMO_DIVISIONS) {
      divisionIds.set(name, (await tx.insert(divisions).values({ name }).returning())[0].id);
    }
    const userIds = new Map<string, number>();
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const row = (
        await tx
          .insert(users)
          .values({
            username: a.username,
            displayName: a.displayName,
            role: a.role,
            divisionId: a.division ? divisionIds.get(a.division)! : null,
            passwordHash: hashes[i],
            email: `${a.username}@zhengqiu.localhost`,
          })
          .returning()
      )[0];
      userIds.set(a.username, row.id);
    }
    for (const [position, label] of DEFAULT_IDENTITY_CATEGORIES.entries()) await tx.insert(identityCategories).values({ label, position });
    await tx.insert(calendarDays).values(CALENDAR_2026);

    const drafter = userIds.get("drafter")!;
    const reviewer = userIds.get("reviewer")!;
    const division = divisionIds.get("就业创业处")!;
    // Open: ten days into a thirty-day period. Upcoming: starts in five days. Closed: ended a week ago.
    const periods: Array<[DemoConsultation, Date, Date]> = [
      [openConsultation, startOfShanghaiDay(now, -10), endOfShanghaiDay(now, 20)],
      [upcomingConsultation, startOfShanghaiDay(now, 5), endOfShanghaiDay(now, 20)],
      [closedConsultation, startOfShanghaiDay(now, -38), endOfShanghaiDay(now, -8)],
    ];
    for (const [content, opensAt, closesAt] of periods) {
      const consultation = (
        await tx
          .insert(consultations)
          .values({
            title: content.title,
            docType: content.docType,
            summary: content.summary,
            divisionId: division,
            authorId: drafter,
            status: "published",
            basis: content.basis,
            interpretation: content.interpretation ?? null,
            opensAt,
            closesAt,
            shortPeriodReason: content.shortPeriodReason ?? null,
            contactAddress: "沈阳市皇姑区细河街9号 就业创业处（邮编110032）",
            contactEmail: "jycy@zhengqiu.localhost",
            // Approved two days before opening, and never in the future.
            publishedAt: new Date(Math.min(opensAt.getTime() - 2 * DAY, now.getTime() - DAY)),
          })
          .returning()
      )[0];
      const parsed = parseDraft(content.draft);
      const { versionId, articleIdentities } = await insertDraftVersion(
        tx,
        { consultationId: consultation.id, label: "征求意见稿", sourceText: content.draft, createdBy: drafter },
        parsed
      );
      await appendAudit(tx, {
        actor: { id: reviewer, label: "赵审核（办公室）" },
        action: "consultation.approve",
        entityType: "consultation",
        entityId: consultation.id,
        after: { status: "published", opensAt, closesAt },
        at: consultation.publishedAt!,
      });
      const elapsed = Math.min(now.getTime(), closesAt.getTime()) - opensAt.getTime();
      for (const [i, c] of content.comments.entries())
        await seedComment(tx, c, {
          consultationId: consultation.id,
          versionId,
          articleIdentities,
          receivedAt: new Date(opensAt.getTime() + ((c.day + c.minute / 1440) / 30) * elapsed),
          moderatorId: drafter,
          // The newest tenth waits in the moderation queue, so the demo has work to do.
          pending: i >= content.comments.length * 0.9 && closesAt > now,
        });
    }
  });
  await rebuildSearchIndex(db);
}

const REJECTIONS: Partial<Record<NonNullable<DemoComment["note"]>, RejectReason>> = {
  spam: "spam",
  abuse: "abuse",
  off_topic: "off_topic",
};

async function seedComment(
  tx: Tx,
  c: DemoComment,
  ctx: {
    consultationId: number;
    versionId: number;
    articleIdentities: Map<number, number>;
    receivedAt: Date;
    moderatorId: number;
    pending: boolean;
  }
) {
  const receiptNo = newReceiptNo(ctx.receivedAt);
  const pii = detectPii(c.text);
  const nameFound = screenText(c.name, { names: false });
  const organisationFound = screenText(c.organisation, { names: false });
  const rejectReason = c.note ? REJECTIONS[c.note] : undefined;
  const status = ctx.pending ? "pending" : rejectReason ? "rejected" : "approved";
  const row = (
    await tx
      .insert(comments)
      .values({
        consultationId: ctx.consultationId,
        versionId: ctx.versionId,
        receiptNo,
        checkCodeHash: hashCheckCode(receiptNo, newCheckCode()),
        body: c.text,
        bodyNormalized: c.text.normalize("NFKC"),
        publishedBody: status === "approved" ? redact(c.text, pii) : null,
        name: c.name ?? null,
        organisation: c.organisation ?? null,
        publishedName: status === "approved" && c.name ? redactDetections(c.name, nameFound) : null,
        publishedOrganisation: status === "approved" && c.organisation ? redactDetections(c.organisation, organisationFound) : null,
        identityCategory: c.identity,
        email: c.email ?? null,
        publishPreference: c.publish,
        channel: c.channel,
        enteredBy: c.channel === "web" ? null : ctx.moderatorId,
        receivedAt: ctx.receivedAt,
        moderationStatus: status,
        rejectReason: status === "rejected" ? rejectReason! : null,
        moderatedAt: status === "pending" ? null : new Date(ctx.receivedAt.getTime() + 3 * 3600_000),
        hasPii: pii.length + nameFound.length + organisationFound.length > 0,
      })
      .returning({ id: comments.id })
  )[0];
  for (const n of new Set(c.articles)) {
    const articleIdentityId = ctx.articleIdentities.get(n);
    if (articleIdentityId) await tx.insert(commentArticles).values({ commentId: row.id, articleIdentityId });
  }
  const spans = [
    ...pii.map((m) => ({ ...m, field: "body" as const })),
    ...nameFound.map((m) => ({ ...m, field: "name" as const })),
    ...organisationFound.map((m) => ({ ...m, field: "organisation" as const })),
  ];
  for (const m of spans) {
    await tx.insert(redactions).values({
      commentId: row.id,
      kind: m.kind as PiiKind,
      start: m.start,
      end: m.end,
      field: m.field,
      status: status === "pending" ? "proposed" : "accepted",
    });
  }
  if (status !== "pending") {
    await tx.insert(moderationDecisions).values({ commentId: row.id, moderatorId: ctx.moderatorId, decision: status, reason: rejectReason ?? null });
  }
}

/** Midnight in Asia/Shanghai, `days` days from `now`'s date there. */
function startOfShanghaiDay(now: Date, days: number): Date {
  return shanghaiStartOfDay(addDays(shanghaiDate(now), days));
}

function endOfShanghaiDay(now: Date, days: number): Date {
  return shanghaiEndOfDay(addDays(shanghaiDate(now), days));
}
