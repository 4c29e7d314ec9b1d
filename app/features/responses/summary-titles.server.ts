// What keeps a summary from approval on account of topic names: topics with comments that have no
// staff-approved public title, and working labels (engine keywords, staff shorthand) in the text.
// Only topics.public_title may name a topic in public (topic-titles.ts).
import { raw, type Db } from "~db/client.server";
import { TITLE_PENDING } from "./summary-draft";
import { needsTitleApproval } from "~/features/analysis";

export interface TitleProblems {
  /** Topics holding comments whose public title nobody has approved yet. */
  untitled: Array<{ id: number; label: string; size: number }>;
  /** Working labels the text names a topic by, and whether it still holds the drafter's marker. */
  labelsInText: string[];
  marker: boolean;
}

export async function titleProblems(db: Db, consultationId: number, body: string): Promise<TitleProblems> {
  const topics = (await raw(db).all(
    `SELECT t.id, t.label, t.public_title AS "publicTitle", count(ca.comment_id) AS size
       FROM topics t JOIN comment_analysis ca ON ca.topic_id = t.id
       WHERE t.consultation_id = ? GROUP BY t.id ORDER BY size DESC, t.id`,
    consultationId
  )) as Array<{ id: number; label: string; publicTitle: string | null; size: number }>;
  const untitled = topics.filter(needsTitleApproval).map(({ id, label, size }) => ({ id, label, size }));
  // A label is a working label unless it is the approved title itself; the text names a topic as
  // 关于“X”的意见 or 关于X的意见, so those are the forms looked for (a bare keyword may be ordinary prose).
  const labelsInText = topics
    .filter((t) => t.label.trim() && t.label.trim() !== t.publicTitle?.trim())
    .map((t) => t.label.trim())
    .filter((label, i, all) => all.indexOf(label) === i && (body.includes(`“${label}”`) || body.includes(`关于${label}的`)));
  return { untitled, labelsInText, marker: body.includes(TITLE_PENDING) };
}

/** Why the text cannot be approved as to topic names, in words for the reviewer, or null. */
export function titleRefusal(p: TitleProblems): string | null {
  const reasons: string[] = [];
  if (p.untitled.length)
    reasons.push(
      `还有${p.untitled.length}个主题尚未审定公开标题（${p.untitled
        .slice(0, 5)
        .map((t) => t.label)
        .join("、")}${p.untitled.length > 5 ? "等" : ""}）`
    );
  if (p.labelsInText.length)
    reasons.push(
      `说明中仍以工作标签称呼主题（${p.labelsInText
        .slice(0, 5)
        .map((l) => `“${l}”`)
        .join("、")}）`
    );
  if (p.marker && !p.untitled.length) reasons.push(`说明中仍有“${TITLE_PENDING}”标记，请按审定的标题重新生成或修改`);
  return reasons.length ? `不能审核通过：${reasons.join("；")}。公开的说明只能使用审定的主题标题。` : null;
}
