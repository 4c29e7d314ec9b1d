import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedbackBody } from "~/features/open-data/index.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { apiError, cacheableResponse, JSON_CONTENT_TYPE, methodNotAllowed, preflightResponse } from "~/platform/open-data-http.server";

/** GET /api/v1/consultations/:id/feedback: the published 意见采纳情况说明 and 逐条答复 (docs/api.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return preflightResponse();
  const now = new Date();
  const id = /^[1-9]\d{0,15}$/.test(params.id ?? "") ? Number(params.id) : NaN;
  if (!Number.isSafeInteger(id)) return apiError(404, { code: "not_found", message: "未找到该征求意见。" });
  const e = env();
  const found = await feedbackBody(getDb(), id, e.DEPARTMENT_NAME, e.PUBLIC_URL, now);
  if (!found.ok) return apiError(found.status, { code: found.code, message: found.message });
  return cacheableResponse(request, JSON.stringify(found.body), { contentType: JSON_CONTENT_TYPE, lastModified: found.lastModified, now });
}

export const action = methodNotAllowed;
