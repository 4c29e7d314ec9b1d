import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
// Text fields may be large (a pasted draft); reading them whole lets us answer "too long" with the text kept.
const MAX_FIELD_BYTES = 8 * 1024 * 1024;
const MAX_REQUEST_BYTES = MAX_FILE_BYTES + MAX_FIELD_BYTES + 1024 * 1024;

export class FormTooLargeError extends Error {
  constructor(readonly field: string | null) {
    super(field ? `字段 ${field} 过大` : "提交的内容过大");
  }
}

const fileHandler = createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES });
const fieldHandler = createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES });

/** Reads a form that may carry files, with size limits that end in a clear message, not a 500. */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw new FormTooLargeError(null);
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await parseMultipartFormData(request, (part) =>
      typeof part.filename === "string" ? fileHandler(part) : fieldHandler(part),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new FormTooLargeError(error.field);
    throw error;
  }
}

/** A file input's value when the user chose a file (browsers send an empty part otherwise). */
export function chosenFile(form: FormData, name: string): File | null {
  const value = form.get(name);
  return value instanceof File && value.size > 0 && value.name !== "" ? value : null;
}
