import { z } from "zod";
import { DOC_TYPES } from "~db/vocabulary";
import { DOC_TYPE_LABELS, PHASE_LABELS, PUBLIC_PHASES } from "~/features/consultations";
import { MAX_QUERY_LENGTH, MAX_TERMS, parseQuery } from "~/features/search";
import { sanitizeLine } from "~/platform/text";

/** The phases the public can filter by: every phase a public consultation can be in. */
export const LIST_PHASES = PUBLIC_PHASES;

/** The query string of /consultations. Every field is optional: absent means "all". */
export const ListParamsSchema = z.object({
  q: z
    .string()
    .overwrite(sanitizeLine)
    .max(MAX_QUERY_LENGTH, `搜索词过长：最多 ${MAX_QUERY_LENGTH} 个字，请缩短后重新搜索。`)
    .refine((q) => parseQuery(q).length <= MAX_TERMS, `最多同时搜索 ${MAX_TERMS} 个词，请减少用空格分隔的词语。`)
    .default(""),
  type: z.enum(DOC_TYPES, { error: "文件类型无效，已显示全部类型。" }).optional(),
  division: z.coerce
    .number({ error: "起草处室无效，已显示全部处室。" })
    .int({ error: "起草处室无效，已显示全部处室。" })
    .positive({ error: "起草处室无效，已显示全部处室。" })
    .optional(),
  status: z.enum(LIST_PHASES, { error: "状态无效，已显示全部状态。" }).optional(),
  page: z.coerce
    .number({ error: "页码无效，已显示第 1 页。" })
    .int({ error: "页码无效，已显示第 1 页。" })
    .min(1, { error: "页码无效，已显示第 1 页。" })
    .max(100_000, { error: "页码无效，已显示第 1 页。" })
    .default(1),
});

export type ListParams = z.infer<typeof ListParamsSchema>;
const KEYS = ["q", "type", "division", "status", "page"] as const;

/**
 * Reads the query string. A value that does not pass is dropped (its default takes its place) and
 * its message returned for the page to show: a mistyped link shows a list, never an error page.
 */
export function parseListParams(searchParams: URLSearchParams): { params: ListParams; errors: string[] } {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = searchParams.get(key);
    if (value !== null && value.trim() !== "") raw[key] = value;
  }
  const first = ListParamsSchema.safeParse(raw);
  if (first.success) return { params: first.data, errors: [] };
  const errors: string[] = [];
  for (const issue of first.error.issues) {
    const key = String(issue.path[0]);
    if (key in raw) delete raw[key];
    if (!errors.includes(issue.message)) errors.push(issue.message);
  }
  const second = ListParamsSchema.safeParse(raw);
  return { params: second.success ? second.data : ListParamsSchema.parse({}), errors };
}

/** The query string for a page of the same list: the current filters with another page number. */
export function listHref(params: Partial<ListParams>, page?: number): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.type) search.set("type", params.type);
  if (params.division) search.set("division", String(params.division));
  if (params.status) search.set("status", params.status);
  if (page && page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `/consultations?${qs}` : "/consultations";
}

/**
 * The results' heading says what is listed: the search, else the filters (状态 alone reads
 * "征求中的征求意见"), else everything. A heading that said 全部征求意见 over a filtered list misled.
 */
export function listHeading(params: Partial<ListParams>, divisionName?: string): string {
  const filters = [
    params.status ? PHASE_LABELS[params.status] : null,
    params.type ? DOC_TYPE_LABELS[params.type] : null,
    params.division && divisionName ? divisionName : null,
  ].filter((f): f is string => f !== null);
  if (params.q) return filters.length ? `“${params.q}”的搜索结果（${filters.join("、")}）` : `“${params.q}”的搜索结果`;
  if (filters.length === 0) return "全部征求意见";
  if (params.status && filters.length === 1) return `${filters[0]}的征求意见`;
  return `筛选结果：${filters.join("、")}`;
}
