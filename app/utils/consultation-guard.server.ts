import { canDraft } from "~/models/consultation-access";
import { getStaffConsultation } from "~/models/consultation.server";
import { getDb } from "./db.server";
import { idParam } from "./params";
import { requireRole } from "./permissions.server";

/** A consultation that only its own division's drafters may work on here: 404 unknown, 403 others. */
export async function requireDrafterOf(request: Request, rawId: string | undefined) {
  const user = await requireRole(request, "drafter");
  const c = await getStaffConsultation(getDb(), idParam(rawId) ?? NaN);
  if (!c) throw new Response("Not Found", { status: 404 });
  if (!canDraft(user, c)) throw new Response("只有本处室的起草人员可以进行此项操作。", { status: 403 });
  return { user, c };
}
