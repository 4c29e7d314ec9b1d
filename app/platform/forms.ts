import { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Text values of a form, for re-filling it after a failed submission (never files or passwords). */
export function formValues(form: FormData | URLSearchParams, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !omit.includes(key)) {
      values[key] = key in values ? `${values[key]}\n${value}` : value;
    }
  }
  return values;
}

/** Parses form data with a zod schema; on failure, the first message per field and the typed values. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData | URLSearchParams,
  options: { omitFromValues?: string[] } = {}
): FormResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(form, options.omitFromValues) };
}
