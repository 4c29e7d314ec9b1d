import type { CampaignCard } from "~/features/analysis/index.server";
import { CHANNEL_LABELS } from "~/features/comments";
import { formatDateTime, isoInstant } from "~/platform/dates";
import { PiiBadge } from "./comment-text";

/**
 * Near-identical letters as one card each: how many, from how many distinct senders, the text once, and every
 * member listed (in <details>, so a long list does not bury the next card). None is dropped from the record.
 */
export function CampaignCards({ campaigns }: { campaigns: CampaignCard[] }) {
  return (
    <section aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">内容基本相同的意见（{campaigns.length} 组）</h2>
      <p className="hint">多人提交的内容基本相同的意见（如统一模板的联名信）合为一组显示；每一条都计入意见总数，在反馈说明中如实说明。</p>
      {campaigns.length === 0 ? <p className="no-results">未发现内容基本相同的意见。</p> : null}
      <div className="campaign-grid">
        {campaigns.map((c, i) => (
          <article key={c.id} className="campaign-card" aria-labelledby={`campaign-${c.id}-title`}>
            <h3 id={`campaign-${c.id}-title`}>
              第 {i + 1} 组：{c.size} 条
            </h3>
            <dl className="campaign-facts">
              <div>
                <dt>意见数</dt>
                <dd>
                  {c.size} 条{c.matching !== c.size ? `（符合筛选条件 ${c.matching} 条）` : ""}
                </dd>
              </div>
              <div>
                <dt>不同提交人</dt>
                <dd>{c.distinctSenders} 人</dd>
              </div>
            </dl>
            {c.representative ? (
              <blockquote className="comment-excerpt">
                <p>{c.representative.body}</p>
                <footer className="meta">
                  <span>代表文本，回执编号 {c.representative.receiptNo}</span>
                  <PiiBadge hasPii={c.representative.hasPii} />
                </footer>
              </blockquote>
            ) : null}
            <details>
              <summary>全部 {c.matching} 条意见的提交人</summary>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">第 {i + 1} 组的意见</caption>
                  <thead>
                    <tr>
                      <th scope="col">回执编号</th>
                      <th scope="col">姓名、单位</th>
                      <th scope="col">渠道</th>
                      <th scope="col">收到时间</th>
                      <th scope="col">个人补充内容</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.members.map((m) => (
                      <tr key={m.id}>
                        <td>{m.receiptNo}</td>
                        <td>{[m.name, m.organisation].filter(Boolean).join("，") || "未留姓名"}</td>
                        <td>{CHANNEL_LABELS[m.channel]}</td>
                        <td>
                          <time dateTime={isoInstant(m.receivedAt)}>{formatDateTime(m.receivedAt)}</time>
                        </td>
                        <td>
                          {m.additions?.length ? (
                            <ul className="campaign-additions">
                              {m.additions.map((a, k) => (
                                <li key={k}>{a}</li>
                              ))}
                            </ul>
                          ) : (
                            "无"
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {c.more ? <p className="hint">另有 {c.more} 条未列出，可在其所在话题中查看。</p> : null}
            </details>
          </article>
        ))}
      </div>
    </section>
  );
}
