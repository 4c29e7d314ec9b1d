import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { MAX_QUERY_LENGTH } from "~/features/search";

const SUGGEST_DELAY_MS = 150;

/**
 * Suggestions for the search box from /consultations/suggest as the person types; until then (and
 * without JavaScript) the ones the page was rendered with.
 */
function useSuggestions(initial: string[]) {
  const fetcher = useFetcher<{ suggestions: string[] }>();
  const [typed, setTyped] = useState<string | null>(null);
  const timer = useRef<Awaited<ReturnType<typeof setTimeout>>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (event: React.FormEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value.trim();
    clearTimeout(timer.current);
    setTyped(value);
    if (!value) return;
    timer.current = setTimeout(() => fetcher.load(`/consultations/suggest?${new URLSearchParams({ q: value })}`), SUGGEST_DELAY_MS);
  };
  const suggestions = typed ? fetcher.data?.suggestions ?? [] : initial;
  return { suggestions, onInput };
}

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
  suggestions: initial = [],
}: {
  id: string;
  defaultQuery?: string;
  label?: string;
  children?: React.ReactNode;
  className?: string;
  /** Offered in the box's list before anything is typed (and all the time without JavaScript). */
  suggestions?: string[];
}) {
  const { suggestions, onInput } = useSuggestions(initial);
  return (
    <Form method="get" action="/consultations" role="search" aria-labelledby={`${id}-label`} className={className}>
      <label id={`${id}-label`} htmlFor={id} className="search-label">
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        可搜索标题、摘要、草案条文和起草说明；多个词语用空格分隔，加引号（如“创业担保贷款”）查找完整词句，输入“第十五条”或“15条”查找条文。
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
          list={`${id}-suggestions`}
          autoComplete="off"
          onInput={onInput}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
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
