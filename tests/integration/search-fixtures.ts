import { eq } from "drizzle-orm";
import { seedDemo } from "~db/seed";
import { consultations, users, type ConsultationStatus } from "~db/schema";
import { parseDraft } from "~/engine/draft-parser";
import { insertDraftVersion } from "~/features/consultations/draft.server";
import { searchConsultations } from "~/features/search/search-query.server";
import { reindexConsultation } from "~/features/search/search.server";
import { loader } from "~/routes/consultations._index/route";
import { getDb } from "~/platform/db.server";
import { context, testDb } from "./helpers";

// Shared by the search and list tests: the demo seed plus consultations that must never be found.
const DAY = 86_400_000;

export const SECRET_DRAFT = `潜艇兵安置试行办法（内部讨论稿）
第一条 为做好潜艇兵退役安置，制定本办法。
第二条 潜艇兵退役后优先安排就业。`;

/** A consultation written straight to the database and indexed in the same transaction. */
export async function addConsultation(values: { title: string; status: ConsultationStatus; summary?: string; draft?: string }) {
  const db = getDb();
  const author = (await db.select().from(users).where(eq(users.username, "drafter")).limit(1))[0]!;
  const now = Date.now();
  return db.transaction(async (tx) => {
    const { id } = (
      await tx
        .insert(consultations)
        .values({
          title: values.title,
          docType: "normative",
          summary: values.summary ?? "",
          divisionId: author.divisionId!,
          authorId: author.id,
          status: values.status,
          basis: "一、起草背景。",
          opensAt: new Date(now - DAY),
          closesAt: new Date(now + 20 * DAY),
        })
        .returning()
    )[0];
    if (values.draft) {
      await insertDraftVersion(tx, { consultationId: id, label: "征求意见稿", sourceText: values.draft }, parseDraft(values.draft));
    }
    await reindexConsultation(tx, id);
    return id;
  });
}

/** Changes the status as a workflow step would: with the reindex in the same transaction, or without. */
export async function setStatus(id: number, status: ConsultationStatus, reindex = true) {
  await getDb().transaction(async (tx) => {
    await tx.update(consultations).set({ status }).where(eq(consultations.id, id));
    if (reindex) await reindexConsultation(tx, id);
  });
}

/** The demo's three public consultations, a draft and one pending review, by role. */
export async function seedSearchDemo() {
  const db = testDb();
  await seedDemo(db, new Date());
  const byTitle = async (part: string) => (await db.select().from(consultations)).find((c) => c.title.includes(part))!.id;
  return {
    open: await byTitle("就业创业促进办法"),
    upcoming: await byTitle("服务站"),
    closed: await byTitle("十五五"),
    draft: await addConsultation({ title: "潜艇兵安置试行办法（内部讨论稿）", status: "draft", summary: "军队内部讨论", draft: SECRET_DRAFT }),
    pending: await addConsultation({ title: "潜艇兵待遇（待审核）", status: "pending_review", draft: SECRET_DRAFT }),
  };
}

/** The /consultations loader's answer for a query string such as "?q=就业&page=2". */
export async function listPage(query: string) {
  const url = new URL(`http://localhost/consultations${query}`);
  return loader({ request: new Request(url), params: {}, context: context() });
}

/** Ids of the consultations a search finds, ascending. */
export async function found(terms: string[]) {
  return [...(await searchConsultations(getDb(), terms)).hits.keys()].sort((a, b) => a - b);
}

export const marks = (segments: Array<{ text: string; hit: boolean }>) => segments.filter((s) => s.hit).map((s) => s.text);
