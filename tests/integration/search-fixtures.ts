import { eq } from "drizzle-orm";
import { seedDemo } from "~db/seed";
import { consultations, users, type ConsultationStatus } from "~db/schema";
import { parseDraft } from "~/analysis/draft-parser";
import { insertDraftVersion } from "~/models/draft.server";
import { searchConsultations } from "~/models/search-query.server";
import { reindexConsultation } from "~/models/search.server";
import { loader } from "~/routes/consultations._index/route";
import { getDb } from "~/utils/db.server";
import { context, testDb } from "./helpers";

// Shared by the search and list tests: the demo seed plus consultations that must never be found.
const DAY = 86_400_000;

export const SECRET_DRAFT = `潜艇兵安置试行办法（内部讨论稿）
第一条 为做好潜艇兵退役安置，制定本办法。
第二条 潜艇兵退役后优先安排就业。`;

/** A consultation written straight to the database and indexed in the same transaction. */
export function addConsultation(values: { title: string; status: ConsultationStatus; summary?: string; draft?: string }) {
  const db = getDb();
  const author = db.select().from(users).where(eq(users.username, "drafter")).get()!;
  const now = Date.now();
  return db.transaction((tx) => {
    const { id } = tx
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
      .get();
    if (values.draft) {
      insertDraftVersion(tx, { consultationId: id, label: "征求意见稿", sourceText: values.draft }, parseDraft(values.draft));
    }
    reindexConsultation(tx, id);
    return id;
  });
}

/** Changes the status as a workflow step would: with the reindex in the same transaction, or without. */
export function setStatus(id: number, status: ConsultationStatus, reindex = true) {
  getDb().transaction((tx) => {
    tx.update(consultations).set({ status }).where(eq(consultations.id, id)).run();
    if (reindex) reindexConsultation(tx, id);
  });
}

/** The demo's three public consultations, a draft and one pending review, by role. */
export async function seedSearchDemo() {
  const db = testDb();
  await seedDemo(db, new Date());
  const byTitle = (part: string) => db.select().from(consultations).all().find((c) => c.title.includes(part))!.id;
  return {
    open: byTitle("就业创业促进办法"),
    upcoming: byTitle("服务站"),
    closed: byTitle("十五五"),
    draft: addConsultation({ title: "潜艇兵安置试行办法（内部讨论稿）", status: "draft", summary: "军队内部讨论", draft: SECRET_DRAFT }),
    pending: addConsultation({ title: "潜艇兵待遇（待审核）", status: "pending_review", draft: SECRET_DRAFT }),
  };
}

/** The /consultations loader's answer for a query string such as "?q=就业&page=2". */
export async function listPage(query: string) {
  const url = new URL(`http://localhost/consultations${query}`);
  return loader({ request: new Request(url), params: {}, context: context() });
}

/** Ids of the consultations a search finds, ascending. */
export function found(terms: string[]) {
  return [...searchConsultations(getDb(), terms).hits.keys()].sort((a, b) => a - b);
}

export const marks = (segments: Array<{ text: string; hit: boolean }>) => segments.filter((s) => s.hit).map((s) => s.text);
