import { Form, Link } from "@remix-run/react";
import { CHANNELS, STANCES } from "~db/vocabulary";
import { SelectField } from "~/ui/field";
import { CHANNEL_LABELS } from "~/features/comments";
import {
  STANCE_LABELS,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  WORKSPACE_VIEW_LABELS,
  WORKSPACE_VIEWS,
  workspaceSearch,
  type WorkspaceFilters,
} from "~/features/analysis";
import { ArticleView } from "./article-view";
import { CampaignCards } from "./campaign-cards";
import { DuplicateCards } from "./duplicate-cards";
import type { Reply } from "./edit.server";
import { ChartsView } from "./charts-view";
import { TopicDetail } from "./topic-detail";
import { TopicList } from "./topic-list";
import type { ViewData } from "~/features/analysis/index.server";

/** The views as links, so each is an address of its own and works without JavaScript. */
function ViewNav({ filters, topicOpen }: { filters: WorkspaceFilters; topicOpen: boolean }) {
  return (
    <nav aria-label="分析视图" className="status-counts analysis-views">
      <ul>
        {WORKSPACE_VIEWS.map((v) => (
          <li key={v}>
            <Link to={workspaceSearch(filters, { view: v, topic: undefined, page: 1 })} aria-current={!topicOpen && filters.view === v ? "page" : undefined}>
              {WORKSPACE_VIEW_LABELS[v]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A plain GET form: a filtered view is a link to bookmark or share, and needs no JavaScript. */
function FilterForm({ filters, options }: { filters: WorkspaceFilters; options: ViewData["options"] }) {
  const all = (label: string) => [{ value: "", label }];
  return (
    <Form method="get" className="list-search" aria-labelledby="analysis-filters-title">
      <h2 id="analysis-filters-title" className="search-label">
        筛选意见
      </h2>
      {filters.view !== "topics" ? <input type="hidden" name="view" value={filters.view} /> : null}
      {filters.topic ? <input type="hidden" name="topic" value={filters.topic} /> : null}
      <div className="list-filters">
        <SelectField
          label="涉及条款"
          name="article"
          defaultValue={filters.article ? String(filters.article) : ""}
          options={[...all("全部条款"), ...options.articles.map((a) => ({ value: String(a.number), label: a.label }))]}
        />
        <SelectField
          label="提出人身份"
          name="identity"
          defaultValue={filters.identity ?? ""}
          options={[...all("全部身份"), ...options.identities.map((i) => ({ value: i, label: i }))]}
        />
        <SelectField
          label="提交渠道"
          name="channel"
          defaultValue={filters.channel ?? ""}
          options={[...all("全部渠道"), ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))]}
        />
        <SelectField
          label="意见倾向"
          name="stance"
          defaultValue={filters.stance ?? ""}
          options={[...all("全部倾向"), ...STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))]}
        />
        <SelectField
          label="审核状态"
          name="status"
          defaultValue={filters.status}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: STATUS_FILTER_LABELS[s] }))}
        />
        <p className="button-row">
          <button type="submit" className="button secondary">
            筛选
          </button>
          <Link to={workspaceSearch({ view: filters.view, topic: filters.topic, identity: undefined, status: "all", page: 1 })}>清除筛选</Link>
        </p>
      </div>
    </Form>
  );
}

export function WorkspaceView({ filters, view, canEdit, reply }: { filters: WorkspaceFilters; view: ViewData; canEdit: boolean; reply?: Reply }) {
  return (
    <>
      <ViewNav filters={filters} topicOpen={view.kind === "topic"} />
      <FilterForm filters={filters} options={view.options} />
      {view.filtered ? (
        <p className="hint" role="status">
          以下结果只包括符合筛选条件的意见。
        </p>
      ) : null}
      {view.kind === "topic" ? <TopicDetail filters={filters} view={view} canEdit={canEdit} reply={reply} /> : null}
      {view.kind === "topics" ? <TopicList filters={filters} topics={view.overview} canEdit={canEdit} reply={reply} filtered={view.filtered} /> : null}
      {view.kind === "articles" ? <ArticleView filters={filters} view={view} canEdit={canEdit} reply={reply} /> : null}
      {view.kind === "campaigns" ? <CampaignCards campaigns={view.campaigns} /> : null}
      {view.kind === "campaigns" ? <DuplicateCards groups={view.duplicates} /> : null}
      {view.kind === "charts" ? <ChartsView charts={view.charts} /> : null}
    </>
  );
}
