import type { AuditChange } from "~/features/accounts";

/** What one audit entry changed, as field：before → after lines. */
export function AuditChanges({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="meta">—</span>;
  return (
    <dl className="audit-changes">
      {changes.map((c, i) => (
        <div key={i}>
          <dt>{c.field}：</dt>
          <dd>{c.before !== null && c.after !== null ? `${c.before} → ${c.after}` : c.after ?? `原为 ${c.before}`}</dd>
        </div>
      ))}
    </dl>
  );
}
