import { redirect } from "@remix-run/node";
import type { Role } from "~db/schema";
import { getSessionUser, type SessionUser } from "./session.server";

/** The logged-in staff member, or a redirect to /login that returns here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** Like requireUser, and answers 403 when the user's role is not among `roles`. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new Response("您没有访问此页面的权限。", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/** Only same-site paths may be redirect targets, so /login cannot be used as an open redirect. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/admin"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
