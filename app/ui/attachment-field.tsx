import { Field } from "./field";
import { COMMENT_FILE_ACCEPT, COMMENT_FILE_MAX_BYTES, COMMENT_FILES_MAX, COMMENT_FILES_TOTAL_BYTES, COMMENT_FILE_TYPES_TEXT } from "~/features/comments";

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * The comment form's file input. Works without JavaScript (the form is multipart then); with it,
 * `onCount` lets the form stay url-encoded while no file is chosen. The server checks every file
 * by its content; a browser never keeps chosen files across a failed submit, so the hint says so.
 */
export function AttachmentField({ id, error, onCount }: { id: string; error?: string; onCount?: (count: number) => void }) {
  return (
    <Field
      id={id}
      label="附件（选填）"
      hint={`最多 ${COMMENT_FILES_MAX} 个文件，每个不超过 ${mb(COMMENT_FILE_MAX_BYTES)}，合计不超过 ${mb(
        COMMENT_FILES_TOTAL_BYTES
      )}；支持 ${COMMENT_FILE_TYPES_TEXT}。附件经审核后才可能公开，含个人信息的附件不会公开。`}
      error={error}
      control={(aria) => (
        <input {...aria} type="file" name="files" multiple accept={COMMENT_FILE_ACCEPT} onChange={(e) => onCount?.(e.currentTarget.files?.length ?? 0)} />
      )}
    />
  );
}
