// How much of the text is over the limit, and where the excess starts. Shown at the field, from
// the server's rendering too (JavaScript off: after submitting), because the textarea no longer
// cuts a paste silently with `maxlength`.

const CONTEXT = 40; // characters before the limit, to show where the cut falls
const SHOWN = 300; // characters of the excess shown; the rest is counted

export function overLimit(text: string, max: number) {
  // Counted as the server and the counter count (UTF-16 units; one per Chinese character).
  if (text.length <= max) return null;
  return {
    over: text.length - max,
    before: text.slice(Math.max(0, max - CONTEXT), max),
    excess: text.slice(max, max + SHOWN),
    more: Math.max(0, text.length - max - SHOWN),
  };
}

/**
 * The loud part: an alert (announced once, when the text first goes over, since its words stay the
 * same while the count changes) and, beside it, the count and the start of the excess, marked.
 */
export function OverLimit({ id, text, max }: { id: string; text: string; max: number }) {
  const found = overLimit(text, max);
  return (
    <div id={id} className={found ? "over-limit" : undefined}>
      <p role="alert" className="field-error">
        {found ? `意见内容已超过 ${max} 字上限，超出部分不会被截断，但须删减后才能提交。` : ""}
      </p>
      {found ? (
        <>
          <p className="field-error" id={`${id}-count`}>
            超出 {found.over} 字：从第 {max + 1} 字起为超出部分（下方标出）。
          </p>
          <p className="over-limit-excerpt">
            <span className="visually-hidden">上限前的文字：</span>…{found.before}
            <mark className="over-limit-excess">
              <span className="visually-hidden">超出部分开始：</span>
              {found.excess}
            </mark>
            {found.more ? `……（其后还有 ${found.more} 字）` : ""}
          </p>
        </>
      ) : null}
    </div>
  );
}
