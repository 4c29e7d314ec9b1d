import type { Stance } from "./stance";

/**
 * What an article's comments say, as a drafting division answers it (issue 19 §2): how many support, oppose,
 * suggest, question or say nothing for or against it, with each form-letter campaign counted once and its size
 * stated; the distinct arguments among them (the comments grouped by the topic each belongs to), each with its
 * size and up to three quotes, the most central of the group and unlike each other.
 */
export interface DigestComment {
  id: number;
  text: string;
  /** the stance towards this article (the comment's own where it names no other) */
  stance: Stance;
  campaignId: number | null;
  topicId: number | null;
  topicLabel: string | null;
}

export interface ArticleDigest {
  /** comments and campaigns by stance: a campaign is one voice here */
  stances: Record<Stance, number>;
  /** the campaigns among the article's comments, with how many letters each counts */
  campaigns: Array<{ campaignId: number; size: number; stance: Stance }>;
  groups: Array<{ topicId: number | null; label: string; size: number; voices: number; quotes: Array<{ id: number; text: string }> }>;
}

const QUOTES = 3;
const QUOTE_CHARS = 160;
/** Groups compare their comments pairwise to find the central ones: a sample keeps a large group cheap. */
const SAMPLE = 120;
const TOO_SIMILAR = 0.8;

const bigrams = (text: string) => {
  const s = text.replace(/\s+/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
};

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

const STANCE_ORDER: Stance[] = ["support", "oppose", "suggest", "question", "neutral"];

/** The most common stance of a campaign's letters (ties in the order above). */
function majority(stances: Stance[]): Stance {
  const n = new Map<Stance, number>();
  for (const s of stances) n.set(s, (n.get(s) ?? 0) + 1);
  return STANCE_ORDER.reduce((best, s) => ((n.get(s) ?? 0) > (n.get(best) ?? 0) ? s : best), STANCE_ORDER[0]);
}

function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS)}…` : t;
}

/** Up to three comments of a group: the closest to all the others, each unlike those already chosen. */
function centralQuotes(members: DigestComment[]): Array<{ id: number; text: string }> {
  // One letter per campaign: its copies would all be the most central.
  const seen = new Set<number>();
  const pool = members.filter((m) => m.campaignId === null || (!seen.has(m.campaignId) && seen.add(m.campaignId))).slice(0, SAMPLE);
  const grams = pool.map((m) => bigrams(m.text));
  const centrality = pool.map((_, i) => grams.reduce((sum, g, j) => (i === j ? sum : sum + jaccard(grams[i], g)), 0) / Math.max(1, pool.length - 1));
  const order = pool.map((_, i) => i).sort((a, b) => centrality[b] - centrality[a] || pool[a].id - pool[b].id);
  const chosen: number[] = [];
  for (const i of order) {
    if (chosen.length === QUOTES) break;
    if (!pool[i].text.trim()) continue;
    if (chosen.some((j) => jaccard(grams[i], grams[j]) > TOO_SIMILAR)) continue;
    chosen.push(i);
  }
  return chosen.map((i) => ({ id: pool[i].id, text: quote(pool[i].text) }));
}

/** Stances of an article's comments, a campaign counted once (its letters' most common stance). */
export function articleStances(comments: ReadonlyArray<Pick<DigestComment, "stance" | "campaignId">>): Pick<ArticleDigest, "stances" | "campaigns"> {
  const stances: Record<Stance, number> = { support: 0, oppose: 0, suggest: 0, question: 0, neutral: 0 };
  const byCampaign = new Map<number, Stance[]>();
  for (const c of comments) {
    if (c.campaignId === null) stances[c.stance]++;
    else {
      const letters = byCampaign.get(c.campaignId);
      if (letters) letters.push(c.stance);
      else byCampaign.set(c.campaignId, [c.stance]);
    }
  }
  const campaigns = [...byCampaign].map(([campaignId, s]) => ({ campaignId, size: s.length, stance: majority(s) }));
  for (const c of campaigns) stances[c.stance]++;
  return { stances, campaigns };
}

export function digestArticle(comments: readonly DigestComment[]): ArticleDigest {
  const { stances, campaigns } = articleStances(comments);

  const byTopic = new Map<number | null, DigestComment[]>();
  for (const c of comments) {
    const members = byTopic.get(c.topicId);
    if (members) members.push(c);
    else byTopic.set(c.topicId, [c]);
  }
  const groups = [...byTopic].map(([topicId, members]) => ({
    topicId,
    label: members[0].topicLabel ?? "其他意见",
    size: members.length,
    voices: new Set(members.map((m) => (m.campaignId === null ? `c${m.id}` : `k${m.campaignId}`))).size,
    quotes: centralQuotes(members),
  }));
  // Largest first by voices (a campaign is one); comments in no topic last.
  groups.sort((a, b) => Number(a.topicId === null) - Number(b.topicId === null) || b.voices - a.voices || b.size - a.size || a.label.localeCompare(b.label));
  return { stances, campaigns, groups };
}
