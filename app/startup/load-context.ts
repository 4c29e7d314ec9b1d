import type { CommentFormOutcome } from "~/features/comments/index.server";

// What server/index.ts hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request CSP nonce: the only inline scripts allowed are the ones that carry it. */
    nonce: string;
    /** The client's address, as express resolved it (honouring TRUST_PROXY). */
    clientIp: string;
    /** Set when the server's fast path already processed a comment form that failed validation. */
    commentOutcome?: CommentFormOutcome;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
