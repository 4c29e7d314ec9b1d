import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The shared e2e server's database file, from the base URL's port (tests/setup/e2e-server.mjs). */
export const sharedServerDb = (baseURL: string) => path.join(root, "tests", ".tmp-e2e", `port-${new URL(baseURL).port}`, "zhengqiu.db");

/**
 * Staff approve a public title for every topic, as a reviewer's approval of the summary requires
 * (summary-titles.server.ts). Written to the database while the analysis page has no control for
 * it on this branch; the titles are made distinct from the working labels.
 */
export function approveTopicTitles(dbFile: string, consultationId: number): void {
  const db = new Database(dbFile);
  db.prepare("UPDATE topics SET public_title = '审定标题：' || replace(label, '、', '和') WHERE consultation_id = ? AND public_title IS NULL").run(consultationId);
  db.close();
}
