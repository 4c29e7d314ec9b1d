import { Link, useMatches } from "@remix-run/react";
import { useEffect, useState } from "react";

/**
 * Nothing a person typed is lost by a navigation on the same page. With JavaScript the router
 * changes the page without reloading it, so the form keeps its text by itself. Without
 * JavaScript a link would reload the page and empty the form; so, until the page is hydrated,
 * such a link is a submit button of the form on the page instead (`intent=keep`): the form's
 * text goes to the page's action, which stores nothing and renders the page at the link's
 * address with the text back in place.
 */
export const KEEP_INTENT = "keep";

let hydratedOnce = false;

/** False in the server's HTML and until React has hydrated it; true after (and on later pages). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(hydratedOnce);
  useEffect(() => {
    hydratedOnce = true;
    setHydrated(true);
  }, []);
  return hydrated;
}

/** A route names the form whose text navigations must carry: `handle = { keepForm: (data) => id | null }`. */
export type KeepFormHandle = { keepForm?: (data: unknown) => string | null };

/** The id of the form on this page that links must carry without JavaScript; null when none (or with JavaScript). */
export function useKeepFormId(): string | null {
  const matches = useMatches();
  const hydrated = useHydrated();
  if (hydrated) return null;
  for (const match of matches) {
    const handle = match.handle as KeepFormHandle | undefined;
    const id = handle?.keepForm?.(match.data);
    if (id) return id;
  }
  return null;
}

/**
 * A link within the page's route (`?page=2#list`): a router link, or without JavaScript, where
 * the page holds a form, a button that posts that form's text along (see KEEP_INTENT).
 */
export function KeepLink({
  to,
  className,
  children,
  ...aria
}: {
  to: string;
  className?: string;
  children: React.ReactNode;
  rel?: string;
  "aria-label"?: string;
  "aria-current"?: "page";
}) {
  const formId = useKeepFormId();
  if (!formId) {
    return (
      <Link to={to} className={className} {...aria}>
        {children}
      </Link>
    );
  }
  const { rel: _rel, ...buttonAria } = aria;
  return (
    <button
      type="submit"
      form={formId}
      formAction={to}
      formMethod="post"
      name="intent"
      value={KEEP_INTENT}
      formNoValidate
      className={`link-button keep-link${className ? ` ${className}` : ""}`}
      {...buttonAria}
    >
      {children}
    </button>
  );
}
