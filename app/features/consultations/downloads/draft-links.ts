// The draft's download links, shared by the page and the routes (no server code: the browser imports it).
export type DraftFormat = "docx" | "pdf";

export const draftDownloadHref = (consultationId: number, format: DraftFormat) => `/consultations/${consultationId}/draft.${format}`;
