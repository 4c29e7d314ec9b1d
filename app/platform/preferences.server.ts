import { createCookie } from "@remix-run/node";
import { z } from "zod";

// Display preferences live in a cookie so that they work without JavaScript and before any script
// runs: the server renders the page in the chosen text size and contrast from the first byte.
const cookie = createCookie("zq_display", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });

export const TEXT_SIZES = ["normal", "large", "larger"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const PreferencesSchema = z.object({
  size: z.enum(TEXT_SIZES).catch("normal"),
  contrast: z.enum(["normal", "high"]).catch("normal"),
});
export type DisplayPreferences = z.infer<typeof PreferencesSchema>;

export async function readPreferences(request: Request): Promise<DisplayPreferences> {
  const raw: unknown = await cookie.parse(request.headers.get("Cookie"));
  return PreferencesSchema.parse(raw && typeof raw === "object" ? raw : {});
}

export async function savePreferences(prefs: DisplayPreferences): Promise<string> {
  return cookie.serialize(prefs);
}
