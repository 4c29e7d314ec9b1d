import { Fragment } from "react";
import { Link } from "@remix-run/react";
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/features/consultations";
import type { ConsultationListItem } from "~/features/consultations/index.server";
import type { SearchMatch } from "~/features/search/index.server";
import type { Segment } from "~/features/search";

/** Text with the searched terms in <mark>. Segments are plain strings: React escapes them. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</>;
}

/**
 * One search result: the consultation card's heading and facts, then where the terms were found,
 * with article hits linking straight to the article on the consultation's page.
 */
export function SearchResultCard({ consultation: c, title, match }: { consultation: ConsultationListItem; title: Segment[]; match: SearchMatch }) {
  const href = `/consultations/${c.id}`;
  return (
    <article className="consultation-card search-result">
      <h3>
        <Link to={href}>
          <Highlighted segments={title} />
        </Link>
      </h3>
      <p className="meta">
        <span className={`badge ${c.phase}`}>{PHASE_LABELS[c.phase]}</span>
        <span>{DOC_TYPE_LABELS[c.docType]}</span>
        <span>起草处室：{c.divisionName}</span>
      </p>
      {match.summary ? (
        <p>
          <Highlighted segments={match.summary} />
        </p>
      ) : c.summary ? (
        <p>{c.summary}</p>
      ) : null}
      {match.articles.length > 0 ? (
        <div className="search-hits">
          <p className="search-hits-title">
            草案中有 {match.articleCount} 条相关条文
            {match.articleCount > match.articles.length ? `，以下为前 ${match.articles.length} 条` : ""}：
          </p>
          <ul>
            {match.articles.map((a) => (
              <li key={a.number}>
                <Link to={`${href}#article-${a.number}`} className="search-hit-label">
                  {a.label}
                </Link>
                {"\u3000"}
                <Highlighted segments={a.snippet} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {match.basis ? (
        <p className="search-basis">
          <span className="search-hit-label">起草说明：</span>
          <Highlighted segments={match.basis} />
        </p>
      ) : null}
    </article>
  );
}
