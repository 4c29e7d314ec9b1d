import crypto from "node:crypto";
import { env } from "~/platform/env.server";

// The receipt page is often opened on a shared computer (a 服务站, a library): the check code never
// travels in a URL, where it would stay in the browser's history. After a submission or a look-up
// the receipt number and code sit in this short-lived, signed, httpOnly cookie, and the page is a
// plain GET of /status. (Path=/ because the router fetches the page's data from /status.data,
// which a cookie scoped to /status would not reach.)

const NAME = "zq_receipt";
export const RECEIPT_VIEW_SECONDS = 10 * 60;

export interface ReceiptView {
  receiptNo: string;
  code: string;
  /** Just submitted: the page thanks the person and asks them to note the number and code. */
  fresh: boolean;
}

const sign = (payload: string) => crypto.createHmac("sha256", env().SESSION_SECRET).update(`receipt-view:${payload}`).digest("base64url").slice(0, 32);

function attributes(maxAge: number): string {
  const secure = env().PUBLIC_URL.startsWith("https://") ? "; Secure" : "";
  return `Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** The Set-Cookie value that lets this browser see the receipt for the next few minutes. */
export function receiptViewCookie(view: ReceiptView, now = new Date()): string {
  const expires = now.getTime() + RECEIPT_VIEW_SECONDS * 1000;
  const payload = [view.receiptNo, view.code.toUpperCase(), view.fresh ? "1" : "0", String(expires)].join(".");
  return `${NAME}=${payload}.${sign(payload)}; ${attributes(RECEIPT_VIEW_SECONDS)}`;
}

export function clearReceiptViewCookie(): string {
  return `${NAME}=; ${attributes(0)}`;
}

/** The receipt this browser may see, from a cookie this server signed and that has not expired. */
export function readReceiptView(cookieHeader: string | null, now = new Date()): ReceiptView | null {
  const raw = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${NAME}=`))
    ?.slice(NAME.length + 1);
  const m = raw ? /^(ZQ\d{8}-[0-9A-Z]{6})\.([0-9A-Z]{10})\.([01])\.(\d{1,16})\.([A-Za-z0-9_-]{32})$/.exec(raw) : null;
  if (!m) return null;
  const payload = `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
  const expected = Buffer.from(sign(payload));
  if (!crypto.timingSafeEqual(expected, Buffer.from(m[5])) || Number(m[4]) < now.getTime()) return null;
  return { receiptNo: m[1], code: m[2], fresh: m[3] === "1" };
}
