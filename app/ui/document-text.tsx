import { parseDocumentText } from "~/features/consultations";

/**
 * 起草说明 or 政策解读 as a document: its 一、 sections as headings one level below the section's
 * own (h3 under the page's h2), its （一） subsections one further, questions and answers as a list.
 */
export function DocumentText({ text }: { text: string }) {
  const blocks = parseDocumentText(text);
  return (
    <div className="document-text">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case "title":
            return (
              <p key={i} className="document-title">
                {b.text}
              </p>
            );
          case "heading":
            return b.depth === 1 ? <h3 key={i}>{b.text}</h3> : <h4 key={i}>{b.text}</h4>;
          case "paragraph":
            return <p key={i}>{b.text}</p>;
          case "qa":
            return (
              <dl key={i} className="qa-list">
                {b.items.map((item, j) => (
                  <div key={j} className="qa-item">
                    <dt>
                      <span className="qa-mark">问：</span>
                      {item.question}
                    </dt>
                    {item.answer.map((a, k) => (
                      <dd key={k}>
                        {k === 0 ? <span className="qa-mark">答：</span> : null}
                        {a}
                      </dd>
                    ))}
                  </div>
                ))}
              </dl>
            );
        }
      })}
    </div>
  );
}
