import { raw, type Db } from "~db/client.server";
import { PUBLIC_STATUSES } from "~/features/consultations";
import { foldCase } from "./search-text";

/**
 * What to offer as someone types in the search box: the public consultations' own vocabulary —
 * their frequent words (search_keywords), the headings of their latest drafts' chapters, sections
 * and articles, and their titles. Only public consultations; never anything from comments, so
 * nothing a citizen wrote can reach the box before review.
 */

export const MAX_SUGGESTIONS = 8;
const MAX_TYPED = 20;

const statuses = PUBLIC_STATUSES.map(() => "?").join(",");
const PUBLIC_IDS = `SELECT id FROM consultations WHERE status IN (${statuses})`;

/** `withTitles: false` for 您是不是要找 under results, where the matching titles are already listed. */
export async function searchSuggestions(db: Db, typed: string, limit = MAX_SUGGESTIONS, withTitles = true): Promise<string[]> {
  const text = foldCase(typed.replace(/\s+/g, " ").trim()).slice(0, MAX_TYPED);
  if (!text) return [];
  // instr() takes the typed text as a value: %, _ and quotes are plain characters.
  const keywords = (await raw(db).column(
    `SELECT term FROM search_keywords WHERE instr(term, ?) > 0 AND consultation_id IN (${PUBLIC_IDS})
       GROUP BY term ORDER BY instr(term, ?) = 1 DESC, sum(weight) DESC, term LIMIT ?`,
    text,
    ...PUBLIC_STATUSES,
    text,
    limit
  )) as string[];
  const headings = (await raw(db).column(
    `SELECT n.heading FROM draft_nodes n JOIN draft_versions v ON v.id = n.version_id
       WHERE n.heading IS NOT NULL AND instr(n.heading, ?) > 0 AND v.consultation_id IN (${PUBLIC_IDS})
         AND v.version_no = (SELECT max(version_no) FROM draft_versions w WHERE w.consultation_id = v.consultation_id)
       GROUP BY n.heading ORDER BY length(n.heading), n.heading LIMIT ?`,
    text,
    ...PUBLIC_STATUSES,
    limit
  )) as string[];
  const titles = withTitles
    ? ((await raw(db).column(
        `SELECT title FROM consultations WHERE instr(lower(title), ?) > 0 AND id IN (${PUBLIC_IDS}) ORDER BY id DESC LIMIT ?`,
        text,
        ...PUBLIC_STATUSES,
        limit
      )) as string[])
    : [];

  const out: string[] = [];
  for (const s of [...keywords, ...headings, ...titles]) {
    const suggestion = s.trim();
    if (suggestion && foldCase(suggestion) !== text && !out.includes(suggestion)) out.push(suggestion);
  }
  return out.slice(0, limit);
}
