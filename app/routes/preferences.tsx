import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/utils/permissions.server";
import { readPreferences, savePreferences, TEXT_SIZES } from "~/utils/preferences.server";

/** Text size and contrast, from the buttons in the page header; back to the page they were pressed on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const prefs = await readPreferences(request);
  const step = form.get("size");
  const index = TEXT_SIZES.indexOf(prefs.size);
  if (step === "up") prefs.size = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, index + 1)];
  if (step === "down") prefs.size = TEXT_SIZES[Math.max(0, index - 1)];
  if (step === "reset") prefs.size = "normal";
  if (form.get("contrast") === "toggle") prefs.contrast = prefs.contrast === "high" ? "normal" : "high";
  return redirect(safeRedirect(form.get("back"), "/"), { headers: { "Set-Cookie": await savePreferences(prefs) } });
}

export function loader() {
  return redirect("/");
}
