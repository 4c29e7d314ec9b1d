import type { SerializeFrom } from "@remix-run/node";
import type { DuplicateCard } from "~/features/comments/index.server";
import { formatDateTime, isoInstant } from "~/platform/dates";

/** 重复提交: one person sending the same text again; apart from campaigns, answered by the first copy's answer. */
export function DuplicateCards({ groups }: { groups: Array<SerializeFrom<DuplicateCard>> }) {
  return (
    <section aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">重复提交（{groups.length} 组）</h2>
      <p className="hint">
        同一提出人（同一电子邮箱，或未留邮箱时同一姓名和单位）多次提交相同内容的意见，不算作多人联名；每一条都计入意见总数，对首次提交意见的答复适用于其重复提交，并在登记表和查询页面注明。
      </p>
      {groups.length === 0 ? <p className="no-results">未发现重复提交的意见。</p> : null}
      {groups.map((g) => (
        <article key={g.first.id} className="campaign-card duplicate-card" aria-labelledby={`duplicate-${g.first.id}-title`}>
          <h3 id={`duplicate-${g.first.id}-title`}>
            {g.submitter}：共 {g.copies.length + 1} 条
          </h3>
          <blockquote className="comment-excerpt">
            <p>{g.text}</p>
          </blockquote>
          <ul>
            <li>
              首次提交：{g.first.receiptNo}，<time dateTime={isoInstant(g.first.receivedAt)}>{formatDateTime(g.first.receivedAt)}</time>
            </li>
            {g.copies.map((c) => (
              <li key={c.id}>
                重复提交：{c.receiptNo}，<time dateTime={isoInstant(c.receivedAt)}>{formatDateTime(c.receivedAt)}</time>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
