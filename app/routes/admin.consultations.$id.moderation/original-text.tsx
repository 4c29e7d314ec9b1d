import type { QueueRedaction } from "~/features/comments/index.server";
import { FIELD_LABELS, PII_KIND_LABELS, REDACTION_STATUS_LABELS } from "~/features/comments";

type Piece = { text: string; span?: QueueRedaction };

/** Cuts the original text at the detector's spans; overlapping spans go with the first. */
function pieces(body: string, spans: QueueRedaction[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end <= s.start) continue;
    if (s.start > at) out.push({ text: body.slice(at, s.start) });
    out.push({ text: body.slice(s.start, s.end), span: s });
    at = s.end;
  }
  if (at < body.length) out.push({ text: body.slice(at) });
  return out;
}

/**
 * The commenter's own words, as received, with each detected span marked. The kind is written out
 * beside the highlight, so it does not depend on seeing colour (screen readers skip <mark>).
 */
export function OriginalText({ body, spans }: { body: string; spans: QueueRedaction[] }) {
  return (
    <p className="original-text">
      {marked(
        body,
        spans.filter((s) => s.field === "body")
      )}
    </p>
  );
}

/** A name or an organisation as received, with what the screen found in it marked the same way. */
export function OriginalLine({ text, spans }: { text: string; spans: QueueRedaction[] }) {
  return <span className="original-line">{marked(text, spans)}</span>;
}

function marked(body: string, spans: QueueRedaction[]) {
  return pieces(body, spans).map((p, i) =>
    p.span ? (
      <mark key={i} className={`pii pii-${p.span.status}`}>
        {p.text}
        <span className="pii-kind">
          [{PII_KIND_LABELS[p.span.kind]}·{REDACTION_STATUS_LABELS[p.span.status]}]
        </span>
      </mark>
    ) : (
      <span key={i}>{p.text}</span>
    )
  );
}

/** "检出：手机号 1 处（待确认）" under the text, so the spans can be reviewed at a glance. */
export function RedactionSummary({ spans }: { spans: QueueRedaction[] }) {
  if (!spans.length) return <p className="hint">未检出个人信息。</p>;
  const counts = new Map<string, { kind: string; status: string; n: number }>();
  for (const s of spans) {
    const key = `${s.field}:${s.kind}:${s.status}`;
    const where = s.field === "body" ? "" : `${FIELD_LABELS[s.field]}中的`;
    const entry = counts.get(key) ?? { kind: `${where}${PII_KIND_LABELS[s.kind]}`, status: REDACTION_STATUS_LABELS[s.status], n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return <p className="hint">检出个人信息：{[...counts.values()].map((c) => `${c.kind} ${c.n} 处（${c.status}）`).join("，")}</p>;
}
