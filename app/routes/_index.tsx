import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConsultationCard } from "~/ui/consultation-card";
import { SearchForm } from "~/ui/search-form";
import { listPublicConsultations } from "~/features/consultations/index.server";
import type { PublicPhase } from "~/features/consultations";
import { shownNow } from "~/platform/dates";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = () => [
  { title: "征求意见平台" },
  { name: "description", content: "行政决策草案公开征求意见：阅读草案及起草说明，在线提交意见，查询意见处理情况。" },
];

export async function loader() {
  const now = new Date();
  return { consultations: await listPublicConsultations(getDb(), now), now: shownNow(now) };
}

const SECTIONS: Array<{ title: string; phases: PublicPhase[]; empty: string }> = [
  { title: "正在征求意见", phases: ["open"], empty: "目前没有正在征求意见的文件。" },
  { title: "即将开始", phases: ["upcoming"], empty: "暂无即将开始的征求意见。" },
  {
    title: "已截止与意见反馈",
    phases: ["closed", "processing", "legal_review", "feedback_published", "withdrawn"],
    empty: "暂无已截止的征求意见。",
  },
];

export default function Index() {
  const { consultations, now } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>公开征求意见</h1>
      <p className="lead">
        行政机关在作出重大行政决策、制定规章和行政规范性文件前，在此公开草案及其起草说明，听取社会公众意见。意见经审核后公开，采纳情况将在征求意见结束后予以反馈。
      </p>
      <SearchForm id="home-q" className="hero-search" />
      {SECTIONS.map((section) => {
        const items = consultations.filter((c) => section.phases.includes(c.phase));
        return (
          <section key={section.title} aria-labelledby={`section-${section.phases[0]}`}>
            <h2 id={`section-${section.phases[0]}`}>{section.title}</h2>
            {items.length === 0 ? (
              <p>{section.empty}</p>
            ) : (
              <ul className="consultation-list">
                {items.map((c) => (
                  <li key={c.id}>
                    <ConsultationCard consultation={c} now={now} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
