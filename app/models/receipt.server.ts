import crypto from "node:crypto";
import { sha256Hex } from "~/utils/crypto.server";
import { shanghaiDate } from "~/utils/periods";

// Crockford base32 without I, L, O, U: easy to read out over the phone and to type.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function randomCode(length: number): string {
  const bytes = crypto.randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** 回执编号 such as ZQ20261126-7K3M9Q: the day it was received plus 30 random bits. */
export function newReceiptNo(receivedAt: Date): string {
  const day = shanghaiDate(receivedAt).replaceAll("-", "");
  return `ZQ${day}-${randomCode(6)}`;
}

/** The check code that, with the receipt number, opens the status page: 50 random bits. */
export function newCheckCode(): string {
  return randomCode(10);
}

export function hashCheckCode(receiptNo: string, code: string): string {
  return sha256Hex(`${receiptNo}:${code.trim().toUpperCase()}`);
}

export const RECEIPT_NO_PATTERN = /^ZQ\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/;
