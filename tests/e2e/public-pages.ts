// Every public page a visitor can reach without an account, for the checks that must hold on all
// of them (axe, raw bytes, reflow at 320 px).
export const PUBLIC_PAGES = [
  "/",
  "/consultations",
  "/consultations?q=就业",
  "/consultations/1",
  "/consultations/2",
  "/consultations/3",
  "/consultations/1/versions",
  "/consultations/1/feedback",
  "/status",
  "/subscribe",
  "/login",
  "/accessibility",
  "/privacy",
  "/no/such/page",
];
