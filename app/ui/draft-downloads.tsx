import { draftDownloadHref } from "~/features/consultations";

/** The draft to keep or print: Word and PDF, made from the published structure. */
export function DraftDownloads({ consultationId }: { consultationId: number }) {
  return (
    <p className="draft-downloads">
      下载征求意见稿：
      <a href={draftDownloadHref(consultationId, "docx")} download>
        Word 文档（.docx）
      </a>
      <a href={draftDownloadHref(consultationId, "pdf")} download>
        PDF 文件（.pdf）
      </a>
    </p>
  );
}
