// 意见采纳情况说明 as stored: plain text, paragraphs separated by blank lines. Shown as elements,
// never as HTML, with the document's own numbering made into headings for screen readers.

const SECTION = /^[一二三四五六七八九十]+、/; // 一、基本情况
const SUBSECTION = /^（[一二三四五六七八九十]+）/; // （一）关于第十条
const HEADING_MAX = 40;
const TAGS = { 3: ["h3", "h4"], 4: ["h4", "h5"] } as const;

/** `level` is the heading level of the 一、 sections; the （一） subsections sit one below. */
export function SummaryText({ body, level = 3 }: { body: string; level?: 3 | 4 }) {
  const [title, ...paragraphs] = body.split(/\n{2,}/);
  const [Section, Subsection] = TAGS[level];
  return (
    <div className="summary-text">
      <p className="summary-title">{title}</p>
      {paragraphs.map((p, i) => {
        if (p.length <= HEADING_MAX && SECTION.test(p))
          return (
            <Section key={i} className="summary-section">
              {p}
            </Section>
          );
        if (p.length <= HEADING_MAX && SUBSECTION.test(p))
          return (
            <Subsection key={i} className="summary-subsection">
              {p}
            </Subsection>
          );
        return <p key={i}>{p}</p>;
      })}
    </div>
  );
}
