import { Transform, type TransformCallback } from "node:stream";

/**
 * React 18.3's Node renderer encodes into 2,048-byte views and, when a string does not fit, sends the
 * whole view: if a 3-byte Chinese character did not fit in its last one or two bytes, those bytes go
 * out as zeros (facebook/react#26228, fixed in React 19, never released for 18). Those zeros are the
 * only NUL bytes a page can carry — React writes no NUL of its own, and in UTF-8 a zero byte is never
 * part of another character — so dropping every zero byte gives the page React meant to send
 * (docs/decisions/0048).
 */
export function withoutViewPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      let at = chunk.indexOf(0);
      if (at === -1) return done(null, chunk);
      const parts: Buffer[] = [];
      let from = 0;
      for (; at !== -1; at = chunk.indexOf(0, from)) {
        parts.push(chunk.subarray(from, at));
        from = at + 1;
      }
      parts.push(chunk.subarray(from));
      done(null, Buffer.concat(parts));
    },
  });
}

/** A Node stream's bytes, whole. */
export async function bytesOf(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
