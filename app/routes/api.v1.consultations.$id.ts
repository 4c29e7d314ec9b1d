import type { LoaderFunctionArgs } from "@remix-run/node";
import { consultationDetailBody } from "~/features/open-data/index.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { apiError, cacheableResponse, JSON_CONTENT_TYPE, methodNotAllowed, preflightResponse } from "~/platform/open-data-http.server";

/** GET /api/v1/consultations/:id: one public consultation with its draft (docs/api.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return preflightResponse();
  const now = new Date();
  // Drafts, pending and unknown consultations answer alike, so the API does not reveal which ids exist.
  const id = /^[1-9]\d{0,15}$/.test(params.id ?? "") ? Number(params.id) : NaN;
  const found = Number.isSafeInteger(id) ? await consultationDetailBody(getDb(), id, env().PUBLIC_URL, now) : undefined;
  if (!found) return apiError(404, { code: "not_found", message: "未找到该征求意见。" });
  return cacheableResponse(request, JSON.stringify(found.body), {
    contentType: JSON_CONTENT_TYPE,
    lastModified: found.lastModified,
    now,
  });
}

export const action = methodNotAllowed;
