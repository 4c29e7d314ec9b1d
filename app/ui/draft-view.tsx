import { createContext, useContext } from "react";
import type { StoredNode } from "~/features/consultations/index.server";
import { ArticleCommentCount } from "./public-comments";

/**
 * The draft, article by article: every article has an anchor (#article-N) that can be linked to.
 * `commentControl` renders what lets a reader comment on an article, under it (while open).
 */
type CommentControl = ((article: { number: number; label: string }) => React.ReactNode) | undefined;

// Approved public comments per article number; a context, so the recursion need not carry it.
const PublicCounts = createContext<Record<number, number>>({});

export function DraftView({
  nodes,
  commentControl,
  publicCounts = {},
}: {
  nodes: StoredNode[];
  commentControl?: CommentControl;
  publicCounts?: Record<number, number>;
}) {
  return (
    <PublicCounts.Provider value={publicCounts}>
      <div className="draft">
        {nodes.map((n) => (
          <DraftNodeView key={n.id} node={n} commentControl={commentControl} />
        ))}
      </div>
    </PublicCounts.Provider>
  );
}

function PublicCount({ node }: { node: StoredNode }) {
  const counts = useContext(PublicCounts);
  return node.number === null ? null : <ArticleCommentCount article={node.number} count={counts[node.number]} />;
}

function ArticleTools({ node, commentControl }: { node: StoredNode; commentControl: CommentControl }) {
  const counts = useContext(PublicCounts);
  if (node.number === null || (!commentControl && !counts[node.number])) return null;
  return (
    <div className="article-tools">
      <PublicCount node={node} />
      {commentControl?.({ number: node.number, label: node.label ?? `第${node.number}条` })}
    </div>
  );
}

function DraftNodeView({ node, commentControl }: { node: StoredNode; commentControl: CommentControl }) {
  switch (node.kind) {
    case "chapter":
      return (
        <section className="draft-chapter" aria-labelledby={`chapter-${node.number}`}>
          <h3 id={`chapter-${node.number}`} className="draft-chapter-title">
            {node.label}
            {"\u3000"}
            {node.heading}
          </h3>
          {node.children.map((c) => (
            <DraftNodeView key={c.id} node={c} commentControl={commentControl} />
          ))}
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
          {node.children.map((c) => (
            <DraftNodeView key={c.id} node={c} commentControl={commentControl} />
          ))}
        </section>
      );
    case "article":
      return (
        <article className="draft-article" id={`article-${node.number}`} aria-label={node.label ?? undefined}>
          {node.children.length === 0 ? (
            <p>
              <a href={`#article-${node.number}`} className="article-label">
                {node.label}
              </a>
              {"\u3000"}
              {node.text}
            </p>
          ) : (
            node.children.map((p, i) => (
              <div key={p.id} className="draft-paragraph">
                <p>
                  {i === 0 ? (
                    <>
                      <a href={`#article-${node.number}`} className="article-label">
                        {node.label}
                      </a>
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
          <ArticleTools node={node} commentControl={commentControl} />
        </article>
      );
    default:
      return <p>{node.text}</p>;
  }
}
