import { STANCE_LABELS, ARTICLE_SOURCE_LABELS, confidenceLabel, type ArticleSource } from "~/features/analysis";
import type { Stance } from "~db/vocabulary";
import { toChineseNumeral } from "~/engine/chinese-numerals";

const EXCERPT = 160;

/** Staff read the original; the badge says so when it holds personal data, so it is not copied out carelessly. */
export function PiiBadge({ hasPii }: { hasPii: boolean }) {
  return hasPii ? <span className="badge pii-badge">含个人信息</span> : null;
}

/** A representative comment, cut short; the whole text is one click away in the topic. */
export function Excerpt({ body, hasPii, receiptNo }: { body: string; hasPii: boolean; receiptNo: string }) {
  const chars = [...body];
  const text = chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join("")}……` : body;
  return (
    <blockquote className="comment-excerpt">
      <p>{text}</p>
      <footer className="meta">
        <span>回执编号 {receiptNo}</span>
        <PiiBadge hasPii={hasPii} />
      </footer>
    </blockquote>
  );
}

export function StanceBadge({ stance }: { stance: Stance | null }) {
  return stance ? <span className={`badge stance stance-${stance}`}>{STANCE_LABELS[stance]}</span> : null;
}

/**
 * The articles a comment concerns, each marked with where that came from: the commenter's own choice, staff,
 * the text naming it, or the analysis inferring it. The words are written out, not only the style.
 */
export function ArticleTags({
  articles,
  highlight,
}: {
  articles: Array<{ number: number; source: ArticleSource; confidence?: number | null }>;
  highlight?: number;
}) {
  if (articles.length === 0) return <span>整体意见</span>;
  return (
    <ul className="article-tags">
      {articles.map((a) => (
        <li key={a.number} className={`article-tag source-${a.source}${a.number === highlight ? " current" : ""}`}>
          第{toChineseNumeral(a.number)}条
          <span className="article-source">
            （{ARTICLE_SOURCE_LABELS[a.source]}
            {a.source === "inferred" && a.confidence != null ? `，${confidenceLabel(a.confidence)}` : ""}）
          </span>
        </li>
      ))}
    </ul>
  );
}
