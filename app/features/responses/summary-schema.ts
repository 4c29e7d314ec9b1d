// The summary page's forms. No database imports: the page shares the limits with the server.
import { z } from "zod";

export const SUMMARY_MAX = 100_000;

export const SummaryTextSchema = z.object({
  body: z
    .string({ error: "请填写说明正文。" })
    // Line ends from a textarea arrive as CRLF; the stored text uses LF like the drafted one.
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "请填写说明正文。")
        .max(SUMMARY_MAX, `说明正文不能超过 ${SUMMARY_MAX.toLocaleString("zh-CN")} 个字符。`)
    ),
  confirmUndecided: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

export { ReviewSchema } from "~/features/consultations";
