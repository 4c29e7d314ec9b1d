import { KeepLink } from "./keep-form";

/**
 * Page links for a long list: first, last and the pages around the current one. The current page
 * is a link too, marked aria-current, so a screen reader hears where it is in the sequence. On a
 * page with a form, paging without JavaScript carries the form's text (see KeepLink).
 */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="分页" className="pagination">
      <p>
        第 {page} 页，共 {pageCount} 页
      </p>
      {pageCount > 1 ? (
        <ul>
          {page > 1 ? (
            <li>
              <KeepLink to={href(page - 1)} rel="prev">
                上一页
              </KeepLink>
            </li>
          ) : null}
          {shown.map((p, i) => (
            <li key={p}>
              {i > 0 && p - shown[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
              <KeepLink to={href(p)} aria-current={p === page ? "page" : undefined} aria-label={`第 ${p} 页`}>
                {p}
              </KeepLink>
            </li>
          ))}
          {page < pageCount ? (
            <li>
              <KeepLink to={href(page + 1)} rel="next">
                下一页
              </KeepLink>
            </li>
          ) : null}
        </ul>
      ) : null}
    </nav>
  );
}
