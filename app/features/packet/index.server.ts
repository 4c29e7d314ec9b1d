// The packet feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export {
  addLegalOpinion,
  answerLegalOpinion,
  getLegalReview,
  legalOpinionsOf,
  legalPublishBlock,
  listLegalReviews,
  markLegalReviewFinished,
  markLegalReviewReceived,
  maySubmitToLegal,
  removeLegalOpinion,
  resubmitLegalReview,
  returnLegalReview,
  submitToLegalReview,
} from "./legal-review.server";
export { ensurePacketBuild } from "./packet-builds.server";
export { packetSummary } from "./packet-summary.server";
export { registerCount } from "./register.server";
export { A4, FONTS, STYLES, TEXT_MARGINS, footer } from "./writers/docx-document.server";
export { fontTable } from "./writers/docx.server";
export { contentDisposition, exportFilename, isPacketFormat, packetDownload, publicRegisterDownload } from "./writers/download.server";
export { PORTRAIT, PdfFontError, checkPdfFont, decoratePages, registerFont } from "./writers/pdf.server";
