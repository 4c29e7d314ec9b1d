/**
 * The public comment form's URL, /consultations/:id, as one pattern: the server's fast path for the form
 * (server/index.ts), its body ceiling (server/body-limits.ts) and the route share it. The id is group 1.
 */
export const COMMENT_FORM_PATH = /^\/consultations\/([1-9]\d{0,14})$/;
