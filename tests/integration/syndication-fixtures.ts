// The demo plus what the open-data endpoints must handle: consultations the public may not see,
// a hostile title, a withdrawal, an extended deadline and a second draft version.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { parseDraft } from "~/engine/draft-parser";
import { insertDraftVersion } from "~/features/consultations/draft.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { first, single, type Db } from "~db/client.server";
import { consultations, deadlineExtensions, divisions } from "~db/schema";
import { seedDemo } from "~db/seed";
import { context } from "./helpers";

export const OPEN_TITLE = "辽宁省退役军人就业创业促进办法（征求意见稿）";
export const HOSTILE_TITLE = `关于<script>alert("x")</script>与'A&B'、“引号”及&amp;的通知`;
export const HOSTILE_SUMMARY = `摘要含 <b>标签</b> & 符号`;
export const BASE_URL = "http://localhost:3000"; // PUBLIC_URL's default, which the tests run with
const DAY = 86_400_000;

export async function seedSyndication(db: Db) {
  const now = new Date();
  await seedDemo(db, now);
  const author = (await findUserByUsername(db, "drafter2"))!;
  const division = (await db.select().from(divisions).where(eq(divisions.name, "优抚褒扬处")).limit(1))[0]!;
  const past = (days: number) => new Date(now.getTime() - days * DAY);
  const insert = (values: Partial<typeof consultations.$inferInsert>) =>
    single(
      db
        .insert(consultations)
        // Created long ago, so that what updated_at reports is the later public change.
        .values({ title: "", docType: "normative", divisionId: division.id, authorId: author.id, createdAt: past(70), ...values })
        .returning()
    );
  const draft = await insert({ title: "草稿：尚未公开的办法", status: "draft", summary: "不应出现在任何公开接口。" });
  const pending = await insert({ title: "待审核：尚未公开的意见", status: "pending_review", opensAt: past(-3), closesAt: past(-40) });
  const hostile = await insert({
    title: HOSTILE_TITLE,
    summary: HOSTILE_SUMMARY,
    docType: "major_decision",
    status: "processing",
    opensAt: past(60),
    closesAt: past(25),
    publishedAt: past(62),
  });
  const withdrawn = await insert({
    title: "关于调整优待证发放范围的通知（征求意见稿）",
    summary: "Withdrawn Example of a normative document.",
    status: "withdrawn",
    opensAt: past(20),
    closesAt: past(-10),
    publishedAt: past(21),
    withdrawnAt: past(2),
    withdrawnReason: "上位法修改，需重新起草。",
  });

  // The open demo consultation gets an extension and a second version, as a drafter would add them.
  const open = (await db.select().from(consultations).where(eq(consultations.title, OPEN_TITLE)).limit(1))[0]!;
  const drafter = (await findUserByUsername(db, "drafter"))!;
  await db.insert(deadlineExtensions).values({
    consultationId: open.id,
    previousClosesAt: open.closesAt!,
    newClosesAt: new Date(open.closesAt!.getTime() + 7 * DAY),
    reason: "意见较多，延长七日。",
    userId: drafter.id,
    createdAt: past(1),
  });
  await db
    .update(consultations)
    .set({ closesAt: new Date(open.closesAt!.getTime() + 7 * DAY), updatedAt: past(1) })
    .where(eq(consultations.id, open.id));
  const text = "第一章 总则\n第一条 为了促进退役军人就业创业，制定本办法。\n第二条 本办法适用于本省行政区域。";
  await db.transaction((tx) =>
    insertDraftVersion(
      tx,
      { consultationId: open.id, label: "第二次征求意见稿", changeNote: "精简为两条。", sourceText: text, createdBy: drafter.id },
      parseDraft(text)
    )
  );
  return { draft, pending, hostile, withdrawn, open, now };
}

type Loader = (args: LoaderFunctionArgs) => Response | Promise<Response>;

/** Calls a resource route's loader as Remix would, with an absolute URL and the request headers. */
export async function call(
  loader: Loader,
  path: string,
  { headers = {}, params = {}, method = "GET" }: { headers?: Record<string, string>; params?: Record<string, string>; method?: string } = {}
) {
  const request = new Request(`${BASE_URL}${path}`, { method, headers });
  const response = await loader({ request, params, context: context() });
  const text = response.status === 204 || response.status === 304 ? "" : await response.text();
  return { response, text, json: () => JSON.parse(text) };
}
