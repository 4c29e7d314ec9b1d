// The query parameters of GET /api/v1/consultations, validated with messages a Chinese
// developer can act on. Unknown parameters are ignored so that clients written for a later
// v1 (with more filters) still get an answer here.
import { z } from "zod";
import { DOC_TYPES } from "~db/vocabulary";
import { PHASE_LABELS, PUBLIC_PHASES } from "~/features/consultations";
import type { ConsultationFilters } from "./syndication-query.server";

/** The phases a member of the public can see, which are the API's `status` values. */
export const SYNDICATED_PHASES = PUBLIC_PHASES;
export type SyndicatedPhase = (typeof SYNDICATED_PHASES)[number];

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
// Far beyond any department's output; keeps OFFSET a safe integer.
export const MAX_PAGE = 1_000_000;

const MESSAGES = {
  page: `page 必须是 1 到 ${MAX_PAGE} 之间的整数。`,
  per_page: `per_page 必须是 1 到 ${MAX_PER_PAGE} 之间的整数。`,
  // Named in the phases' own order, upcoming first.
  status: `status 必须是以下之一：${Object.keys(PHASE_LABELS)
    .filter((p) => (SYNDICATED_PHASES as readonly string[]).includes(p))
    .join("、")}。`,
  doc_type: `doc_type 必须是以下之一：${DOC_TYPES.join("、")}。`,
  division: "division 必须是处室编号（正整数）。",
  q: "q 不能超过 100 个字符。",
  updated_since: "updated_since 必须是带时区的 ISO 8601 日期时间，例如 2026-11-01T00:00:00+08:00。",
} as const;
type Parameter = keyof typeof MESSAGES;

const integer = (message: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, { error: message })
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, { error: message });

export const ConsultationListParamsSchema = z.object({
  page: integer(MESSAGES.page, MAX_PAGE).default(1),
  per_page: integer(MESSAGES.per_page, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
  status: z.enum(SYNDICATED_PHASES, { error: MESSAGES.status }).optional(),
  doc_type: z.enum(DOC_TYPES, { error: MESSAGES.doc_type }).optional(),
  division: integer(MESSAGES.division, Number.MAX_SAFE_INTEGER).optional(),
  q: z.string().trim().max(100, { error: MESSAGES.q }).optional(),
  updated_since: z.iso.datetime({ offset: true, error: MESSAGES.updated_since }).optional(),
});

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export type ListParams =
  | {
      ok: true;
      page: number;
      perPage: number;
      filters: ConsultationFilters;
      /** The filters as given, for the paging links. */
      query: Record<string, string | undefined>;
    }
  | { ok: false; message: string; details: ParameterProblem[] };

export function parseConsultationListParams(searchParams: URLSearchParams): ListParams {
  // An empty value (?q=&status=) means "not given", as HTML forms send it.
  const raw = Object.fromEntries(
    Object.keys(ConsultationListParamsSchema.shape).flatMap((key) => {
      const value = searchParams.get(key);
      return value === null || value === "" ? [] : [[key, value]];
    })
  );
  const result = ConsultationListParamsSchema.safeParse(raw);
  if (!result.success) {
    const parameters = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
    const details = parameters.map((parameter) => ({
      parameter,
      message: parameter in MESSAGES ? MESSAGES[parameter as Parameter] : "参数无效。",
    }));
    const message = details.length === 1 ? `请求参数有误：${details[0].message}` : `请求参数有误（共 ${details.length} 项），详见 details。`;
    return { ok: false, message, details };
  }
  const p = result.data;
  const q = p.q || undefined;
  return {
    ok: true,
    page: p.page,
    perPage: p.per_page,
    filters: {
      status: p.status,
      docType: p.doc_type,
      divisionId: p.division,
      q,
      updatedSince: p.updated_since ? new Date(p.updated_since) : undefined,
    },
    query: {
      status: p.status,
      doc_type: p.doc_type,
      division: p.division?.toString(),
      q,
      updated_since: p.updated_since,
    },
  };
}
