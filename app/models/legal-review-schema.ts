// The legal office's form on the packet page. No database imports: the browser may use it too.
import { z } from "zod";

export const LEGAL_NOTE_MAX = 1000;

/** 审查完成: an optional note of the outcome (审查意见), kept with the review. */
export const LegalFinishSchema = z.object({
  note: z
    .string()
    .trim()
    .max(LEGAL_NOTE_MAX, `审查意见不能超过 ${LEGAL_NOTE_MAX} 个字。`)
    .optional()
    .transform((v) => v || undefined),
});
