import { useEffect, useState } from "react";

/** 32 random hex characters, from getRandomValues (there on plain-HTTP intranet pages too, unlike randomUUID). */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The comment form's idempotency key, kept out of the page's HTML so that a shared cache can hand the
 * same page to everyone (docs/decisions/0041). With JavaScript the browser makes one when the form
 * appears, and keeps it while a reply brings the form back (a retry is then the same submission); a reply
 * that takes the key back (another person's) gets a new one. Without JavaScript the field is empty in
 * the cached page and the server derives the key from the submission itself
 * (app/features/comments/comment-intake.server.ts), so a double click still makes one comment.
 */
export function FormKey({ value }: { value: string | undefined }) {
  const [key, setKey] = useState(value ?? "");
  useEffect(() => setKey(value || randomKey()), [value]);
  return <input type="hidden" name="idempotencyKey" value={key} />;
}
