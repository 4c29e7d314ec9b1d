import { useEffect, useRef } from "react";

export type ErrorSummaryEntry = { message: string; href?: string };

/**
 * With JavaScript a link focuses its field without a navigation: a change of the URL's fragment
 * is a navigation to the router, which would drop the answer these errors came from.
 */
function focusField(event: React.MouseEvent<HTMLAnchorElement>) {
  const field = document.getElementById(event.currentTarget.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  field.focus();
  (field.closest(".field") ?? field).scrollIntoView({ block: "start" });
}

/**
 * The list of what to fix after a failed submit, each entry a link to its field; put it first in
 * the form. It takes focus: with JavaScript when a new answer (`errors`, a new object per submit)
 * arrives; without JavaScript because the form's action ends in `#<id>`, and a page opened at a
 * fragment focuses its target when the target is focusable (tabindex -1). `autofocus` is there for
 * browsers that do not, though it is skipped on a page opened at a fragment.
 */
export function ErrorSummary({
  id,
  title,
  message,
  entries,
  errors,
}: {
  id: string;
  title: string;
  message?: string;
  entries: ErrorSummaryEntry[];
  errors: object;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  return (
    <div className="error-summary" id={id} ref={ref} tabIndex={-1} autoFocus aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {message ? <p>{message}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map((e) => (
            <li key={`${e.href ?? ""}${e.message}`}>
              {e.href ? (
                <a href={e.href} onClick={focusField}>
                  {e.message}
                </a>
              ) : (
                e.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
