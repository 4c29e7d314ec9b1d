import crypto from "node:crypto";
import { env } from "~/platform/env.server";
import { sha256Hex } from "~/platform/crypto.server";
import { shanghaiDate } from "~/platform/periods";

// Crockford base32 without I, L, O, U: easy to read out over the phone and to type.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encode(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] & 31];
  return out;
}

/** 回执编号 such as ZQ20261126-7K3M9Q: the day it was received plus 30 random bits. */
export function newReceiptNo(receivedAt: Date): string {
  return `ZQ${shanghaiDate(receivedAt).replaceAll("-", "")}-${encode(crypto.randomBytes(6), 6)}`;
}

/** A random check code, for comments that no form submission stands behind (seed, staff entry). */
export function newCheckCode(): string {
  return encode(crypto.randomBytes(10), 10);
}

/**
 * The check code for a web submission, derived from its idempotency key with the server secret:
 * a resubmitted form gets the same receipt and the same code, and nobody without the secret can
 * compute one. 50 bits.
 */
export function checkCodeFor(idempotencyKey: string): string {
  const mac = crypto.createHmac("sha256", env().SESSION_SECRET).update(`check:${idempotencyKey}`).digest();
  return encode(mac, 10);
}

export function hashCheckCode(receiptNo: string, code: string): string {
  return sha256Hex(`${receiptNo}:${code.trim().toUpperCase()}`);
}

/** The token in an email-verification link: bound to the receipt, unforgeable without the secret. */
export function verificationToken(receiptNo: string): string {
  return crypto.createHmac("sha256", env().SESSION_SECRET).update(`verify:${receiptNo}`).digest("base64url").slice(0, 32);
}

/**
 * The token in the status link of a notice: shows that receipt's status (never its check code),
 * so the link opens the page at once; bound to the receipt, unforgeable without the secret.
 */
export function statusToken(receiptNo: string): string {
  return crypto.createHmac("sha256", env().SESSION_SECRET).update(`status:${receiptNo}`).digest("base64url").slice(0, 32);
}
