import type { LoaderFunctionArgs } from "@remix-run/node";
import { commentListBody, parseCommentListParams } from "~/features/open-data/index.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { apiError, cacheableResponse, JSON_CONTENT_TYPE, methodNotAllowed, preflightResponse } from "~/platform/open-data-http.server";

/** GET /api/v1/consultations/:id/comments: the published comments, redacted, paged (docs/api.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return preflightResponse();
  const now = new Date();
  const id = /^[1-9]\d{0,15}$/.test(params.id ?? "") ? Number(params.id) : NaN;
  if (!Number.isSafeInteger(id)) return apiError(404, { code: "not_found", message: "未找到该征求意见。" });
  const parsed = parseCommentListParams(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, { code: "invalid_parameter", message: parsed.message, details: parsed.details });
  const found = await commentListBody(getDb(), id, parsed.params, env().PUBLIC_URL, now);
  if (!found.ok) return apiError(found.status, { code: found.code, message: found.message });
  return cacheableResponse(request, JSON.stringify(found.body), { contentType: JSON_CONTENT_TYPE, lastModified: found.lastModified, now });
}

export const action = methodNotAllowed;
