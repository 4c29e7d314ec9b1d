import { flattenArticles, parseDraft, type DraftNode, type ParsedDraft } from "~/engine/draft-parser";
import type { DraftPreview } from "~/ui/consultation-form";
import { DocxError, extractDocxText } from "~/platform/docx.server";
import { formValues, parseForm, type FieldErrors } from "~/platform/forms";
import { chosenFile, FormReadError, readForm } from "~/platform/multipart.server";
import { sanitizeUserText } from "~/platform/text";
import { ConsultationSchema, LIMITS, type ConsultationInput } from "./consultation-schema";

export function previewOf(parsed: ParsedDraft): DraftPreview {
  const outline: DraftPreview["outline"] = [];
  const walk = (nodes: DraftNode[]) => {
    for (const n of nodes) {
      if (n.kind === "chapter" || n.kind === "section" || n.kind === "article") {
        outline.push({ kind: n.kind, label: n.label, heading: n.heading, text: n.kind === "article" ? n.text.slice(0, 60) : "" });
        if (n.kind !== "article") walk(n.children);
      }
    }
  };
  walk(parsed.nodes);
  const articles = flattenArticles(parsed).length;
  return {
    title: parsed.title,
    chapters: parsed.nodes.filter((n) => n.kind === "chapter").length,
    articles,
    outline,
    // With no article at all, "N 段文字不属于任何条，已作为前言保留" hides the real problem.
    warnings: articles === 0 ? ["没有识别出任何条文：每条应以“第X条”开头（Word 自动编号的“第X条”也可识别）。"] : parsed.warnings,
  };
}

export type ConsultationFormResult =
  | { ok: true; data: ConsultationInput }
  | { ok: false; status: number; errors: FieldErrors; values: Record<string, string>; preview: DraftPreview | null };

/**
 * Reads the create/edit form: a chosen .docx replaces the pasted text; "解析正文" only parses and
 * shows the structure; saving validates everything. Whatever happens, the text typed is sent back.
 */
export async function readConsultationForm(request: Request): Promise<ConsultationFormResult> {
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (!(error instanceof FormReadError)) throw error;
    return { ok: false, status: error.status, errors: { form: error.message }, values: {}, preview: null };
  }
  const values = formValues(form);
  for (const key of Object.keys(values)) values[key] = sanitizeUserText(values[key]);
  if (!form.has("showComments")) values.showComments = "off";
  const errors: FieldErrors = {};

  const file = chosenFile(form, "draftFile");
  if (file) {
    try {
      values.draftText = await extractDocxText(file);
    } catch (error) {
      if (!(error instanceof DocxError)) throw error;
      errors.draftFile = error.message;
    }
  }
  // The length is checked before parsing: a pasted text over the limit is answered at once.
  let preview: DraftPreview | null = null;
  if ((values.draftText?.length ?? 0) > LIMITS.draftText) {
    errors.draftText = `征求意见稿正文不能超过 ${LIMITS.draftText.toLocaleString("zh-CN")} 个字符。`;
  } else if (values.draftText?.trim()) {
    preview = previewOf(parseDraft(values.draftText));
  }
  if (form.get("intent") === "preview" || Object.keys(errors).length) {
    return { ok: false, status: Object.keys(errors).length ? 400 : 200, errors, values, preview };
  }

  const fields = new FormData();
  for (const [k, v] of Object.entries(values)) if (k !== "showComments" || v === "on") fields.set(k, v);
  const parsed = parseForm(ConsultationSchema, fields);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values, preview };
  if (preview && preview.articles === 0) {
    return { ok: false, status: 400, errors: { draftText: "正文中没有识别出任何条文，请确认每条以“第X条”开头。" }, values, preview };
  }
  return { ok: true, data: parsed.data };
}
