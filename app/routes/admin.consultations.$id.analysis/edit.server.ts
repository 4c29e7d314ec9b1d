// Turns one POST of the analysis workspace into a model call: which form was sent (intent), its validation,
// and where to go next. Refusals come back as a reply the page shows beside the field.
import type { Db } from "~/platform/db.server";
import { ArticleCorrectionSchema, MergeSchema, MoveSchema, OwnTopicSchema, RenameSchema, SplitSchema } from "~/features/analysis";
import {
  AnalysisRunError,
  correctInferredArticle,
  makeOwnTopic,
  mergeTopics,
  moveComment,
  renameTopic,
  splitTopic,
  startAnalysisRun,
  TopicEditError,
} from "~/features/analysis/index.server";
import { formValues, parseForm, type FieldErrors } from "~/platform/forms";
import type { SessionUser } from "~/platform/session.server";

export interface Reply {
  intent: string;
  /** the comment whose small forms show the errors, or null for the topic's and the page's forms */
  commentId: number | null;
  errors: FieldErrors;
  values: Record<string, string>;
}

/** Done: the topic to show next (a new or merged one), or null to stay where the form was. */
export type Outcome = { ok: true; done: string; topic: number | null } | { ok: false; status: number; reply: Reply };

export async function editFromForm(db: Db, consultationId: number, user: SessionUser, form: FormData): Promise<Outcome> {
  const intent = String(form.get("intent") ?? "");
  const perComment = intent === "move" || intent === "own-topic" || intent === "article";
  const refuse = (errors: FieldErrors, status = 400): Outcome => ({
    ok: false,
    status,
    reply: { intent, commentId: perComment ? Number(form.get("commentId")) || null : null, errors, values: formValues(form) },
  });
  try {
    switch (intent) {
      case "run":
        await startAnalysisRun(db, consultationId, user);
        return { ok: true, done: intent, topic: null };
      case "rename": {
        const parsed = parseForm(RenameSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        await renameTopic(db, consultationId, user, parsed.data);
        return { ok: true, done: intent, topic: null };
      }
      case "merge": {
        const parsed = parseForm(MergeSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        return { ok: true, done: intent, topic: await mergeTopics(db, consultationId, user, parsed.data) };
      }
      case "split": {
        const parsed = parseForm(SplitSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        return { ok: true, done: intent, topic: await splitTopic(db, consultationId, user, parsed.data) };
      }
      case "move": {
        const parsed = parseForm(MoveSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        await moveComment(db, consultationId, user, parsed.data);
        return { ok: true, done: intent, topic: null };
      }
      case "own-topic": {
        const parsed = parseForm(OwnTopicSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        return { ok: true, done: intent, topic: await makeOwnTopic(db, consultationId, user, parsed.data) };
      }
      case "article": {
        const parsed = parseForm(ArticleCorrectionSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        await correctInferredArticle(db, consultationId, user, parsed.data);
        return { ok: true, done: intent, topic: null };
      }
      default:
        return refuse({ form: "未知的操作。" });
    }
  } catch (error) {
    if (error instanceof TopicEditError) return refuse({ [error.field]: error.message }, error.status);
    if (error instanceof AnalysisRunError) return refuse({ form: error.message }, error.status);
    throw error;
  }
}
