import { createContext, useContext } from "react";
import type { StoredNode } from "~/models/draft.server";
import { ArticleCommentCount } from "./public-comments";

/** The draft, article by article: every article has an anchor (#article-N) that can be linked to. */
type CommentHref = ((articleNumber: number) => string) | undefined;

// Approved public comments per article number; a context, so the recursion need not carry it.
const PublicCounts = createContext<Record<number, number>>({});

export function DraftView({ nodes, commentHref, publicCounts = {} }: { nodes: StoredNode[]; commentHref?: CommentHref; publicCounts?: Record<number, number> }) {
  return (
    <PublicCounts.Provider value={publicCounts}>
      <div className="draft">{nodes.map((n) => <DraftNodeView key={n.id} node={n} commentHref={commentHref} />)}</div>
    </PublicCounts.Provider>
  );
}

function PublicCount({ node }: { node: StoredNode }) {
  const counts = useContext(PublicCounts);
  return node.number === null ? null : <ArticleCommentCount article={node.number} count={counts[node.number]} />;
}

function CommentLink({ node, commentHref }: { node: StoredNode; commentHref: CommentHref }) {
  if (!commentHref || node.number === null) return null;
  return (
    <a className="comment-link" href={commentHref(node.number)}>
      对{node.label}提意见
    </a>
  );
}

function DraftNodeView({ node, commentHref }: { node: StoredNode; commentHref: CommentHref }) {
  switch (node.kind) {
    case "chapter":
      return (
        <section className="draft-chapter" aria-labelledby={`chapter-${node.number}`}>
          <h3 id={`chapter-${node.number}`} className="draft-chapter-title">
            {node.label}
            {"\u3000"}
            {node.heading}
          </h3>
          {node.children.map((c) => <DraftNodeView key={c.id} node={c} commentHref={commentHref} />)}
        </section>
      );
    case "section":
      return (
        <section className="draft-section">
          <h4 className="draft-section-title">
            {node.label}
            {"\u3000"}
            {node.heading}
          </h4>
          {node.children.map((c) => <DraftNodeView key={c.id} node={c} commentHref={commentHref} />)}
        </section>
      );
    case "article":
      return (
        <article className="draft-article" id={`article-${node.number}`} aria-label={node.label ?? undefined}>
          {node.children.length === 0 ? (
            <p>
              <a href={`#article-${node.number}`} className="article-label">{node.label}</a>
              {"\u3000"}
              {node.text}
            </p>
          ) : (
            node.children.map((p, i) => (
              <div key={p.id} className="draft-paragraph">
                <p>
                  {i === 0 ? (
                    <>
                      <a href={`#article-${node.number}`} className="article-label">{node.label}</a>
                      {"\u3000"}
                    </>
                  ) : null}
                  {p.text}
                </p>
                {p.children.length ? (
                  <ol className="draft-items">
                    {p.children.map((item) => (
                      <li key={item.id}>
                        {item.label}
                        {item.text}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </div>
            ))
          )}
          <CommentLink node={node} commentHref={commentHref} />
          <PublicCount node={node} />
        </article>
      );
    default:
      return <p>{node.text}</p>;
  }
}
