import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { searchSuggestions } from "~/features/search/index.server";
import { MAX_QUERY_LENGTH } from "~/features/search";
import { getDb } from "~/platform/db.server";

/**
 * GET /consultations/suggest?q=贷: words, headings and titles of public consultations containing
 * what was typed, for the search box's list as the person types. Without JavaScript the list is
 * filled when the page is rendered, and the results page offers 您是不是要找 (search-form.tsx).
 */
const SuggestParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `搜索词过长：最多 ${MAX_QUERY_LENGTH} 个字。`).default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("q") ?? undefined;
  const parsed = SuggestParamsSchema.safeParse({ q });
  if (!parsed.success) {
    return Response.json(
      { error: { code: "invalid_parameter", message: parsed.error.issues[0].message } },
      { status: 400, headers: { "Cache-Control": "no-store" } }
    );
  }
  const suggestions = await searchSuggestions(getDb(), parsed.data.q);
  return Response.json({ q: parsed.data.q, suggestions }, { headers: { "Cache-Control": "public, max-age=60" } });
}
