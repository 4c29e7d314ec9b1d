import { canDraft } from "~/features/accounts";
import { getStaffConsultation } from "./consultation.server";
import { getDb } from "~/platform/db.server";
import { idParam } from "~/platform/params";
import { requireRole, requireUser } from "~/platform/permissions.server";

/** A consultation that only its own division's drafters may work on here: 404 unknown, 403 others. */
export async function requireDrafterOf(request: Request, rawId: string | undefined) {
  const user = await requireRole(request, "drafter");
  const c = await getStaffConsultation(getDb(), idParam(rawId) ?? NaN);
  if (!c) throw new Response("Not Found", { status: 404 });
  if (!canDraft(user, c)) throw new Response("只有本处室的起草人员可以进行此项操作。", { status: 403 });
  return { user, c };
}

type StaffUser = Awaited<ReturnType<typeof requireUser>>;
type StaffConsultation = NonNullable<Awaited<ReturnType<typeof getStaffConsultation>>>;

/**
 * The one check in front of every staff page of a consultation, in its loader and its action alike
 * (the page offering a button proves nothing): signed in, the consultation exists (404), and the
 * rule `can` (consultation-access.ts, analysis-access.ts…) lets this user in (403).
 */
export async function requireStaffConsultation(
  request: Request,
  rawId: string | undefined,
  can: (user: StaffUser, c: StaffConsultation) => boolean | Promise<boolean>,
  forbidden = "Forbidden"
): Promise<{ user: StaffUser; c: StaffConsultation }> {
  const user = await requireUser(request);
  const c = await getStaffConsultation(getDb(), idParam(rawId) ?? NaN);
  if (!c) throw new Response("Not Found", { status: 404 });
  if (!(await can(user, c))) throw new Response(forbidden, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return { user, c };
}
