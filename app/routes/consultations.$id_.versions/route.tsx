import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { toChineseNumeral } from "~/engine/draft-parser";
import { diffVersions, getPublicConsultation, listVersions } from "~/features/consultations/index.server";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { idParam } from "~/platform/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `版本对照：${data?.title ?? ""} - 征求意见平台` }];

const Query = z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const db = getDb();
  const c = await getPublicConsultation(db, idParam(params.id) ?? NaN);
  if (!c) throw new Response("Not Found", { status: 404 });
  const versions = await listVersions(db, c.id);
  const q = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const fromNo = (q.success && q.data.from) || Math.max(1, versions.length - 1);
  const toNo = (q.success && q.data.to) || versions.length;
  const from = versions.find((v) => v.versionNo === fromNo);
  const to = versions.find((v) => v.versionNo === toNo);
  const invalid = !q.success || !from || !to;
  return {
    id: c.id,
    title: c.title,
    versions,
    fromNo,
    toNo,
    message: invalid ? "所选版本不存在，已显示最近两个版本的对照。" : null,
    diff: from && to && from.id !== to.id ? await diffVersions(db, from.id, to.id) : [],
  };
}

const articleLabel = (n: number | null) => (n === null ? "—" : `第${toChineseNumeral(n)}条`);

export default function Versions() {
  const { id, title, versions, fromNo, toNo, message, diff } = useLoaderData<typeof loader>();
  const changed = diff.filter((d) => d.change !== "unchanged");
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/consultations/${id}`}>返回：{title}</Link>
      </p>
      <h1>版本对照</h1>
      <ol>
        {versions.map((v) => (
          <li key={v.id}>
            {v.label}（{formatDateTime(v.createdAt)}）{v.changeNote ? `——修改说明：${v.changeNote}` : ""}
          </li>
        ))}
      </ol>
      {versions.length < 2 ? (
        <p>该征求意见目前只有一个版本。</p>
      ) : (
        <>
          <Form method="get" className="button-row">
            <label>
              原版本{" "}
              <select name="from" defaultValue={fromNo}>
                {versions.map((v) => (
                  <option key={v.versionNo} value={v.versionNo}>
                    {v.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              新版本{" "}
              <select name="to" defaultValue={toNo}>
                {versions.map((v) => (
                  <option key={v.versionNo} value={v.versionNo}>
                    {v.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button secondary">
              对照
            </button>
          </Form>
          {message ? (
            <p className="alert warning" role="status">
              {message}
            </p>
          ) : null}
          <p>
            共 {diff.length} 条，其中修改、新增或删除 {changed.length} 条。<ins className="diff-added">下划线</ins>为新增文字，
            <del className="diff-removed">删除线</del>为删去文字。
          </p>
          {changed.map((d) => (
            <section key={d.identityId} className="consultation-card" aria-label={`${articleLabel(d.toNumber ?? d.fromNumber)}的修改`}>
              <h2>
                {d.change === "added"
                  ? `新增 ${articleLabel(d.toNumber)}`
                  : d.change === "removed"
                  ? `删除 原${articleLabel(d.fromNumber)}`
                  : d.fromNumber === d.toNumber
                  ? articleLabel(d.toNumber)
                  : `原${articleLabel(d.fromNumber)} → ${articleLabel(d.toNumber)}`}
              </h2>
              <p>
                {d.parts.map((p, i) =>
                  p.added ? (
                    <ins key={i} className="diff-added">
                      {p.value}
                    </ins>
                  ) : p.removed ? (
                    <del key={i} className="diff-removed">
                      {p.value}
                    </del>
                  ) : (
                    <span key={i}>{p.value}</span>
                  )
                )}
              </p>
            </section>
          ))}
        </>
      )}
    </>
  );
}
