// 意见登记表: every comment of a consultation as one row, in the order received. Two variants:
// "internal" for the legal packet (the original text, names and organisations) and "public" for
// anything anyone may download (approved, not private, the reviewed text, name and organisation only,
// names only where the commenter chose to be named). The public query never selects the original
// body, name, organisation or contact data, and the staff-written answers pass the publication screen.
import { raw, type Db } from "~db/client.server";
import { JSON_INTEGERS, jsonObjects, listOf } from "~db/dialect-sql";
import type { Channel, Disposition, PublishPreference, RejectReason } from "~db/vocabulary";
import { CHANNEL_LABELS, DISPOSITION_LABELS, REJECT_REASON_LABELS } from "~/features/comments";
import { DIRECT_ANSWER_JOINS, directAnswer, type CommentAnswer } from "~/features/responses/index.server";
import { attachmentSize, duplicateOf, publicIdentity, screenGenerated } from "~/features/comments/index.server";

export type RegisterVariant = "internal" | "public";

export interface RegisterRow {
  no: number;
  /** 回执编号; empty in the public variant, where it would let anyone follow another's comment. */
  receiptNo: string;
  /** 收到时间, Asia/Shanghai. */
  receivedAt: string;
  articles: string;
  text: string;
  author: string;
  /** 身份 as the commenter gave it (public: only where the screen finds nothing in it). */
  identity: string;
  channel: string;
  /** The comment's files, one a line: name, size and (internal) whether public; public: public files only. */
  files: string;
  disposition: string;
  reason: string;
}

export interface RegisterOptions {
  /** Whether 采纳情况 and 理由 are filled; public copies leave them out until the feedback is published. */
  withDispositions?: boolean;
  /** Rows fetched per query; the whole register is never held in memory. */
  chunkSize?: number;
}

interface RawRow {
  id: number;
  receiptNo: string | null;
  receivedAt: number;
  text: string | null;
  name: string | null;
  organisation: string | null;
  identity: string;
  preference: PublishPreference;
  channel: Channel;
  status: "pending" | "approved" | "rejected";
  rejectReason: RejectReason | null;
  articleIds: string | null;
  decision: Disposition | null;
  reason: string | null;
  changeMade: string | null;
  files: string | null;
}

// 2026-03-01 09:30 in Asia/Shanghai: short enough for a register column on one line.
const receivedFmt = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

const PUBLIC_WHERE = `AND c.moderation_status = 'approved' AND c.publish_preference <> 'private' AND c.published_body IS NOT NULL`;

// Inferred article links are the engine's guesses, not what the commenter or staff said.
function rowsSql(variant: RegisterVariant): string {
  return `
    SELECT c.id, c.received_at AS "receivedAt", ${
      variant === "internal"
        ? `c.receipt_no AS "receiptNo", c.body AS text, c.name, c.organisation`
        : `NULL AS "receiptNo", c.published_body AS text, c.published_name AS name, c.published_organisation AS organisation`
    },
      c.identity_category AS identity, c.publish_preference AS preference,
      c.channel, c.moderation_status AS status, c.reject_reason AS "rejectReason",
      (SELECT ${listOf("l.article_identity_id")} FROM comment_articles l
        WHERE l.comment_id = c.id AND l.source <> 'inferred') AS "articleIds",
      ans.decision AS decision, ans.reason AS reason, ans.change_made AS "changeMade",
      (SELECT ${jsonObjects([
        ["name", "f.filename"],
        ["size", "f.size"],
        ["public", "f.is_public"],
      ])} FROM
        (SELECT * FROM comment_attachments f WHERE f.comment_id = c.id ${variant === "public" ? "AND f.is_public" : ""} ORDER BY f.id) f) AS files
    FROM comments c ${DIRECT_ANSWER_JOINS /* the answer c carries directly, as ans; a 重复提交 without one takes its first copy's, in registerRows */}
    WHERE c.id IN (${JSON_INTEGERS})`;
}

function idsSql(variant: RegisterVariant): string {
  return `SELECT c.id FROM comments c WHERE c.consultation_id = ? ${variant === "public" ? PUBLIC_WHERE : ""}
    ORDER BY c.received_at, c.id`;
}

/** How many rows the register of this variant has. */
export async function registerCount(db: Db, consultationId: number, variant: RegisterVariant): Promise<number> {
  return (await raw(db).value(
    `SELECT count(*) FROM comments c WHERE c.consultation_id = ? ${variant === "public" ? PUBLIC_WHERE : ""}`,
    consultationId
  )) as number;
}

/** Article identity → its label (第五条), the latest version's label winning for renumbered articles. */
export async function articleLabels(db: Db, consultationId: number): Promise<Map<number, { number: number; label: string }>> {
  const rows = (await raw(db).all(
    `SELECT n.article_identity_id AS id, n.number, n.label FROM draft_nodes n
       JOIN draft_versions v ON v.id = n.version_id
       WHERE v.consultation_id = ? AND n.kind = 'article' AND n.article_identity_id IS NOT NULL
       ORDER BY v.version_no`,
    consultationId
  )) as Array<{ id: number; number: number | null; label: string | null }>;
  const labels = new Map<number, { number: number; label: string }>();
  for (const r of rows) labels.set(r.id, { number: r.number ?? 0, label: r.label ?? `第${r.number}条` });
  return labels;
}

function filesOf(r: RawRow, variant: RegisterVariant): string {
  const files = JSON.parse(r.files ?? "[]") as Array<{ name: string; size: number; public: number }>;
  return files.map((f) => `${f.name}（${attachmentSize(f.size)}${variant === "internal" ? (f.public ? "，公开" : "，不公开") : ""}）`).join("\n");
}

function authorOf(r: RawRow, variant: RegisterVariant): string {
  if (variant === "public") {
    const identity = publicIdentity(r.identity);
    if (r.preference !== "named") return identity ? `网友（${identity}）` : "网友";
    return [r.name ?? "网友", r.organisation].filter(Boolean).join("，");
  }
  return [r.name, r.organisation].filter(Boolean).join("，") || "未署名";
}

export const DUPLICATE_NOTE = "（重复提交：同一提出人此前提交过相同内容的意见，适用对首次提交意见的答复。）";

function answerOf(r: RawRow, withDispositions: boolean, duplicate: CommentAnswer | undefined): { disposition: string; reason: string } {
  if (!withDispositions) return { disposition: "", reason: "" };
  if (!r.decision && duplicate) {
    const change = duplicate.changeMade?.trim() ? `修改情况：${duplicate.changeMade.trim()}` : "";
    return { disposition: DISPOSITION_LABELS[duplicate.decision], reason: [duplicate.reason.trim(), change, DUPLICATE_NOTE].filter(Boolean).join("\n") };
  }
  if (r.decision) {
    const change = r.changeMade?.trim() ? `修改情况：${r.changeMade.trim()}` : "";
    return { disposition: DISPOSITION_LABELS[r.decision], reason: [r.reason?.trim(), change].filter(Boolean).join("\n") };
  }
  if (r.status === "rejected") {
    return { disposition: "不予公开", reason: r.rejectReason ? REJECT_REASON_LABELS[r.rejectReason] : "" };
  }
  return { disposition: "尚未处理", reason: "" };
}

/**
 * Answers are written by staff and may quote a commenter: what the screen finds is redacted. A topic's
 * answer repeats on every member's row, so each distinct text is screened once per register.
 */
function answerScreen() {
  const seen = new Map<string, string>();
  return (a: { disposition: string; reason: string }) => {
    let reason = seen.get(a.reason);
    if (reason === undefined) seen.set(a.reason, (reason = screenGenerated(a.reason).text));
    return { disposition: a.disposition, reason };
  };
}

/** The register's rows as the writers take them: streamed from the database, or a list in tests. */
export type RegisterRows = Iterable<RegisterRow> | AsyncIterable<RegisterRow>;

/**
 * The register's rows, streamed: the ordered ids first (a few bytes each), then the rows a chunk at
 * a time. No statement stays open between chunks, so a slow download never holds the connection
 * that every other request writes through.
 */
export async function* registerRows(db: Db, consultationId: number, variant: RegisterVariant, options: RegisterOptions = {}): AsyncGenerator<RegisterRow> {
  const withDispositions = options.withDispositions ?? true;
  const chunkSize = options.chunkSize ?? 2000;
  const ids = Int32Array.from(await raw(db).column<number>(idsSql(variant), consultationId));
  const labels = await articleLabels(db, consultationId);
  const select = rowsSql(variant);
  const screenAnswer = answerScreen();
  const firstCopies = withDispositions ? await duplicateOf(db, consultationId) : new Map<number, number>();
  const firstAnswers = new Map<number, CommentAnswer | null>();
  const duplicateAnswer = async (id: number) => {
    const first = firstCopies.get(id);
    if (first === undefined) return undefined;
    // A first copy repeats nothing: its answer is its direct one (no search for earlier copies).
    if (!firstAnswers.has(first)) firstAnswers.set(first, await directAnswer(db, first));
    return firstAnswers.get(first) ?? undefined;
  };
  let no = 0;
  for (let start = 0; start < ids.length; start += chunkSize) {
    const slice = Array.from(ids.subarray(start, start + chunkSize));
    const byId = new Map((await raw(db).all<RawRow>(select, JSON.stringify(slice))).map((r) => [r.id, r]));
    for (const id of slice) {
      const r = byId.get(id);
      if (!r) continue; // deleted between the two queries
      const articles = (r.articleIds ?? "")
        .split(",")
        .flatMap((a) => labels.get(Number(a)) ?? [])
        .sort((a, b) => a.number - b.number)
        .map((a) => a.label);
      yield {
        no: ++no,
        receiptNo: r.receiptNo ?? "",
        receivedAt: receivedFmt.format(new Date(r.receivedAt)),
        articles: articles.length ? articles.join("、") : "总体意见",
        text: r.text ?? "",
        author: authorOf(r, variant),
        identity: variant === "internal" ? r.identity : publicIdentity(r.identity) ?? "",
        channel: CHANNEL_LABELS[r.channel],
        files: filesOf(r, variant),
        ...(variant === "public"
          ? screenAnswer(answerOf(r, withDispositions, await duplicateAnswer(id)))
          : answerOf(r, withDispositions, await duplicateAnswer(id))),
      };
    }
  }
}
