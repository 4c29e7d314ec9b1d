import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DOC_TYPES } from "~db/vocabulary";
import { ConsultationCard } from "~/ui/consultation-card";
import { SelectField } from "~/ui/field";
import { Pagination } from "~/ui/pagination";
import { KeywordLinks, SearchForm } from "~/ui/search-form";
import { SearchResultCard } from "~/ui/search-result";
import { findPublicConsultations, publicDivisions } from "~/features/consultations/index.server";
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/features/consultations";
import { searchSuggestions, suggestedKeywords } from "~/features/search/index.server";
import { parseQuery } from "~/features/search";
import { getDb } from "~/platform/db.server";
import { shownNow } from "~/platform/dates";
import { LIST_PHASES, listHeading, listHref, parseListParams } from "./list-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.params.q ? `搜索“${data.params.q}” - 征求意见 - 征求意见平台` : "征求意见 - 征求意见平台" },
  { name: "description", content: "全部公开征求意见：按文件类型、起草处室和状态筛选，搜索草案条文和起草说明。" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = new Date();
  const { params, errors } = parseListParams(new URL(request.url).searchParams);
  const divisions = await publicDivisions(db);
  if (params.division !== undefined && !divisions.some((d) => d.id === params.division)) {
    errors.push("所选起草处室没有公开的征求意见，已显示全部处室。");
    params.division = undefined;
  }
  const terms = parseQuery(params.q);
  const list = await findPublicConsultations(db, { terms, docType: params.type, divisionId: params.division, phase: params.status, page: params.page }, now);
  if (list.pageOutOfRange) errors.push(`没有第 ${params.page} 页，已显示第 1 页。`);
  const nothingFound = terms.length > 0 && list.total === 0;
  // 您是不是要找: the consultations' own words and headings that contain what was typed.
  const typed = new Set(terms.map((t) => t.text));
  const didYouMean = [...new Set((await Promise.all(terms.map((t) => searchSuggestions(db, t.text, 8, false)))).flat())]
    .filter((s) => !typed.has(s))
    .slice(0, 8);
  return {
    params: { ...params, page: list.page },
    errors,
    divisions,
    list,
    // With results, the most used words of the drafts; without, words close to what was typed.
    keywords: await suggestedKeywords(db, nothingFound ? terms.map((t) => t.text) : [], nothingFound ? 8 : 10),
    didYouMean,
    nothingFound,
    now: shownNow(now),
  };
}

export default function ConsultationsPage() {
  const { params, errors, divisions, list, keywords, didYouMean, nothingFound, now } = useLoaderData<typeof loader>();
  const filtered = Boolean(params.type || params.division || params.status);
  const alone = list.perTerm.filter((t) => t.count > 0);
  return (
    <>
      <h1>征求意见</h1>
      {errors.length > 0 ? (
        <div className="alert error" role="alert">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      <SearchForm id="list-q" defaultQuery={params.q} className="list-search" suggestions={didYouMean.length ? didYouMean : keywords}>
        <fieldset className="list-filters">
          <legend>筛选</legend>
          <SelectField
            label="文件类型"
            name="type"
            defaultValue={params.type ?? ""}
            options={[{ value: "", label: "全部类型" }, ...DOC_TYPES.map((t) => ({ value: t, label: DOC_TYPE_LABELS[t] }))]}
          />
          <SelectField
            label="起草处室"
            name="division"
            defaultValue={params.division ? String(params.division) : ""}
            options={[{ value: "", label: "全部处室" }, ...divisions.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
          <SelectField
            label="状态"
            name="status"
            defaultValue={params.status ?? ""}
            options={[{ value: "", label: "全部状态" }, ...LIST_PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))]}
          />
          <div className="button-row">
            <button type="submit" className="button secondary">
              筛选
            </button>
            {filtered || params.q ? <Link to="/consultations">清除全部条件</Link> : null}
          </div>
        </fieldset>
      </SearchForm>
      {!nothingFound ? <KeywordLinks id="popular-keywords" label="热门关键词：" keywords={keywords} /> : null}

      <section aria-labelledby="results-title">
        <h2 id="results-title">{listHeading(params, divisions.find((d) => d.id === params.division)?.name)}</h2>
        <KeywordLinks id="did-you-mean" label="您是不是要找：" keywords={didYouMean} />
        {list.split.map((s) => (
          <p key={s.term} className="alert">
            公开文本中没有“{s.term}”这一写法，已改为查找同时包含{s.parts.map((p) => `“${p}”`).join("、")}的征求意见。
          </p>
        ))}
        {nothingFound ? (
          <div className="no-results">
            <p>
              没有找到{list.perTerm.length > 1 ? "同时包含这些词语" : "包含该词语"}的{filtered ? "、符合筛选条件的" : ""}公开征求意见。
            </p>
            {list.perTerm.length > 1 && alone.length > 0 ? <KeywordLinks id="single-terms" label="可分别搜索：" keywords={alone.map((t) => t.term)} /> : null}
            <KeywordLinks id="related-keywords" label="您可以试试：" keywords={keywords} />
            {filtered ? (
              <p>
                <Link to={listHref({ q: params.q })}>不限文件类型、处室和状态重新搜索</Link>
              </p>
            ) : null}
          </div>
        ) : list.total === 0 ? (
          <p>没有符合筛选条件的征求意见。</p>
        ) : (
          <>
            <p>共 {list.total} 项。</p>
            <ul className="consultation-list">
              {list.items.map((item) => (
                <li key={item.consultation.id}>
                  {item.match && item.title ? (
                    <SearchResultCard consultation={item.consultation} title={item.title} match={item.match} />
                  ) : (
                    <ConsultationCard consultation={item.consultation} now={now} />
                  )}
                </li>
              ))}
            </ul>
            <Pagination page={list.page} pageCount={list.pageCount} href={(p) => listHref(params, p)} />
          </>
        )}
      </section>
    </>
  );
}
