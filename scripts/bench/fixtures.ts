// Builds benchmark databases: the demo, plus many comments recombined from the demo's own sentences.
import { raw, migrateDatabase, openDatabase, type Db } from "~db/client.server";
import { seedDemo } from "~db/seed";
import { openConsultation } from "~db/seed/demo-content";
import { hashCheckCode } from "~/features/comments/receipt.server";

const sentences = openConsultation.comments
  .flatMap((c) => c.text.split(/(?<=[。！？!?])/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 6);

/** A deterministic pseudo-random generator, so every run measures the same data. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function recombinedText(random: () => number): string {
  const n = 1 + Math.floor(random() * 3);
  return Array.from({ length: n }, () => sentences[Math.floor(random() * sentences.length)]).join("");
}

/** The demo database with `extra` more approved comments on the open consultation (id 1). */
export async function benchDatabase(file: string, extra: number): Promise<Db> {
  const db = openDatabase(file);
  await migrateDatabase(db);
  await seedDemo(db);
  const random = rng(42);
  const articles = (await raw(db).all(
    `SELECT n.article_identity_id AS id FROM draft_nodes n JOIN draft_versions v ON v.id = n.version_id WHERE v.consultation_id = 1 AND n.kind = 'article'`
  )) as Array<{ id: number }>;
  const insert = db.$client.prepare(
    `INSERT INTO comments (consultation_id, receipt_no, check_code_hash, body, body_normalized, published_body, identity_category,
       publish_preference, channel, received_at, moderation_status, moderated_at, created_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'web', ?, 'approved', ?, ?) RETURNING id`
  );
  const link = db.$client.prepare(`INSERT INTO comment_articles (comment_id, article_identity_id) VALUES (?, ?)`);
  const identities = ["退役军人", "军属", "企业", "社会组织", "其他群众"];
  const start = Date.now() - 10 * 86_400_000;
  db.$client.transaction(() => {
    for (let i = 0; i < extra; i++) {
      const text = recombinedText(random);
      const receipt = `ZQ20261126-B${i.toString(36).toUpperCase().padStart(5, "0")}`;
      const at = start + Math.floor((i / extra) * 9 * 86_400_000);
      const { id } = insert.get(receipt, hashCheckCode(receipt, "X"), text, text, text, identities[i % 5], i % 7 === 0 ? "named" : "anonymous", at, at, at) as {
        id: number;
      };
      if (random() < 0.6) link.run(id, articles[Math.floor(random() * articles.length)].id);
    }
  })();
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  return db;
}
