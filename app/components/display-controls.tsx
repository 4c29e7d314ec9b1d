import { Form, useLocation } from "@remix-run/react";

/** Text size and high contrast: plain form buttons, so they work without JavaScript. */
export function DisplayControls({ size, contrast }: { size: string; contrast: string }) {
  const location = useLocation();
  const back = location.pathname + location.search;
  return (
    <Form method="post" action="/preferences" className="display-controls" aria-label="显示设置">
      <input type="hidden" name="back" value={back} />
      <span className="display-label">字号</span>
      <button type="submit" name="size" value="down" disabled={size === "normal"} aria-label="缩小字号">
        A−
      </button>
      <button type="submit" name="size" value="reset" aria-label="标准字号" aria-pressed={size === "normal"}>
        A
      </button>
      <button type="submit" name="size" value="up" disabled={size === "larger"} aria-label="放大字号">
        A+
      </button>
      <button type="submit" name="contrast" value="toggle" aria-pressed={contrast === "high"}>
        高对比度
      </button>
    </Form>
  );
}
