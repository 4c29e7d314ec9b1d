// What the packet carries about the text under review: the 送审稿 (the latest version of the draft),
// the 起草说明, the 修改对照表 (the consulted draft against the 送审稿, article by article, with the
// answers that led to each change) and an index of the register by article. Internal: the legal
// office reads receipt numbers here, never the public.
import { raw, type Db } from "~db/client.server";
import { DISPOSITION_LABELS } from "~/features/comments";
import { articleLabels } from "./register.server";
import { diffVersions, listVersions } from "~/features/consultations/index.server";
import { type SummaryData, topicSubject } from "~/features/responses";

export interface PacketChange {
  /** 第五条 in the consulted draft, or null for an article the 送审稿 adds. */
  from: string | null;
  /** 第五条 in the 送审稿, or null for an article it removes. */
  to: string | null;
  oldText: string;
  newText: string;
  /** The answers that led to the change: adopted or partly adopted opinions on this article. */
  grounds: string[];
}

export interface PacketIndexEntry {
  label: string;
  count: number;
  /** The register's 序号 of the comments on this article, runs joined: 1-3、7、9. */
  numbers: string;
}

export interface PacketDraft {
  /** The version consulted on (征求意见稿), and the 送审稿: the latest version. */
  consulted: { label: string; versionNo: number } | null;
  final: { label: string; versionNo: number; text: string } | null;
  basis: string;
  changes: PacketChange[];
  unchanged: number;
  index: PacketIndexEntry[];
}

const LEADS = ["adopted", "partly_adopted"] as const;

/** 1-3、7、9 — ascending numbers with runs joined. */
export function numberRuns(numbers: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    out.push(j > i ? `${numbers[i]}-${numbers[j]}` : String(numbers[i]));
    i = j + 1;
  }
  return out.join("、");
}

async function articleLabelsOf(db: Db, versionId: number): Promise<Map<number, string>> {
  const rows = (await raw(db).all(
    `SELECT article_identity_id AS id, number, label FROM draft_nodes WHERE version_id = ? AND kind = 'article' AND article_identity_id IS NOT NULL`,
    versionId
  )) as Array<{ id: number; number: number | null; label: string | null }>;
  return new Map(rows.map((r) => [r.id, r.label ?? `第${r.number}条`]));
}

async function articleTexts(db: Db, versionId: number): Promise<Map<number, string>> {
  const rows = (await raw(db).all(
    `SELECT article_identity_id AS id, text FROM draft_nodes WHERE version_id = ? AND kind = 'article' AND article_identity_id IS NOT NULL`,
    versionId
  )) as Array<{ id: number; text: string }>;
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** The answers behind changes, by the 送审稿's article label: from the summary's grouping by article (summary.server.ts). */
function groundsByArticle(data: SummaryData | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of data?.groups ?? []) {
    if (!g.label) continue;
    const lines = [
      ...g.topics
        .filter((t) => t.decision && (LEADS as readonly string[]).includes(t.decision))
        .map((t) => `${topicSubject(t)}（${t.size}条）：${DISPOSITION_LABELS[t.decision!]}${t.changeMade?.trim() ? `。修改情况：${t.changeMade.trim()}` : ""}`),
      ...g.individual
        .filter((a) => (LEADS as readonly string[]).includes(a.decision))
        .map((a) => `个别意见（${a.count}条）：${DISPOSITION_LABELS[a.decision]}${a.changeMade?.trim() ? `。修改情况：${a.changeMade.trim()}` : ""}`),
    ];
    if (lines.length) out.set(g.label, lines);
  }
  return out;
}

/** The register's 序号 per article: the same order (received, id) and links (not inferred) as register.server.ts. */
async function registerIndex(db: Db, consultationId: number): Promise<PacketIndexEntry[]> {
  const labels = await articleLabels(db, consultationId);
  const ids = (await raw(db).column(`SELECT id FROM comments WHERE consultation_id = ? ORDER BY received_at, id`, consultationId)) as number[];
  const no = new Map(ids.map((id, i) => [id, i + 1]));
  const links = (await raw(db).all(
    `SELECT DISTINCT l.comment_id AS "commentId", l.article_identity_id AS "identityId" FROM comment_articles l
       JOIN comments c ON c.id = l.comment_id WHERE c.consultation_id = ? AND l.source <> 'inferred'`,
    consultationId
  )) as Array<{ commentId: number; identityId: number }>;
  const byArticle = new Map<number, number[]>();
  const linked = new Set<number>();
  for (const l of links) {
    if (!labels.has(l.identityId)) continue;
    byArticle.set(l.identityId, [...(byArticle.get(l.identityId) ?? []), no.get(l.commentId)!]);
    linked.add(l.commentId);
  }
  const general = ids.filter((id) => !linked.has(id)).map((id) => no.get(id)!);
  const entries = [...byArticle.entries()]
    .sort((a, b) => labels.get(a[0])!.number - labels.get(b[0])!.number)
    .map(([id, numbers]) => {
      const sorted = numbers.sort((a, b) => a - b);
      return { label: labels.get(id)!.label, count: sorted.length, numbers: numberRuns(sorted) };
    });
  return [...(general.length ? [{ label: "总体意见", count: general.length, numbers: numberRuns(general) }] : []), ...entries];
}

export async function packetDraft(db: Db, consultationId: number, data: SummaryData | undefined): Promise<PacketDraft> {
  const basis = ((await raw(db).value(`SELECT basis FROM consultations WHERE id = ?`, consultationId)) as string | undefined) ?? "";
  const versions = await listVersions(db, consultationId);
  const first = versions[0];
  const last = versions.at(-1);
  if (!first || !last) return { consulted: null, final: null, basis, changes: [], unchanged: 0, index: [] };
  const text = (await raw(db).value(`SELECT source_text FROM draft_versions WHERE id = ?`, last.id)) as string;
  const newLabels = await articleLabelsOf(db, last.id);
  const oldLabels = await articleLabelsOf(db, first.id);
  const grounds = groundsByArticle(data);
  const changes: PacketChange[] = [];
  let unchanged = 0;
  if (first.id !== last.id) {
    const oldTexts = await articleTexts(db, first.id);
    const newTexts = await articleTexts(db, last.id);
    for (const d of await diffVersions(db, first.id, last.id)) {
      if (d.change === "unchanged") {
        unchanged++;
        continue;
      }
      const to = newLabels.get(d.identityId) ?? null;
      changes.push({
        from: d.change === "added" ? null : oldLabels.get(d.identityId) ?? null,
        to: d.change === "removed" ? null : to,
        oldText: oldTexts.get(d.identityId) ?? "",
        newText: newTexts.get(d.identityId) ?? "",
        grounds: (to && grounds.get(to)) || [],
      });
    }
  }
  return {
    consulted: { label: first.label, versionNo: first.versionNo },
    final: { label: last.label, versionNo: last.versionNo, text },
    basis,
    changes,
    unchanged,
    index: await registerIndex(db, consultationId),
  };
}
