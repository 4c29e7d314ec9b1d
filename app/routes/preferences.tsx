import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/platform/permissions.server";
import { readPreferences, savePreferences, TEXT_SIZES } from "~/platform/preferences.server";

/**
 * Text size and contrast, from the buttons in the page header; back to the page they were pressed on.
 * Without JavaScript, on a page with a comment form, the buttons post that form instead (with
 * `intent=display:<field>:<value>` and `?keep=<page>`): the answer is a 307, which the browser
 * follows by posting the same form to the page, so that the text comes back in the new size.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const prefs = await readPreferences(request);
  const [, field, value] = /^display:(size|contrast):(\w+)$/.exec(String(form.get("intent") ?? "")) ?? [];
  const step = field === "size" ? value : form.get("size");
  const contrast = field === "contrast" ? value : form.get("contrast");
  const index = TEXT_SIZES.indexOf(prefs.size);
  if (step === "up") prefs.size = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, index + 1)];
  if (step === "down") prefs.size = TEXT_SIZES[Math.max(0, index - 1)];
  if (step === "reset") prefs.size = "normal";
  if (contrast === "toggle") prefs.contrast = prefs.contrast === "high" ? "normal" : "high";
  const headers = { "Set-Cookie": await savePreferences(prefs) };
  // Only a page whose action takes the comment form back (a consultation's) may receive the form.
  const keep = new URL(request.url).searchParams.get("keep");
  if (field && keep && /^\/consultations\/\d+(\?[^#]*)?$/.test(keep)) return redirect(safeRedirect(keep, "/"), { status: 307, headers });
  return redirect(safeRedirect(form.get("back"), "/"), { headers });
}

export function loader() {
  return redirect("/");
}
