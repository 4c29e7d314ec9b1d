import type { LoaderFunctionArgs } from "@remix-run/node";
import { ATOM_CONTENT_TYPE, FEED_LIMIT, lastPublicChange, queryPublicConsultations, renderConsultationsFeed } from "~/features/open-data/index.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { cacheableResponse, methodNotAllowed, preflightResponse } from "~/platform/open-data-http.server";

/** GET /feeds/consultations.atom: the latest public consultations as Atom 1.0 (docs/api.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return preflightResponse();
  const db = getDb();
  const now = new Date();
  const { PUBLIC_URL, DEPARTMENT_NAME } = env();
  const { rows } = await queryPublicConsultations(db, {}, { order: "changed", limit: FEED_LIMIT }, now);
  const updated = await lastPublicChange(db, now);
  const body = renderConsultationsFeed({ rows, baseUrl: PUBLIC_URL, departmentName: DEPARTMENT_NAME, updated });
  return cacheableResponse(request, body, { contentType: ATOM_CONTENT_TYPE, lastModified: updated, now });
}

export const action = methodNotAllowed;
