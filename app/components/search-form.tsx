import { Form, Link } from "@remix-run/react";
import { MAX_QUERY_LENGTH } from "~/models/search-text";

/**
 * The search box: a GET form to /consultations, so it works without JavaScript and every search
 * has a URL that can be shared. `children` adds fields (the filters) to the same form.
 */
export function SearchForm({
  id,
  defaultQuery = "",
  label = "搜索征求意见",
  children,
  className,
}: {
  id: string;
  defaultQuery?: string;
  label?: string;
  children?: React.ReactNode;
  className?: string;
}) {
  return (
    <Form method="get" action="/consultations" role="search" aria-labelledby={`${id}-label`} className={className}>
      <label id={`${id}-label`} htmlFor={id} className="search-label">
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        可搜索标题、摘要、草案条文和起草说明；多个词语用空格分隔。
      </p>
      <div className="search-row">
        <input
          type="search"
          id={id}
          name="q"
          defaultValue={defaultQuery}
          maxLength={MAX_QUERY_LENGTH}
          aria-describedby={`${id}-hint`}
          placeholder="如：就业 创业贷款"
          enterKeyHint="search"
        />
        <button type="submit" className="button">
          搜索
        </button>
      </div>
      {children}
    </Form>
  );
}

/** Keywords as links that run the search for them. */
export function KeywordLinks({ id, label, keywords }: { id: string; label: string; keywords: string[] }) {
  if (keywords.length === 0) return null;
  return (
    <div className="keyword-links">
      <span id={id}>{label}</span>
      <ul aria-labelledby={id}>
        {keywords.map((k) => (
          <li key={k}>
            <Link to={`/consultations?${new URLSearchParams({ q: k })}`}>{k}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
