import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseConsultationListParams } from "~/features/open-data";
import { consultationListBody } from "~/features/open-data/index.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { apiError, cacheableResponse, JSON_CONTENT_TYPE, methodNotAllowed, preflightResponse } from "~/platform/open-data-http.server";

/** GET /api/v1/consultations: public consultations, paged and filtered (docs/api.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return preflightResponse();
  const params = parseConsultationListParams(new URL(request.url).searchParams);
  if (!params.ok) {
    return apiError(400, { code: "invalid_parameter", message: params.message, details: params.details });
  }
  const now = new Date();
  const { body, lastModified } = await consultationListBody(getDb(), params, env().PUBLIC_URL, now);
  return cacheableResponse(request, JSON.stringify(body), { contentType: JSON_CONTENT_TYPE, lastModified, now });
}

export const action = methodNotAllowed;
