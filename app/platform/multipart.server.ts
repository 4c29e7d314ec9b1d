import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
// Text fields may be large (a pasted draft); reading them whole lets us answer "too long" with the text kept.
const MAX_FIELD_BYTES = 8 * 1024 * 1024;
const MAX_REQUEST_BYTES = MAX_FILE_BYTES + MAX_FIELD_BYTES + 1024 * 1024;

/** A form that cannot be read: too large (413), or malformed (400). The message is for people. */
export class FormReadError extends Error {
  constructor(message: string, readonly status: 400 | 413) {
    super(message);
  }
}

const TOO_LARGE = "提交的内容过大：每个文件不超过 20 MB，正文不超过 8 MB。请精简后重试。";

const fileHandler = createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES });
const fieldHandler = createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES });

/** Reads a form that may carry files, with size limits that end in a clear message, not a 500. */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw new FormReadError(TOO_LARGE, 413);
  try {
    if (!type.startsWith("multipart/form-data")) return await request.formData();
    return await parseMultipartFormData(request, (part) => (typeof part.filename === "string" ? fileHandler(part) : fieldHandler(part)));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new FormReadError(TOO_LARGE, 413);
    // The parser rejects what browsers should never send (e.g. unbalanced quotes in a file name).
    throw new FormReadError("无法读取提交的内容。如上传了文件，请将文件重命名（避免引号等特殊字符）后重试。", 400);
  }
}

/** A file input's value when the user chose a file (browsers send an empty part otherwise). */
export function chosenFile(form: FormData, name: string): File | null {
  const value = form.get(name);
  return value instanceof File && value.size > 0 && value.name !== "" ? value : null;
}
