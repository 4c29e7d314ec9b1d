import { Form, useLocation } from "@remix-run/react";
import { useKeepFormId } from "./keep-form";

/**
 * Text size and high contrast: plain form buttons, so they work without JavaScript. Without
 * JavaScript on a page with a comment form, they post that form (its text comes back in the new
 * size, see routes/preferences.tsx); otherwise their own.
 */
export function DisplayControls({ size, contrast }: { size: string; contrast: string }) {
  const location = useLocation();
  const back = location.pathname + location.search;
  const keepForm = useKeepFormId();
  const button = (field: "size" | "contrast", value: string) =>
    keepForm
      ? {
          type: "submit" as const,
          form: keepForm,
          formAction: `/preferences?keep=${encodeURIComponent(back)}`,
          formMethod: "post",
          formNoValidate: true,
          name: "intent",
          value: `display:${field}:${value}`,
        }
      : { type: "submit" as const, name: field, value };
  return (
    <Form method="post" action="/preferences" className="display-controls" aria-label="显示设置">
      <input type="hidden" name="back" value={back} />
      <span className="display-label">字号</span>
      <button {...button("size", "down")} disabled={size === "normal"} aria-label="缩小字号">
        A−
      </button>
      <button {...button("size", "reset")} aria-label="标准字号" aria-pressed={size === "normal"}>
        A
      </button>
      <button {...button("size", "up")} disabled={size === "larger"} aria-label="放大字号">
        A+
      </button>
      <button {...button("contrast", "toggle")} aria-pressed={contrast === "high"}>
        高对比度
      </button>
    </Form>
  );
}
