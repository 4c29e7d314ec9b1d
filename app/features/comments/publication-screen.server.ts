// The one screen every text passes before it leaves for the public: what a citizen wrote (text,
// name, organisation, identity category) and what the platform generates (topic labels, the
// feedback summary, answers on the feedback page). Server-only: the detector loads jieba, a native
// module no browser bundle can hold. Every detection, whatever its kind or confidence, is reported: for a citizen's
// fields it becomes a proposed redaction a moderator must resolve; for generated text it is
// redacted or it blocks the step, and staff are told which.
import { detectPii, redact } from "~/engine/pii";
import type { ScreenedField } from "~db/vocabulary";
import { FIELD_LABELS, PII_KIND_LABELS } from "./moderation-schema";

export type Confidence = "high" | "low";

export interface Detection {
  kind: string;
  start: number;
  end: number;
  text: string;
  /** low: a guess for a person to judge (never auto-redacted by the detector's own rule). */
  confidence: Confidence;
}

export { FIELD_LABELS };

export const kindLabel = (kind: string): string => (PII_KIND_LABELS as Record<string, string>)[kind] ?? PII_KIND_LABELS.other;

/** Every detection in `text`; an empty list means the text may go out as it is. */
export function screenText(text: string | null | undefined, options: { names?: boolean } = {}): Detection[] {
  if (!text) return [];
  return detectPii(text, { names: options.names ?? true }).map((m) => ({
    kind: m.kind,
    start: m.start,
    end: m.end,
    text: m.text,
    // Read defensively: the detector may or may not say how sure it is.
    confidence: (m as { confidence?: string }).confidence === "low" ? "low" : "high",
  }));
}

/** "手机号“139 4021 7736”、邮箱“a@b.cn”": what was found, for staff to see. */
export function describeDetections(found: Array<{ kind: string; text: string }>): string {
  return found.map((m) => `${kindLabel(m.kind)}“${m.text}”`).join("、");
}

/** The text with every detection replaced by its label ([手机号已隐去]). */
export function redactDetections(text: string, found: Detection[]): string {
  return found.length
    ? redact(
        text,
        found.map((m) => ({ start: m.start, end: m.end, kind: normaliseKind(m.kind) }))
      )
    : text;
}

function normaliseKind(kind: string) {
  return (kind in PII_KIND_LABELS ? kind : "other") as Parameters<typeof redact>[1][number]["kind"];
}

/** A generated text made fit to publish: what was found in it, and the text with it redacted. */
export function screenGenerated(text: string): { text: string; found: Detection[] } {
  const found = screenText(text);
  return { text: redactDetections(text, found), found };
}

/** Generated text that must be published exactly as approved: a detection refuses the step. */
export function refusalFor(text: string, what: string): string | null {
  const found = screenText(text);
  return found.length ? `${what}中仍有疑似个人信息：${describeDetections(found)}。${what}将向社会公开，请删除或改写后再继续。` : null;
}

/** Per field of a comment, what the screen finds in it. */
export function screenComment(c: Partial<Record<ScreenedField, string | null>>): Array<Detection & { field: ScreenedField }> {
  // The name and organisation fields hold what the commenter chose to publish as their own: they
  // are screened for contact details and identifiers, not for being a person's or a body's name.
  return (["body", "name", "organisation"] as const).flatMap((field) => screenText(c[field], { names: field === "body" }).map((m) => ({ ...m, field })));
}

/** "姓名：手机号“13912345678”；意见内容：…" for a list of detections across fields. */
export function describeByField(found: Array<{ field: ScreenedField; kind: string; text: string }>): string {
  return (["body", "name", "organisation"] as const)
    .map((f) => {
      const own = found.filter((m) => m.field === f);
      return own.length ? `${FIELD_LABELS[f]}：${describeDetections(own)}` : "";
    })
    .filter(Boolean)
    .join("；");
}

/**
 * The identity category as the public may read it. Intake accepts only configured categories, but
 * a value stored before that check is screened like any other text: one with a detection is left out.
 */
export function publicIdentity(category: string | null): string | null {
  if (!category) return null;
  // A page lists many comments from a handful of categories; the screen (word segmentation included) is
  // a pure function of the text, so each category is screened once, in a bounded memo.
  let clean = identityScreened.get(category);
  if (clean === undefined) {
    if (identityScreened.size >= 1000) identityScreened.clear();
    clean = screenText(category).length === 0;
    identityScreened.set(category, clean);
  }
  return clean ? category : null;
}
const identityScreened = new Map<string, boolean>();
